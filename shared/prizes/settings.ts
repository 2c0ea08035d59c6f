import { z } from 'zod';
import { bilingualNameSchema, personSchema, type BilingualName, type Person } from '../team-settings';
import { defineCapability, foldLww, lwwSetSchema, opsOfType, type LwwFields, type LwwSet } from '../sync';
import { MAX_BUDGET_FEN, MAX_UNIT_VALUE_FEN } from './money';

/**
 * The prize settings a lead edits: the approval chain's thresholds, the named approver, the extra
 * step (e.g. legal review), the top-prize cap, the monthly budget, the fulfilment deadlines and how
 * long winners' contact details are kept. One entity per team (`prizeSettings:team`), each setting
 * last-writer-wins.
 */
export const PRIZE_SETTINGS_KIND = 'prizeSettings';
export const PRIZE_SETTINGS_ID = 'team';

const fen = z.number().int().min(0).max(MAX_BUDGET_FEN);

export const extraStepSchema = z.object({
  /** Requests whose total is above this get the extra step last. */
  overFen: fen,
  name: bilingualNameSchema,
  reviewer: personSchema.nullable(),
});
export type ExtraStep = z.output<typeof extraStepSchema>;

export const prizeSettingsFields = {
  leadMaxFen: fen,
  approverMaxFen: fen,
  namedApprover: personSchema.nullable(),
  extraStep: extraStepSchema.nullable(),
  topPrizeCapFen: z.number().int().min(1).max(MAX_UNIT_VALUE_FEN),
  monthlyBudgetFen: fen.nullable(),
  contactDays: z.number().int().min(1).max(90),
  shipDays: z.number().int().min(1).max(180),
  retentionDays: z.number().int().min(1).max(365),
  organiserContact: z.string().trim().max(200),
};

export interface PrizeSettings {
  /** ≤ this: the lead alone (default ¥500). */
  readonly leadMaxFen: number;
  /** ≤ this: lead then approver (default ¥5,000); above: lead, approver, then the named approver. */
  readonly approverMaxFen: number;
  readonly namedApprover: Person | null;
  readonly extraStep: ExtraStep | null;
  /** The most a lottery-style promotion's top prize may be worth (default ¥50,000). */
  readonly topPrizeCapFen: number;
  readonly monthlyBudgetFen: number | null;
  /** Days from entering winners to having their contact details. */
  readonly contactDays: number;
  /** Days from entering winners to shipping every prize. */
  readonly shipDays: number;
  /** Days after closing before the winners' contact files are deleted. */
  readonly retentionDays: number;
  /** The organiser's contact printed in the disclosure text. */
  readonly organiserContact: string;
}
export type PrizeSettingsFields = { -readonly [K in keyof PrizeSettings]: PrizeSettings[K] };

export const DEFAULT_PRIZE_SETTINGS: PrizeSettings = {
  leadMaxFen: 50_000,
  approverMaxFen: 500_000,
  namedApprover: null,
  extraStep: null,
  topPrizeCapFen: 5_000_000,
  monthlyBudgetFen: null,
  contactDays: 7,
  shipDays: 15,
  retentionDays: 30,
  organiserContact: '',
};

export const LEGAL_REVIEW_NAME: BilingualName = { 'zh-CN': '法务审核', en: 'Legal review' };

export interface PrizeSettingsState {
  readonly fields: LwwFields<PrizeSettingsFields>;
  readonly settings: PrizeSettings;
  /**
   * Every write, oldest first: a request is judged by the settings in force when it was submitted
   * (`prizeSettingsAt`), so a lead raising a threshold later does not reopen approved requests.
   */
  readonly writes: ReadonlyArray<{ readonly hlc: string; readonly set: Partial<PrizeSettingsFields> }>;
}

export const prizeSettings = defineCapability({
  kind: PRIZE_SETTINGS_KIND,
  ops: { 'prizeSettings.set': lwwSetSchema(prizeSettingsFields) },
  reduce(ops): PrizeSettingsState {
    const writes = opsOfType(ops, 'prizeSettings.set') as ReadonlyArray<{ hlc: string; data: LwwSet<PrizeSettingsFields> }>;
    const fields = foldLww<PrizeSettingsFields>(writes);
    const settings = Object.fromEntries(
      (Object.keys(DEFAULT_PRIZE_SETTINGS) as Array<keyof PrizeSettings>).map((key) => [key, fields[key]?.value ?? DEFAULT_PRIZE_SETTINGS[key]]),
    ) as unknown as PrizeSettings;
    return { fields, settings, writes: writes.map((op) => ({ hlc: op.hlc, set: op.data.set })) };
  },
});

/** The settings in force: the defaults when nothing was written yet. */
export function prizeSettingsOf(state: PrizeSettingsState | undefined): PrizeSettings {
  return state?.settings ?? DEFAULT_PRIZE_SETTINGS;
}

/** The settings as the writes up to `hlc` left them (hlc order: the same on every device). */
export function prizeSettingsAt(state: PrizeSettingsState | undefined, hlc: string): PrizeSettings {
  const settings: PrizeSettingsFields = { ...DEFAULT_PRIZE_SETTINGS };
  for (const write of state?.writes ?? []) {
    if (write.hlc > hlc) break;
    for (const key of Object.keys(write.set) as Array<keyof PrizeSettingsFields>) {
      if (key in DEFAULT_PRIZE_SETTINGS && write.set[key] !== undefined) (settings as Record<string, unknown>)[key] = write.set[key];
    }
  }
  return settings;
}
