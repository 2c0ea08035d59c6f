import { describe, expect, it } from 'vitest';
import { filterHandovers, followUp, handover, hasAcknowledged, previousHandoverFor, unacknowledged, type HandoverState } from '../../shared/handover';
import { DEFAULT_TEAM_SETTINGS, previousShift, shiftOn, type ShiftType } from '../../shared/team-settings';
import type { Op } from '../../shared/sync';
import { ALICE, BOB, CAROL, TestDevice } from '../sync/devices';
import { LI, MINUTE, WANG, ZHAO, acknowledge, createFollowUp, editFollowUp, followUpData, noteData, replica, submit } from './harness';

const ZONE = DEFAULT_TEAM_SETTINGS.timeZone;
const [EARLY, LATE] = DEFAULT_TEAM_SETTINGS.shiftTypes as [ShiftType, ShiftType];

/** A note for the given shift, submitted ten minutes before it ends. */
function noteFor(device: TestDevice, id: string, date: string, type: ShiftType, author = WANG, followUpIds: string[] = []): Op {
  const shift = shiftOn(date, type, ZONE);
  return submit(
    device,
    shift.endAt - 10 * MINUTE,
    id,
    noteData({ date, shiftTypeId: type.id, shiftStartAt: shift.startAt, shiftEndAt: shift.endAt, author, at: shift.endAt - 10 * MINUTE, followUpIds }),
  );
}

function notes(ops: readonly Op[]): HandoverState[] {
  return replica(ops).list(handover).map((entry) => entry.state);
}

describe('the previous handover, for the person starting a shift', () => {
  const [wang, li, zhao] = [new TestDevice(ALICE), new TestDevice(BOB), new TestDevice(CAROL)];

  it("is the previous shift's notes: the late shift's for the next morning, both when two were written", () => {
    const ops = [
      noteFor(wang, 'mon-early', '2026-01-05', EARLY),
      noteFor(li, 'mon-late-li', '2026-01-05', LATE, LI),
      noteFor(zhao, 'mon-late-zhao', '2026-01-05', LATE, ZHAO),
    ];
    const tuesdayEarly = shiftOn('2026-01-06', EARLY, ZONE);
    const previous = previousHandoverFor(tuesdayEarly, notes(ops));
    expect(previous?.shift).toEqual({ date: '2026-01-05', shiftTypeId: 'late' });
    expect(previous?.shift).toEqual({ date: previousShift(tuesdayEarly, DEFAULT_TEAM_SETTINGS.shiftTypes, ZONE)!.date, shiftTypeId: 'late' });
    expect(previous?.notes.map((state) => state.id)).toEqual(['mon-late-li', 'mon-late-zhao']);
  });

  it('when the previous shift left no note, is the latest note before it, so nothing is skipped', () => {
    const ops = [noteFor(wang, 'mon-early', '2026-01-05', EARLY)];
    const previous = previousHandoverFor(shiftOn('2026-01-06', EARLY, ZONE), notes(ops));
    expect(previous?.shift).toEqual({ date: '2026-01-05', shiftTypeId: 'early' });
  });

  it('ignores notes of the same or later shifts, and is null with none before', () => {
    const ops = [noteFor(wang, 'tue-early', '2026-01-06', EARLY)];
    expect(previousHandoverFor(shiftOn('2026-01-06', EARLY, ZONE), notes(ops))).toBeNull();
  });
});

describe('acknowledgement (签收)', () => {
  it('lists the notes nobody has signed for, newest first, until someone other than the author does', () => {
    const [wang, li] = [new TestDevice(ALICE), new TestDevice(BOB)];
    const ops = [
      noteFor(wang, 'mon-early', '2026-01-05', EARLY),
      noteFor(li, 'mon-late', '2026-01-05', LATE, LI),
      noteFor(wang, 'tue-early', '2026-01-06', EARLY),
    ];
    expect(unacknowledged(notes(ops)).map((state) => state.id)).toEqual(['tue-early', 'mon-late', 'mon-early']);
    const signed = [
      ...ops,
      acknowledge(li, Date.parse('2026-01-05T08:05:00Z'), 'mon-early', LI),
      acknowledge(li, Date.parse('2026-01-06T00:05:00Z'), 'mon-late', LI),
    ];
    const states = notes(signed);
    expect(unacknowledged(states).map((state) => state.id)).toEqual(['tue-early', 'mon-late']);
    expect(hasAcknowledged(states.find((state) => state.id === 'mon-early')!, LI.memberId)).toBe(true);
  });
});

describe('the history list', () => {
  const [wang, li] = [new TestDevice(ALICE), new TestDevice(BOB)];
  const created = createFollowUp(wang, Date.parse('2026-01-05T02:00:00Z'), 'f-open');
  const closedFollowUp = createFollowUp(wang, Date.parse('2026-01-05T02:00:00Z'), 'f-closed');
  const closing = editFollowUp(wang, replica([closedFollowUp]), Date.parse('2026-01-05T03:00:00Z'), 'f-closed', WANG, { status: 'done' });
  const ops = [
    noteFor(wang, 'mon-early', '2026-01-05', EARLY, WANG, ['f-closed']),
    noteFor(li, 'mon-late', '2026-01-05', LATE, LI, ['f-open']),
    noteFor(wang, 'tue-early', '2026-01-06', EARLY),
    noteFor(li, 'tue-late', '2026-01-06', LATE, LI),
    acknowledge(li, Date.parse('2026-01-06T00:00:00Z'), 'mon-early', LI),
    created,
    closedFollowUp,
    closing,
  ];
  const view = replica(ops);
  const all = view.list(handover).map((entry) => entry.state);
  const followUps = view.list(followUp).map((entry) => entry.state);
  const ids = (filter: Parameters<typeof filterHandovers>[1]) => filterHandovers(all, filter, followUps).map((state) => state.id);

  it('is by date, newest first, with no filter', () => {
    expect(ids({})).toEqual(['tue-late', 'tue-early', 'mon-late', 'mon-early']);
  });

  it('filters by shift type, author, dates, unacknowledged and open follow-ups, all together', () => {
    expect(ids({ shiftTypeId: 'early' })).toEqual(['tue-early', 'mon-early']);
    expect(ids({ authorId: LI.memberId })).toEqual(['tue-late', 'mon-late']);
    expect(ids({ fromDate: '2026-01-06', toDate: '2026-01-06' })).toEqual(['tue-late', 'tue-early']);
    expect(ids({ unacknowledged: true, shiftTypeId: 'early' })).toEqual(['tue-early']);
    expect(ids({ hasOpenFollowUps: true })).toEqual(['mon-late']);
  });

  it('counts a follow-up created inside a note as that note’s', () => {
    const inside = createFollowUp(
      wang,
      Date.parse('2026-01-06T02:00:00Z'),
      'f-inside',
      followUpData({ title: '活动奖品寄送跟进', category: 'campaign', handoverId: 'tue-early', dueAt: Date.parse('2026-01-08T02:00:00Z') }),
    );
    const more = replica([...ops, inside]);
    const found = filterHandovers(
      more.list(handover).map((entry) => entry.state),
      { hasOpenFollowUps: true },
      more.list(followUp).map((entry) => entry.state),
    );
    expect(found.map((state) => state.id)).toEqual(['tue-early', 'mon-late']);
  });
});

describe('10,000 notes', () => {
  it('list, filter and find the previous handover at that size', () => {
    const [wang, li] = [new TestDevice(ALICE), new TestDevice(BOB)];
    const ops: Op[] = [];
    // 5,000 days of two shifts from 2012 on; Li signs for the early note of every tenth day.
    for (let day = 0; day < 5_000; day += 1) {
      const date = new Date(Date.UTC(2012, 0, 1 + day)).toISOString().slice(0, 10);
      ops.push(noteFor(wang, `${date}-early`, date, EARLY, WANG), noteFor(li, `${date}-late`, date, LATE, LI));
      if (day % 10 === 0) ops.push(acknowledge(li, shiftOn(date, LATE, ZONE).startAt, `${date}-early`, LI));
    }
    const view = replica(ops);
    const all = view.list(handover).map((entry) => entry.state);
    expect(all).toHaveLength(10_000);
    expect(unacknowledged(all)).toHaveLength(9_500);
    expect(filterHandovers(all, { unacknowledged: true, shiftTypeId: 'early' }, [])).toHaveLength(4_500);
    expect(filterHandovers(all, { shiftTypeId: 'late', authorId: LI.memberId }, [])).toHaveLength(5_000);
    const last = filterHandovers(all, {}, [])[0]!;
    expect(previousHandoverFor(shiftOn(last.note.date, LATE, ZONE), all)?.notes.map((state) => state.id)).toEqual([`${last.note.date}-early`]);
  });
});
