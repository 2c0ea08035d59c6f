/**
 * The operation and event names of the bridge, kept free of zod so the sandboxed preload bundle
 * stays tiny. The operation names are generated from the contract (`scripts/operation-names.mjs`,
 * run by the build); `contract.ts` checks at compile time that they agree.
 */
import { operationNames } from './operation-names';

export { operationNames };
export type OperationName = (typeof operationNames)[number];

export const eventNames = ['settingsChanged', 'syncStatusChanged', 'teamDataChanged'] as const;
export type EventName = (typeof eventNames)[number];

export const ipcChannel = (name: OperationName): string => `baton:${name}`;
export const ipcEventChannel = (name: EventName): string => `baton:event:${name}`;

/** `settingsChanged` → `onSettingsChanged`: the bridge's subscription function for an event. */
export type SubscriptionName<E extends EventName> = `on${Capitalize<E>}`;
export const subscriptionName = <E extends EventName>(event: E): SubscriptionName<E> =>
  `on${event[0]!.toUpperCase()}${event.slice(1)}` as SubscriptionName<E>;
