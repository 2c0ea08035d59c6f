import type { TeamSettings } from '../team-settings';
import type { ReadonlySyncState } from '../sync/trust-plug';

/** One file of an export: a path relative to the export folder (forward slashes) and its text (or bytes: a copied picture). */
export interface ExportFile {
  readonly path: string;
  readonly content: string | Uint8Array;
  /** One line for the export's README: what this file (or this group of files) is. */
  readonly describe?: { readonly zh: string; readonly en: string };
}

export interface ExportInput {
  readonly state: ReadonlySyncState;
  readonly settings: TeamSettings;
  readonly teamName: string | null;
  /** When the export was made (epoch ms): written in the README. */
  readonly now: number;
}

/** A capability's exporter: its data as files a person can read without Baton. */
export type Exporter = (input: ExportInput) => ExportFile[];
