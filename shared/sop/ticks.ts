import { z } from 'zod';
import { defineCapability } from '../sync';
import { personSchema, type Person } from './fields';
import { MAX_LINK_CHARS, MAX_TICK_NOTE_CHARS } from './limits';

/** A link to the Weibo post the tick is about: a web link only. */
export const isWebLink = (value: string): boolean => /^https?:\/\//i.test(value) && URL.canParse(value);
const linkSchema = z.string().trim().max(MAX_LINK_CHARS).refine(isWebLink, 'not a web link (http:// or https://)');

/**
 * Ticks of a shift's checklist: one entity per shift (`shiftChecklist:<date>.<shiftTypeId>`), each
 * tick or untick an op naming the item's key. Per item the newest op (hlc order) decides, so two
 * people ticking the same item show one tick everywhere; the loser stays in `history`.
 */

export const SHIFT_CHECKLIST_KIND = 'shiftChecklist';

const at = z.number().int().min(0).max(8.64e15);
/** `<sop id>/<item id>/<slot>`: the item of the SOP at one time slot of the shift. */
const keySchema = z.string().min(1).max(300);

export const tickedSchema = z.object({
  key: keySchema,
  by: personSchema,
  at,
  link: linkSchema.optional(),
  note: z.string().trim().max(MAX_TICK_NOTE_CHARS).optional(),
});
export const untickedSchema = z.object({ key: keySchema, by: personSchema, at });

export interface Tick {
  readonly opId: string;
  readonly hlc: string;
  readonly deviceId: string;
  readonly key: string;
  readonly done: boolean;
  readonly by: Person;
  readonly at: number;
  readonly link: string | null;
  readonly note: string | null;
}

export interface ShiftChecklistState {
  readonly id: string;
  /** Per item key, the newest tick or untick. */
  readonly latest: Readonly<Record<string, Tick>>;
  /** Every tick and untick, oldest first. */
  readonly history: readonly Tick[];
}

export const shiftChecklist = defineCapability({
  kind: SHIFT_CHECKLIST_KIND,
  ops: { 'shiftChecklist.ticked': tickedSchema, 'shiftChecklist.unticked': untickedSchema },
  reduce(ops, { id }): ShiftChecklistState {
    const latest: Record<string, Tick> = {};
    const history: Tick[] = [];
    for (const op of ops) {
      const data = op.data as z.output<typeof tickedSchema>;
      const tick: Tick = {
        opId: op.id,
        hlc: op.hlc,
        deviceId: op.id.slice(0, op.id.indexOf(':')),
        key: data.key,
        done: op.type === 'shiftChecklist.ticked',
        by: data.by,
        at: data.at,
        link: data.link ?? null,
        note: data.note ?? null,
      };
      history.push(tick);
      latest[tick.key] = tick;
    }
    return { id, latest, history };
  },
});

/** The id of a shift's checklist entity (`shiftChecklist:2026-01-05.early`): `2026-01-05.early`. */
export function shiftChecklistId(shift: { readonly date: string; readonly shiftTypeId: string }): string {
  return `${shift.date}.${shift.shiftTypeId}`;
}
