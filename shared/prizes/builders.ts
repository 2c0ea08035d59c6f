import { entityRef, lwwSetData, opDraft, type DraftData, type LwwFields, type OpDraft } from '../sync';
import type { z } from 'zod';
import { CAMPAIGN_KIND, campaign, type CampaignFields } from './campaign';
import { prizeDelegate, prizeKey } from './people';
import { PRIZE_REQUEST_KIND, prizeRequest, type prizeRequestOps } from './request';
import { PRIZE_SETTINGS_ID, PRIZE_SETTINGS_KIND, prizeSettings, type PrizeSettingsFields } from './settings';

/**
 * The prize capability's ops, as drafts for `sync.record` (`opDraft` checks each against its
 * schema and throws on anything else). Event data carries `seen`: pass `state.heads(entity)`.
 */
export const requestEntity = (id: string) => entityRef(PRIZE_REQUEST_KIND, id);
export const campaignEntity = (id: string) => entityRef(CAMPAIGN_KIND, id);
export const prizeSettingsEntity = () => entityRef(PRIZE_SETTINGS_KIND, PRIZE_SETTINGS_ID);

export function campaignSetOp(id: string, current: LwwFields<CampaignFields> | undefined, changes: Partial<CampaignFields>): OpDraft {
  return opDraft(campaign, 'campaign.set', id, lwwSetData(current, changes));
}

export function prizeSettingsSetOp(current: LwwFields<PrizeSettingsFields> | undefined, changes: Partial<PrizeSettingsFields>): OpDraft {
  return opDraft(prizeSettings, 'prizeSettings.set', PRIZE_SETTINGS_ID, lwwSetData(current, changes));
}

export function delegateSetOp(memberId: string, delegate: string | null, at: number): OpDraft {
  return opDraft(prizeDelegate, 'prizeDelegate.set', memberId, { delegate, at });
}

export function deviceKeyOp(deviceId: string, publicKey: string): OpDraft {
  return opDraft(prizeKey, 'prizeKey.published', deviceId, { publicKey });
}

type RequestOps = typeof prizeRequestOps;
type RequestOpType = keyof RequestOps & string;

/** Any event on a prize request: `data` without `seen`, which `heads` gives. */
export function requestEventOp<T extends RequestOpType>(
  type: T,
  requestId: string,
  data: Omit<DraftData<z.input<RequestOps[T]>>, 'seen'> | Record<string, unknown>,
  heads: readonly string[],
): OpDraft {
  return opDraft(prizeRequest, type, requestId, { ...data, seen: [...heads] } as DraftData<z.input<RequestOps[T]>>);
}
