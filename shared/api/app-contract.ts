import { z } from 'zod';
import { MemberNameSchema, SettingsPatchSchema, SettingsSchema, SharedFolderChoiceSchema } from '../settings/schema';
import { SyncStatusSchema } from '../sync/status';
import { defineOperations, NoInput } from './define-operations';

/** The app's own operations: this computer's settings, the host's abilities, the sync status. */

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'web']),
  versions: z.record(z.string(), z.string()),
  platform: z.string(),
  canPickFolder: z.boolean(),
  profileDir: z.string(),
  embeddedSharedDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** A file name Baton offers in the save dialog: shown to the person, cleaned by the host before use. */
export const PdfFileNameSchema = z.string().trim().min(1).max(200);

/** Where a "save as PDF" ended: the web host cannot save files itself, so the browser prints instead. */
export const PdfOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), path: z.string() }),
  z.object({ outcome: z.literal('canceled') }),
  z.object({ outcome: z.literal('unsupported') }),
]);
export type PdfOutcome = z.infer<typeof PdfOutcomeSchema>;

export const appOperations = defineOperations({
  getAppInfo: { input: NoInput, output: AppInfoSchema },
  /** This computer's settings (not the team's: those are `getTeamSettings`). */
  getSettings: { input: NoInput, output: SettingsSchema },
  updateSettings: { input: SettingsPatchSchema, output: SettingsSchema },
  completeFirstRun: {
    input: z.object({ memberName: MemberNameSchema, sharedFolder: SharedFolderChoiceSchema }).strict(),
    output: SettingsSchema,
  },
  pickFolder: { input: NoInput, output: z.object({ path: z.string().nullable() }) },
  openExternal: {
    input: z.object({ url: z.string().max(8192) }).strict(),
    output: z.object({ opened: z.boolean() }),
  },
  showInFolder: {
    input: z.object({ path: z.string().min(1).max(4096) }).strict(),
    output: z.object({ shown: z.boolean() }),
  },
  /** What the window shows (a note, in its print layout) as a PDF, where the person chooses. */
  savePdf: { input: z.object({ fileName: PdfFileNameSchema }).strict(), output: PdfOutcomeSchema },
  getSyncStatus: { input: NoInput, output: SyncStatusSchema },
  /** Poll the shared folder and publish pending edits now. */
  syncNow: { input: NoInput, output: SyncStatusSchema },
});
