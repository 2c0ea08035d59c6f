import type { Attachment } from '../attachments';
import { isLotteryStyle, type Campaign } from './campaign';
import { MAX_QUANTITY, MAX_UNIT_VALUE_FEN } from './money';
import { MAX_LINES, MAX_NAME_CHARS, MAX_REQUEST_ATTACHMENTS, MAX_TEXT_CHARS, type PrizeLine } from './request';
import type { PrizeSettings } from './settings';

/**
 * Checks a request as a person filled it in, answering every problem at once with a code the UI
 * translates next to its field. Amounts arrive as whole fen (the form parses yuan with
 * `parseYuan`); anything else (a fraction, a negative quantity, ¥10^12) is refused here, not
 * rounded.
 */
export interface RequestInput {
  readonly campaignId: string;
  readonly lines: ReadonlyArray<{ readonly prize: string; readonly quantity: number; readonly unitValueFen: number }>;
  readonly reason: string;
  readonly eligibility: string;
  readonly drawMethod: string;
  readonly drawAt: number | null;
  readonly redemption: string;
  readonly delivery: string;
  readonly attachments: readonly Attachment[];
}

export interface PrizeIssue {
  readonly code: 'required' | 'too-long' | 'too-many' | 'out-of-range' | 'not-whole' | 'over-cap' | 'unknown-campaign' | 'campaign-started';
  readonly path: string;
  readonly params: Record<string, string | number>;
}

export function validateRequest(
  input: RequestInput,
  context: { readonly campaign: Campaign | null; readonly settings: PrizeSettings },
): { ok: true; lines: PrizeLine[] } | { ok: false; issues: PrizeIssue[] } {
  const issues: PrizeIssue[] = [];
  const text = (path: keyof RequestInput, value: string, max = MAX_TEXT_CHARS) => {
    if (value.trim() === '') issues.push({ code: 'required', path, params: {} });
    else if (value.trim().length > max) issues.push({ code: 'too-long', path, params: { max, length: value.trim().length } });
  };
  if (!context.campaign) issues.push({ code: 'unknown-campaign', path: 'campaignId', params: {} });
  if (input.lines.length === 0) issues.push({ code: 'required', path: 'lines', params: {} });
  if (input.lines.length > MAX_LINES) issues.push({ code: 'too-many', path: 'lines', params: { max: MAX_LINES } });
  const cap = context.settings.topPrizeCapFen;
  input.lines.forEach((line, index) => {
    const at = (field: string) => `lines.${index}.${field}`;
    if (line.prize.trim() === '') issues.push({ code: 'required', path: at('prize'), params: {} });
    else if (line.prize.trim().length > MAX_NAME_CHARS) issues.push({ code: 'too-long', path: at('prize'), params: { max: MAX_NAME_CHARS } });
    wholeIn(line.quantity, 1, MAX_QUANTITY, at('quantity'), issues);
    if (wholeIn(line.unitValueFen, 1, MAX_UNIT_VALUE_FEN, at('unitValueFen'), issues) && context.campaign && isLotteryStyle(context.campaign.type) && line.unitValueFen > cap) {
      issues.push({ code: 'over-cap', path: at('unitValueFen'), params: { capFen: cap, valueFen: line.unitValueFen } });
    }
  });
  text('reason', input.reason);
  text('eligibility', input.eligibility);
  text('drawMethod', input.drawMethod);
  text('redemption', input.redemption);
  text('delivery', input.delivery);
  if (input.drawAt === null) issues.push({ code: 'required', path: 'drawAt', params: {} });
  if (input.attachments.length > MAX_REQUEST_ATTACHMENTS) issues.push({ code: 'too-many', path: 'attachments', params: { max: MAX_REQUEST_ATTACHMENTS } });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    lines: input.lines.map((line, index) => ({ id: `l${index + 1}`, prize: line.prize.trim(), quantity: line.quantity, unitValueFen: line.unitValueFen })),
  };
}

function wholeIn(value: number, min: number, max: number, path: string, issues: PrizeIssue[]): boolean {
  if (!Number.isInteger(value)) {
    issues.push({ code: 'not-whole', path, params: {} });
    return false;
  }
  if (value < min || value > max) {
    issues.push({ code: 'out-of-range', path, params: { min, max } });
    return false;
  }
  return true;
}
