import { describe, expect, it } from 'vitest';
import type { Logger } from '../../electron/services/log';
import { HandoverService, type HandoverSync } from '../../electron/services/handover/handover-service';
import { handover, handoversForShift, previousHandoverForMe, submittedHandovers, type SubmittedHandover } from '../../shared/handover';
import type { AnyCapability } from '../../shared/sync/capability';
import type { Op } from '../../shared/sync/op';
import type { ListOptions, SyncState } from '../../shared/sync/sync-state';
import type { ReadonlySyncState } from '../../shared/sync/trust-plug';
import type { Person } from '../../shared/team-settings';
import { HOUR, LI, MINUTE, WANG, ZHAO, acknowledge, noteData, replica, shanghai, submit } from '../handover/harness';
import { ALICE, BOB, TestDevice } from '../sync/devices';
import { tempDir } from './helpers';
import { restartedFrom } from '../sync/restarted';
import { nodeCrypto } from '../sync/node-crypto';
import { followUp, unacknowledged } from '../../shared/handover';
import { teamSettings } from '../../shared/team-settings';

/**
 * The handover screen's first load (`getShiftContext`) and an opened note (`getHandover`) read the
 * notes changed since a window around their shift, not every note (a restart leaves the older
 * ones on disk), and answer as reading every note does.
 */

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const DAY = 24 * HOUR;
const START = { early: '08:00', late: '16:00' } as const;

/** The same state, noting each list of notes asked for: with `changedSince` or not, and the ids it returned. */
function counting(state: SyncState) {
  const lists: Array<{ changedSince: number | undefined; ids: string[] }> = [];
  const list = (kind: string | AnyCapability, options?: ListOptions) => {
    const entries = state.list(kind as string, options);
    if ((typeof kind === 'string' ? kind : kind.kind) === handover.kind) lists.push({ changedSince: options?.changedSince, ids: entries.map((entry) => entry.id) });
    return entries;
  };
  const readonly: ReadonlySyncState = {
    get: ((...args: [string]) => state.get(...args)) as ReadonlySyncState['get'],
    list: list as ReadonlySyncState['list'],
    summaries: ((kind: string) => state.summaries(kind)) as ReadonlySyncState['summaries'],
    heads: (entity) => state.heads(entity),
    get opsCount() {
      return state.opsCount;
    },
  };
  return { readonly, lists };
}

function serviceOn(state: ReadonlySyncState, me: Person, now: number): HandoverService {
  const sync: HandoverSync = { state, record: () => [], onChange: () => () => undefined, onStatus: () => () => undefined };
  return new HandoverService({ sync, profileDir: tempDir('window'), me: () => me, log: quiet, now: () => now });
}

/** Three months of old notes, a quiet week, then the last day's; each written 10 minutes before its shift ends, in time order. */
function team() {
  const device = new TestDevice(ALICE);
  const ops: Op[] = [];
  const note = (id: string, date: string, shift: 'early' | 'late', author: Person) => {
    const startAt = shanghai(date, START[shift]);
    const at = startAt + 8 * HOUR - 10 * MINUTE;
    ops.push(submit(device, at, id, noteData({ date, shiftTypeId: shift, shiftStartAt: startAt, shiftEndAt: startAt + 8 * HOUR, author, at })));
    return at;
  };
  // Three months of old notes by Li and Zhao; Zhao's last own note is among them.
  const first = shanghai('2025-10-01', '00:00');
  for (let day = 0; day < 90; day += 1) {
    const date = new Date(first + day * DAY + 8 * HOUR).toISOString().slice(0, 10);
    note(`old-${day}-e`, date, 'early', LI);
    note(`old-${day}-l`, date, 'late', day === 40 ? ZHAO : LI);
  }
  // A quiet week (2025-12-30 … 2026-01-04), then 2026-01-05: Wang's early shift, Li and Wang on the late one.
  note('wang-early', '2026-01-05', 'early', WANG);
  note('li-late', '2026-01-05', 'late', LI);
  const last = note('wang-late', '2026-01-05', 'late', WANG);
  ops.push(acknowledge(device, last + HOUR, 'wang-early', LI));
  return { ops, old: (id: string) => id.startsWith('old-') };
}

const idsOf = (notes: readonly { id: string }[] | undefined) => (notes ?? []).map((note) => note.id);

describe('the handover screen reads the notes of a window around its shift', () => {
  const { ops, old } = team();
  const state = replica(ops);
  const every: SubmittedHandover[] = submittedHandovers(state.list(handover).map((entry) => entry.state));

  /** What reading every note answers (the service before the window). */
  function expected(me: Person, shiftStartAt: number) {
    const previous = previousHandoverForMe({ startAt: shiftStartAt }, every, me.memberId);
    const mine = every.find((note) => note.note.author.memberId === me.memberId);
    return { previous: previous?.notes.map((note) => note.id) ?? [], mine: mine ? mine.id : null };
  }

  it('answers the early shift from the recent notes: the previous handover and my latest note, no old note listed', () => {
    const now = shanghai('2026-01-06', '09:00');
    const { readonly, lists } = counting(state);
    const service = serviceOn(readonly, ZHAO, now);
    const context = service.getShiftContext();
    const answer = expected(ZHAO, shanghai('2026-01-06', '08:00'));
    expect(idsOf(context.previous?.notes)).toEqual(answer.previous);
    expect(answer.previous).toEqual(['li-late', 'wang-late']);
    // Zhao wrote nothing recently: her latest note is looked for among every note.
    expect(context.mine?.id ?? null).toBe(answer.mine);
    expect(answer.mine).toBe('old-40-l');

    const windowed = lists.filter((list) => list.changedSince !== undefined);
    expect(windowed).toHaveLength(1);
    expect(windowed[0]!.ids.some((id) => old(id))).toBe(false);
    // Every note: once for her latest note, once for the unacknowledged count.
    expect(lists.filter((list) => list.changedSince === undefined)).toHaveLength(2);
  });

  it('lists no old note at all for someone who wrote recently, besides the unacknowledged count', () => {
    const now = shanghai('2026-01-06', '09:00');
    const { readonly, lists } = counting(state);
    const service = serviceOn(readonly, LI, now);
    const context = service.getShiftContext();
    const answer = expected(LI, shanghai('2026-01-06', '08:00'));
    expect(idsOf(context.previous?.notes)).toEqual(answer.previous);
    expect(answer.previous).toEqual(['wang-late']);
    expect(context.mine?.id).toBe(answer.mine);
    expect(answer.mine).toBe('li-late');
    expect(context.unacknowledgedCount).toBe(every.filter((note) => note.acknowledgements.length === 0).length);
    // The only full list is the history's unacknowledged count (kept between requests).
    expect(lists.filter((list) => list.changedSince === undefined)).toHaveLength(1);
    expect(lists.filter((list) => list.changedSince !== undefined).flatMap((list) => list.ids).some((id) => old(id))).toBe(false);
    lists.length = 0;
    service.getShiftContext();
    expect(lists.filter((list) => list.changedSince === undefined)).toHaveLength(0);
  });

  it('after a long gap, looks for the previous handover among every note', () => {
    // Two days of nothing after the last of the old notes (2025-12-29 late): the early shift of 2025-12-31.
    const now = shanghai('2025-12-31', '09:00');
    const before = replica(ops.filter((op) => op.entity.startsWith('handover:old-')));
    const { readonly } = counting(before);
    const context = serviceOn(readonly, WANG, now).getShiftContext();
    const everyBefore = submittedHandovers(before.list(handover).map((entry) => entry.state));
    const previous = previousHandoverForMe({ startAt: shanghai('2025-12-31', '08:00') }, everyBefore, WANG.memberId);
    expect(idsOf(context.previous?.notes)).toEqual(previous?.notes.map((note) => note.id));
    expect(idsOf(context.previous?.notes)).toEqual(['old-89-l']);
    expect(context.mine).toBeNull();

    // Ten days later, the window holds nothing: every note is read then.
    const later = serviceOn(counting(before).readonly, WANG, shanghai('2026-01-09', '09:00')).getShiftContext();
    expect(idsOf(later.previous?.notes)).toEqual(['old-89-l']);
  });

  it('opens a note with the other notes of its shift, listing only those changed since that shift', () => {
    const { readonly, lists } = counting(state);
    const service = serviceOn(readonly, ZHAO, shanghai('2026-01-06', '09:00'));
    const detail = service.getHandover('li-late');
    const same = handoversForShift(every, every.find((note) => note.id === 'li-late')!.note).filter((note) => note.id !== 'li-late');
    expect(idsOf(detail.sameShift)).toEqual(same.map((note) => note.id));
    expect(idsOf(detail.sameShift)).toEqual(['wang-late']);
    expect(lists.every((list) => list.changedSince !== undefined)).toBe(true);
    expect(lists.flatMap((list) => list.ids).some((id) => old(id))).toBe(false);

    // An old note: its shift alone (no other note), read from its window.
    const older = service.getHandover('old-40-l');
    expect(older.sameShift).toEqual([]);
    expect(lists.every((list) => list.changedSince !== undefined)).toBe(true);
  });

  it('counts the unacknowledged notes and pages the history after a restart without reading the signed older notes', () => {
    // Every old note signed by Wang the day after; the last day's notes left unsigned but one.
    const device = new TestDevice(BOB);
    const signed: Op[] = [...ops];
    for (const op of ops) {
      if (op.type !== 'handover.submitted' || !old(op.entity.slice('handover:'.length))) continue;
      const data = op.data as { shiftEndAt: number };
      signed.push(acknowledge(device, data.shiftEndAt + DAY, op.entity.slice('handover:'.length), WANG));
    }
    const full = replica(signed);
    const capabilities = [teamSettings, handover, followUp];
    const { state: restarted, woken } = restartedFrom(full, capabilities);
    const now = shanghai('2026-01-06', '09:00');
    const service = serviceOn(restarted, LI, now);
    const everyNote = full.list(handover).map((entry) => entry.state);
    expect(service.getShiftContext().unacknowledgedCount).toBe(unacknowledged(everyNote).length);
    expect(unacknowledged(everyNote).map((note) => note.id).sort()).toEqual(['li-late', 'wang-late']);
    // Signed, and their shift over more than a week before the newest note op: left on disk.
    expect(woken.filter((entity) => old(entity.slice('handover:'.length)))).toEqual([]);
    expect(service.listHandovers({ unacknowledged: true }, 0, 10).items.map((item) => item.id)).toEqual(unacknowledged(everyNote).map((note) => note.id));

    // The history reads its pages by id; the notes it read go back to disk with the next rest.
    const page = service.listHandovers({}, 0, 5);
    expect(page.total).toBe(submittedHandovers(everyNote).length);
    expect(page.items.map((item) => item.id)).toEqual(submittedHandovers(everyNote).slice(0, 5).map((note) => note.id));
    expect(service.listHandovers({}, 100, 5).items.map((item) => item.id)).toEqual(submittedHandovers(everyNote).slice(100, 105).map((note) => note.id));
    expect(restarted.rest()).toBe(180);
    expect(service.listHandovers({}, 100, 5).items.map((item) => item.id)).toEqual(submittedHandovers(everyNote).slice(100, 105).map((note) => note.id));
    expect(restarted.stateHash(nodeCrypto)).toBe(full.stateHash(nodeCrypto));
  });
});
