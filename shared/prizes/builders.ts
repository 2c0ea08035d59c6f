import { entityRef, lwwSetData, type LwwFields } from '../sync';
import type { OpDraft } from '../team';
import { CAMPAIGN_KIND, campaign, type CampaignFields } from './campaign';
import { DELEGATE_KIND, DEVICE_KEY_KIND, prizeDelegate, prizeKey } from './people';
import { PRIZE_REQUEST_KIND, prizeRequestOps } from './request';
import { PRIZE_SETTINGS_ID, PRIZE_SETTINGS_KIND, prizeSettings, type PrizeSettingsFields } from './settings';

/**
 * The prize capability's ops, as drafts for `sync.record`. Each builder checks the data against
 * its op's schema and throws on anything else, so a draft that leaves here folds as written.
 * Event data carries `seen`: pass `state.heads(entity)`.
 */
const schemas = { ...prizeRequestOps, ...campaign.ops, ...prizeSettings.ops, ...prizeDelegate.ops, ...prizeKey.ops };
type OpType = keyof typeof schemas;

function draft(type: OpType, entity: string, data: Record<string, unknown>): OpDraft {
  return { type, entity, data: schemas[type].parse(data) as Record<string, unknown> };
}

export const requestEntity = (id: string) => entityRef(PRIZE_REQUEST_KIND, id);
export const campaignEntity = (id: string) => entityRef(CAMPAIGN_KIND, id);
export const prizeSettingsEntity = () => entityRef(PRIZE_SETTINGS_KIND, PRIZE_SETTINGS_ID);

export function campaignSetOp(id: string, current: LwwFields<CampaignFields> | undefined, changes: Partial<CampaignFields>): OpDraft {
  return draft('campaign.set', campaignEntity(id), { ...lwwSetData(current, changes) });
}

export function prizeSettingsSetOp(current: LwwFields<PrizeSettingsFields> | undefined, changes: Partial<PrizeSettingsFields>): OpDraft {
  return draft('prizeSettings.set', prizeSettingsEntity(), { ...lwwSetData(current, changes) });
}

export function delegateSetOp(memberId: string, delegate: string | null, at: number): OpDraft {
  return draft('prizeDelegate.set', entityRef(DELEGATE_KIND, memberId), { delegate, at });
}

export function deviceKeyOp(deviceId: string, publicKey: string): OpDraft {
  return draft('prizeKey.published', entityRef(DEVICE_KEY_KIND, deviceId), { publicKey });
}

/** Any event on a prize request: `data` without `seen`, which `heads` gives. */
export function requestEventOp(
  type: Exclude<OpType, 'campaign.set' | 'prizeSettings.set' | 'prizeDelegate.set' | 'prizeKey.published'>,
  requestId: string,
  data: Record<string, unknown>,
  heads: readonly string[],
): OpDraft {
  return draft(type, requestEntity(requestId), { ...data, seen: [...heads] });
}
