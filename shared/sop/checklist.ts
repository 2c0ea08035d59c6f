import { TZDate } from '@date-fns/tz';
import { addDaysToDate, type ShiftInstance, type ShiftType } from '../team-settings';
import { minutesOfTime, type ChecklistDef, type ChecklistKind, type ContentType } from './checklist-schedule';
import { MAX_SHIFT_CHECKLIST_ITEMS } from './limits';
import { publishedContentOf, type SopView } from './summary';
import type { CountedTicks, TickSetAsideReason } from './tick-rules';
import type { Tick } from './ticks';

/**
 * A shift's checklist, built from the published SOPs' checklist items for that shift: which
 * apply (shift type, working day or weekend, holiday) and when each is due. Pure: the shift, the
 * holidays and make-up working days (the rota's calendar) and the time are parameters.
 */

export interface PlannedItem {
  /** `<sop id>/<item id>/<slot>`: what a tick names. */
  readonly key: string;
  readonly sopId: string;
  readonly sopTitle: string;
  readonly itemId: string;
  readonly title: string;
  readonly kind: ChecklistKind;
  readonly contentType: ContentType | null;
  /** Epoch ms the item is due by. */
  readonly dueAt: number;
  /** HH:mm in the team's zone, as people read it. */
  readonly slot: string;
}

export interface ChecklistContext {
  readonly shift: ShiftInstance;
  readonly shiftType: Pick<ShiftType, 'id' | 'start' | 'end'>;
  readonly timeZone: string;
  /** Public holidays, yyyy-MM-dd (the rota owns the calendar). */
  readonly holidays: ReadonlySet<string>;
  /** Weekend days made working days (调休), yyyy-MM-dd: weekday items apply on them, weekend items do not. */
  readonly workdays?: ReadonlySet<string>;
}

/** Monday 1 … Sunday 7 of a calendar date; no time zone takes part. */
export function isoWeekday(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

function appliesOn(def: ChecklistDef, context: ChecklistContext): boolean {
  if (def.shiftTypeIds.length > 0 && !def.shiftTypeIds.includes(context.shiftType.id)) return false;
  const holiday = context.holidays.has(context.shift.date);
  if (def.holidays === 'skip' && holiday) return false;
  if (def.holidays === 'only') return holiday;
  const workingDay = isoWeekday(context.shift.date) <= 5 || context.workdays?.has(context.shift.date) === true;
  if (def.days === 'weekdays') return workingDay;
  if (def.days === 'weekends') return !workingDay;
  return true;
}

const pad = (value: number) => String(value).padStart(2, '0');
const slotOf = (at: number, timeZone: string) => {
  const wall = new TZDate(at, timeZone);
  return `${pad(wall.getHours())}:${pad(wall.getMinutes())}`;
};

/** The instant of a wall-clock time within the shift: on its start date, or the next day when the shift crosses midnight. */
function instantInShift(time: string, context: ChecklistContext): number | null {
  const minutes = minutesOfTime(time);
  for (const date of [context.shift.date, addDaysToDate(context.shift.date, 1)]) {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const at = new TZDate(year, month - 1, day, Math.floor(minutes / 60), minutes % 60, context.timeZone).getTime();
    if (at >= context.shift.startAt && at < context.shift.endAt) return at;
  }
  return null;
}

function dueTimes(def: ChecklistDef, context: ChecklistContext): number[] {
  const { startAt, endAt } = context.shift;
  if (def.kind === 'once') return [endAt];
  if (def.kind === 'post') return def.times.flatMap((time) => instantInShift(time, context) ?? []);
  const every = (def.everyMinutes ?? 0) * 60_000;
  if (every <= 0) return [];
  const times: number[] = [];
  for (let at = startAt + every; at <= endAt; at += every) times.push(at);
  return times;
}

export interface PlannedChecklist {
  readonly items: readonly PlannedItem[];
  /** More items than a checklist holds: the rest were left out (and the screen says so). */
  readonly truncated: boolean;
}

export function planChecklist(docs: readonly SopView[], context: ChecklistContext): PlannedChecklist {
  const items: PlannedItem[] = [];
  for (const doc of docs) {
    // The current published revision (`publishedRevision`), from a doc or a brief alike.
    const current = doc.versions.at(-1);
    if (!current) continue;
    const published = { revision: publishedContentOf(doc, current.revision) };
    for (const def of published.revision.checklist) {
      if (!appliesOn(def, context)) continue;
      for (const dueAt of dueTimes(def, context)) {
        const slot = slotOf(dueAt, context.timeZone);
        items.push({
          key: `${doc.id}/${def.id}/${def.kind === 'once' ? 'shift' : slot}`,
          sopId: doc.id,
          sopTitle: published.revision.title,
          itemId: def.id,
          title: def.title,
          kind: def.kind,
          contentType: def.contentType,
          dueAt,
          slot,
        });
      }
    }
  }
  items.sort((a, b) => a.dueAt - b.dueAt || (a.key < b.key ? -1 : 1));
  return { items: items.slice(0, MAX_SHIFT_CHECKLIST_ITEMS), truncated: items.length > MAX_SHIFT_CHECKLIST_ITEMS };
}

export type ItemState = 'done' | 'past-due' | 'open';

export interface ChecklistEntry extends PlannedItem {
  readonly state: ItemState;
  readonly tick: Tick | null;
}

export interface ShiftChecklistView {
  readonly entries: readonly ChecklistEntry[];
  /** The first open item not yet due. */
  readonly next: ChecklistEntry | null;
  readonly pastDue: readonly ChecklistEntry[];
  readonly truncated: boolean;
  /** Ticks that do not count (someone not on the shift, or in another's name), with why. */
  readonly setAside: ReadonlyArray<{ readonly tick: Tick; readonly reason: TickSetAsideReason }>;
}

/** The plan against the ticks that count at `now`: done, past due (not done and its time has passed), or open. */
export function checklistAt(plan: PlannedChecklist, ticks: CountedTicks, now: number): ShiftChecklistView {
  const entries = plan.items.map((item): ChecklistEntry => {
    const tick = ticks.latest[item.key] ?? null;
    const done = tick?.done === true;
    return { ...item, tick: done ? tick : null, state: done ? 'done' : item.dueAt < now ? 'past-due' : 'open' };
  });
  return {
    entries,
    next: entries.find((entry) => entry.state === 'open') ?? null,
    pastDue: entries.filter((entry) => entry.state === 'past-due'),
    truncated: plan.truncated,
    setAside: ticks.setAside,
  };
}
