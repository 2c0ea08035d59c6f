import { z } from 'zod';
import {
  MemberNameSchema,
  SettingsPatchSchema,
  SettingsSchema,
  SharedFolderChoiceSchema,
} from '../settings/schema';
import { SyncStatusSchema, TeamDataChangedSchema } from '../sync/status';
import { briefingOperations } from './briefing-contract';
import { exportOperations } from './export-contract';
import { handoverOperations } from './handover-contract';
import type { ApiResult } from './result';
import { teamOperations } from './team-schemas';
import { teamSettingsOperations } from './team-settings-contract';
import type { EventName, OperationName, SubscriptionName } from './names';

const NoInput = z.object({}).strict();

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

interface OperationSpec {
  input: z.ZodType;
  output: z.ZodType;
}

/** The one contract of the bridge: every transport (Electron IPC, loopback HTTP) implements it. */
export const operations = {
  getAppInfo: { input: NoInput, output: AppInfoSchema },
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
  ...teamOperations,
  ...handoverOperations,
  ...teamSettingsOperations,
  ...briefingOperations,
  ...exportOperations,
} as const satisfies Record<OperationName, OperationSpec>;

export const events = {
  settingsChanged: SettingsSchema,
  syncStatusChanged: SyncStatusSchema,
  /** Team data changed (from this computer or the shared folder): screens showing these kinds re-fetch. */
  teamDataChanged: TeamDataChangedSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type Operations = typeof operations;
export type Input<K extends OperationName> = z.input<Operations[K]['input']>;
export type Output<K extends OperationName> = z.output<Operations[K]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export type Unsubscribe = () => void;

export type BatonApi = {
  [K in OperationName]: (input: Input<K>) => Promise<ApiResult<Output<K>>>;
} & {
  [E in EventName as SubscriptionName<E>]: (listener: (payload: EventPayload<E>) => void) => Unsubscribe;
};

/** What a transport must do; `createBatonApi` turns it into the typed bridge. */
export interface BatonTransport {
  invoke(name: OperationName, input: unknown): Promise<ApiResult<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): Unsubscribe;
}
