import { describe, expect, it } from 'vitest';
import { carryOver, escalationDeadline, escalationState, followUp, isOverdue, openFollowUps, followUpCreatedData, type FollowUp, type FollowUpState } from '../../shared/handover';
import { DEFAULT_TEAM_SETTINGS, shiftOn, type ShiftType } from '../../shared/team-settings';
import type { Op } from '../../shared/sync';
import { ALICE, BOB, TestDevice } from '../sync/devices';
import { HOUR, LI, MINUTE, WANG, createFollowUp, editFollowUp, followUpData, replica, shanghai } from './harness';

const T = shanghai('2026-01-05', '10:00');
const [EARLY, LATE] = DEFAULT_TEAM_SETTINGS.shiftTypes as [ShiftType, ShiftType];

function all(ops: readonly Op[]): FollowUpState[] {
  return replica(ops).list(followUp).map((entry) => entry.state);
}

function escalate(now: number, minutes = DEFAULT_TEAM_SETTINGS.escalationMinutes): FollowUp {
  const created = followUpCreatedData(
    {
      title: '微博投诉：物流延误',
      owner: WANG,
      dueAt: null,
      category: 'escalation',
      departmentId: 'customer-service',
      escalation: { weiboLink: 'https://weibo.com/1234567890/AbCdEfGhI', screenshotSha256: null, escalatedAt: null },
    },
    { now, settings: { ...DEFAULT_TEAM_SETTINGS, escalationMinutes: minutes }, by: LI },
  );
  if (!created.ok) throw new Error(JSON.stringify(created.issues));
  return all([createFollowUp(new TestDevice(ALICE), now, 'e1', created.value)])[0]!.current!;
}

describe('overdue', () => {
  const item = all([createFollowUp(new TestDevice(ALICE), T, 'f1')])[0]!.current!;

  it('is reached at the due time while open or waiting, never once done or dropped', () => {
    expect(isOverdue(item, item.dueAt - 1)).toBe(false);
    expect(isOverdue(item, item.dueAt)).toBe(true);
    expect(isOverdue({ ...item, status: 'waiting' }, item.dueAt + HOUR)).toBe(true);
    expect(isOverdue({ ...item, status: 'done' }, item.dueAt + HOUR)).toBe(false);
    expect(isOverdue({ ...item, status: 'dropped' }, item.dueAt + HOUR)).toBe(false);
  });
});

describe("an escalation's 'Weibo first' (微博优先) deadline", () => {
  it('is two hours after escalating by default, with a countdown', () => {
    const escalation = escalate(T);
    expect(escalationDeadline(T, DEFAULT_TEAM_SETTINGS)).toBe(T + 2 * HOUR);
    expect(escalation.escalation).toMatchObject({ escalatedBy: LI, escalatedAt: T, department: 'customer-service', deadlineAt: T + 2 * HOUR });
    // Without a due time of its own it is due by the deadline.
    expect(escalation.dueAt).toBe(T + 2 * HOUR);
    expect(escalationState(escalation, T + 30 * MINUTE)).toEqual({
      deadlineAt: T + 2 * HOUR,
      remainingMs: 90 * MINUTE,
      overdue: false,
      running: true,
    });
  });

  it('is recorded with a screenshot in place of the Weibo link, and needs one of the two', () => {
    const input = {
      title: '微博投诉：客服态度',
      owner: WANG,
      dueAt: null,
      category: 'escalation' as const,
      departmentId: 'customer-service',
      escalation: { weiboLink: '', screenshotSha256: 'c'.repeat(64), escalatedAt: null },
    };
    const created = followUpCreatedData(input, { now: T, settings: DEFAULT_TEAM_SETTINGS, by: LI });
    if (!created.ok) throw new Error(JSON.stringify(created.issues));
    const recorded = all([createFollowUp(new TestDevice(ALICE), T, 'e2', created.value)])[0]!.current!;
    expect(recorded.escalation).toMatchObject({ screenshotSha256: 'c'.repeat(64), department: 'customer-service' });
    expect(recorded.escalation).not.toHaveProperty('weiboLink');
    const neither = followUpCreatedData({ ...input, escalation: { ...input.escalation, screenshotSha256: null } }, { now: T, settings: DEFAULT_TEAM_SETTINGS, by: LI });
    expect(neither).toMatchObject({ ok: false, issues: [{ code: 'escalation-needs-evidence', path: ['escalation'] }] });
  });

  it('follows the team setting', () => {
    expect(escalate(T, 45).escalation?.deadlineAt).toBe(T + 45 * MINUTE);
  });

  it('is overdue once passed, even when the due time is later, until done', () => {
    const escalation = { ...escalate(T), dueAt: T + 24 * HOUR };
    expect(escalationState(escalation, T + 3 * HOUR)).toMatchObject({ remainingMs: -HOUR, overdue: true, running: true });
    expect(isOverdue(escalation, T + 3 * HOUR)).toBe(true);
    expect(escalationState({ ...escalation, status: 'done' }, T + 3 * HOUR)).toMatchObject({ overdue: false, running: false });
  });

  it('is none for other follow-ups', () => {
    expect(escalationState(all([createFollowUp(new TestDevice(ALICE), T, 'f1')])[0]!.current!, T)).toBeNull();
  });
});

describe('open follow-ups', () => {
  it('lists open and waiting ones, overdue first, then by due time', () => {
    const wang = new TestDevice(ALICE);
    const now = shanghai('2026-01-05', '17:00');
    const ops = [
      createFollowUp(wang, T, 'later', followUpData({ dueAt: shanghai('2026-01-06', '12:00') })),
      createFollowUp(wang, T, 'sooner', followUpData({ dueAt: shanghai('2026-01-05', '20:00') })),
      createFollowUp(wang, T, 'late-2', followUpData({ dueAt: shanghai('2026-01-05', '16:00') })),
      createFollowUp(wang, T, 'late-1', followUpData({ dueAt: shanghai('2026-01-05', '12:00') })),
      createFollowUp(wang, T, 'done', followUpData({ dueAt: shanghai('2026-01-05', '11:00') })),
    ];
    const closed = editFollowUp(wang, replica(ops), T + MINUTE, 'done', WANG, { status: 'done' });
    expect(openFollowUps(all([...ops, closed]), now).map((state) => [state.id, isOverdue(state.current, now)])).toEqual([
      ['late-1', true],
      ['late-2', true],
      ['sooner', false],
      ['later', false],
    ]);
  });
});

describe('carry-over into handover notes', () => {
  it('an open follow-up appears in every later note until it is closed', () => {
    const [wang, li] = [new TestDevice(ALICE), new TestDevice(BOB)];
    const created = createFollowUp(wang, T, 'f1', followUpData({ dueAt: shanghai('2026-01-07', '12:00') }));
    const zone = DEFAULT_TEAM_SETTINGS.timeZone;
    const shifts = [
      shiftOn('2026-01-05', EARLY, zone),
      shiftOn('2026-01-05', LATE, zone),
      shiftOn('2026-01-06', EARLY, zone),
      shiftOn('2026-01-06', LATE, zone),
    ];
    const ids = (ops: readonly Op[], index: number) => carryOver(all(ops), shifts[index]!, shifts[index]!.endAt - MINUTE).map((state) => state.id);
    expect(shifts.map((_, index) => ids([created], index))).toEqual([['f1'], ['f1'], ['f1'], ['f1']]);
    const done = editFollowUp(li, replica([created]), shanghai('2026-01-06', '09:00'), 'f1', LI, { status: 'done' });
    expect(ids([created, done], 2)).toEqual([]);
    expect(ids([created, done], 3)).toEqual([]);
  });

  it('a note for an earlier shift does not list what was created after that shift', () => {
    const wang = new TestDevice(ALICE);
    const created = createFollowUp(wang, T, 'f1', followUpData({ at: shanghai('2026-01-06', '10:00') }));
    const earlier = shiftOn('2026-01-05', LATE, DEFAULT_TEAM_SETTINGS.timeZone);
    expect(carryOver(all([created]), earlier, shanghai('2026-01-06', '11:00'))).toEqual([]);
  });
});
