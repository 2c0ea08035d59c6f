import type { z } from 'zod';
import { SettingsSchema } from '../settings/schema';
import { SyncStatusSchema, TeamDataChangedSchema } from '../sync/status';
import { appOperations } from './app-contract';
import { attachmentOperations } from './attachments-contract';
import { briefingOperations } from './briefing-contract';
import { exportOperations } from './export-contract';
import { handoverOperations } from './handover-contract';
import { rotaOperations } from './rota-contract';
import type { ApiResult } from './result';
import { teamOperations } from './team-schemas';
import { sopOperations } from './sop-contract';
import { teamSettingsOperations } from './team-settings-contract';
import { prizesOperations } from './prizes-contract';
import { standInOperations } from './stand-in-contract';
import type { EventName, OperationName, SubscriptionName } from './names';

export { AppInfoSchema, PdfFileNameSchema, PdfOutcomeSchema, type AppInfo, type PdfOutcome } from './app-contract';

/**
 * The one contract of the bridge: every transport (Electron IPC, loopback HTTP) implements it. Each
 * capability declares its operations in its own contract file (`defineOperations`); a new one is
 * one line here.
 */
export const operations = {
  ...appOperations,
  ...teamOperations,
  ...handoverOperations,
  ...attachmentOperations,
  ...teamSettingsOperations,
  ...rotaOperations,
  ...sopOperations,
  ...prizesOperations,
  ...briefingOperations,
  ...standInOperations,
  ...exportOperations,
} as const;

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

// names.ts (the preload's zod-free list) is generated from `operations`; both ways must agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatchContract: Same<keyof Operations, OperationName> = true;
void namesMatchContract;
