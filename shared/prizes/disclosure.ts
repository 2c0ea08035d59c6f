import { wallTimeInZone } from '../team-settings';
import type { Campaign, CampaignType } from './campaign';
import { formatFen } from './money';
import { requestTotalFen, type SubmittedData } from './request';

/**
 * The disclosure a prize promotion must publish in full (prize kinds, names, quantities and values,
 * who may take part and how, draw time and method, redemption, delivery, the organiser's contact),
 * generated from the request for the post, in either language.
 */
export type Language = 'zh-CN' | 'en';

export const CAMPAIGN_TYPE_NAMES: Record<CampaignType, Record<Language, string>> = {
  repostLottery: { 'zh-CN': '有奖转发', en: 'Repost lottery' },
  photoContest: { 'zh-CN': '随手拍', en: 'Photo contest' },
  followGift: { 'zh-CN': '关注送礼', en: 'Follow gift' },
  codeHunt: { 'zh-CN': '神秘代码', en: 'Code hunt' },
  partner: { 'zh-CN': '合作活动', en: 'Partner campaign' },
  other: { 'zh-CN': '其他活动', en: 'Other campaign' },
};

const LABELS = {
  'zh-CN': {
    title: '活动奖品信息公示',
    campaign: '活动',
    kind: '活动类型',
    prizes: '奖品种类、名称、数量及价值（按同类商品市场价计）',
    line: (prize: string, quantity: number, unit: string) => `${prize} × ${quantity}，每份价值 ${unit}`,
    total: '奖品总价值',
    eligibility: '参与条件及方式',
    draw: '开奖时间及方式',
    redemption: '兑奖条件、时间及方式',
    delivery: '奖品交付方式',
    organiser: '主办方联系方式',
    none: '（未填写）',
    zone: '时区',
  },
  en: {
    title: 'Prize promotion disclosure',
    campaign: 'Campaign',
    kind: 'Kind of promotion',
    prizes: 'Prizes: kinds, names, quantities and values (market price of the same goods)',
    line: (prize: string, quantity: number, unit: string) => `${prize} × ${quantity}, ${unit} each`,
    total: 'Total prize value',
    eligibility: 'Who may take part and how',
    draw: 'Draw time and method',
    redemption: 'Redemption conditions, time and method',
    delivery: 'Delivery of prizes',
    organiser: "Organiser's contact",
    none: '(not given)',
    zone: 'time zone',
  },
} as const;

export function disclosureText(
  request: SubmittedData,
  campaign: Campaign | null,
  options: { readonly language: Language; readonly timeZone: string; readonly organiserContact: string },
): string {
  const l = LABELS[options.language];
  const drawAt = `${wallTimeInZone(request.drawAt, options.timeZone).replace('T', ' ')} (${l.zone} ${options.timeZone})`;
  return [
    `【${l.title}】`,
    `${l.campaign}: ${campaign?.name ?? request.campaignId}`,
    `${l.kind}: ${campaign ? CAMPAIGN_TYPE_NAMES[campaign.type][options.language] : l.none}`,
    `${l.prizes}:`,
    ...request.lines.map((line, index) => `  ${index + 1}. ${l.line(line.prize, line.quantity, formatFen(line.unitValueFen))}`),
    `${l.total}: ${formatFen(requestTotalFen(request.lines))}`,
    `${l.eligibility}: ${request.eligibility}`,
    `${l.draw}: ${drawAt}, ${request.drawMethod}`,
    `${l.redemption}: ${request.redemption}`,
    `${l.delivery}: ${request.delivery}`,
    `${l.organiser}: ${options.organiserContact.trim() || l.none}`,
  ].join('\n');
}
