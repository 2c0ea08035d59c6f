/**
 * The operation and event names of the bridge, kept free of zod so the sandboxed preload bundle
 * stays tiny. `contract.ts` checks at compile time that these lists and the schemas agree.
 */
export const operationNames = [
  'getAppInfo',
  'getSettings',
  'updateSettings',
  'completeFirstRun',
  'pickFolder',
  'openExternal',
  'showInFolder',
  'savePdf',
  'getSyncStatus',
  'syncNow',
  // Team (electron/services/team)
  'getTeam',
  'inspectFolder',
  'createTeam',
  'joinTeam',
  'approveJoin',
  'declineJoin',
  'setMemberRoles',
  'removeMember',
  'revokeDevice',
  'setMyDisplayName',
  // Handover notes and follow-ups (electron/services/handover).
  'getShiftContext',
  'getHandoverDraft',
  'saveHandoverDraft',
  'discardHandoverDraft',
  'submitHandover',
  'addHandoverAddendum',
  'acknowledgeHandover',
  'listHandovers',
  'getHandover',
  'searchHandovers',
  'listFollowUps',
  'getFollowUp',
  'createFollowUp',
  'updateFollowUp',
  'commentFollowUp',
  'putAttachment',
  'readAttachment',
  // Team settings a lead edits (electron/services/handover).
  'getTeamSettings',
  'setTeamSettings',
  // The shift briefing (electron/services/briefing).
  'getBriefing',
  // Export of everything (electron/services/export).
  'exportTeamData',
] as const;
export type OperationName = (typeof operationNames)[number];

export const eventNames = ['settingsChanged', 'syncStatusChanged', 'teamDataChanged'] as const;
export type EventName = (typeof eventNames)[number];

export const ipcChannel = (name: OperationName): string => `baton:${name}`;
export const ipcEventChannel = (name: EventName): string => `baton:event:${name}`;

/** `settingsChanged` → `onSettingsChanged`: the bridge's subscription function for an event. */
export type SubscriptionName<E extends EventName> = `on${Capitalize<E>}`;
export const subscriptionName = <E extends EventName>(event: E): SubscriptionName<E> =>
  `on${event[0]!.toUpperCase()}${event.slice(1)}` as SubscriptionName<E>;
