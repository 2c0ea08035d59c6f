import { z } from 'zod';
import { dateSchema, personSchema, settingIdSchema, type Person } from '../team-settings';
import { defineCapability, foldLww, lwwSetSchema, opsOfType, type LwwFields } from '../sync';
import { MAX_BUDGET_FEN } from './money';

/**
 * Campaigns (活动): one entity each (`campaign:<random id>`); every field is last-writer-wins, the
 * first write carries them all. A campaign of another department (`department` set) is a notice:
 * `heardOn` is the day the Weibo team heard of it, so the days of notice can be shown.
 */
export const CAMPAIGN_KIND = 'campaign';

/** 有奖转发 · 随手拍 · 关注送礼 · 神秘代码 · 合作活动 · 其他 */
export const CAMPAIGN_TYPES = ['repostLottery', 'photoContest', 'followGift', 'codeHunt', 'partner', 'other'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];

/**
 * Promotions whose prizes are drawn by chance (抽奖式有奖销售): their top prize is capped. A photo
 * contest is judged and a follow gift goes to everyone; a partner or other campaign may be
 * either, so it is held to the cap.
 */
export const LOTTERY_TYPES: readonly CampaignType[] = ['repostLottery', 'codeHunt', 'partner', 'other'];

export const MAX_CAMPAIGN_NAME_CHARS = 100;

export const campaignFields = {
  type: z.enum(CAMPAIGN_TYPES),
  name: z.string().trim().min(1).max(MAX_CAMPAIGN_NAME_CHARS),
  startDate: dateSchema,
  endDate: dateSchema,
  owner: personSchema,
  budgetFen: z.number().int().min(0).max(MAX_BUDGET_FEN),
  /** Null: the Weibo team's own campaign. */
  department: settingIdSchema.nullable(),
  /** The day the Weibo team heard of another department's campaign. */
  heardOn: dateSchema.nullable(),
};

export interface CampaignFields {
  type: CampaignType;
  name: string;
  startDate: string;
  endDate: string;
  owner: Person;
  budgetFen: number;
  department: string | null;
  heardOn: string | null;
}

export interface Campaign extends CampaignFields {
  readonly id: string;
}

export interface CampaignState {
  readonly id: string;
  readonly fields: LwwFields<CampaignFields>;
  /** Null until a write has set every field. */
  readonly campaign: Campaign | null;
}

export const campaign = defineCapability({
  kind: CAMPAIGN_KIND,
  ops: { 'campaign.set': lwwSetSchema(campaignFields) },
  reduce(ops, { id }): CampaignState {
    const fields = foldLww<CampaignFields>(opsOfType(ops, 'campaign.set'));
    const keys = Object.keys(campaignFields) as Array<keyof CampaignFields>;
    const complete = keys.every((key) => fields[key] !== undefined);
    const campaign = complete ? ({ id, ...Object.fromEntries(keys.map((key) => [key, fields[key]!.value])) } as Campaign) : null;
    return { id, fields, campaign };
  },
  // Stored in the local base's index (a few hundred characters): a restart lists the campaigns
  // (the briefing's section, the names of its prize items, the over-cap rule) without reading their lines.
  summary: (state: CampaignState): Campaign | null => state.campaign,
});

export function isLotteryStyle(type: CampaignType): boolean {
  return LOTTERY_TYPES.includes(type);
}
