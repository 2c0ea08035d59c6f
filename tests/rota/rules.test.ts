import { describe, expect, it } from 'vitest';
import {
  coverAsksFor,
  coverCandidates,
  coverRequestOp,
  coverTakeOp,
  decisionOp,
  isOnApprovedLeave,
  leaveRequestOp,
  monthDraft,
  onDutyAt,
  publishChangesFor,
  publishNewsFor,
  publishMonthOp,
  requestsInvolving,
  rotaTeamSetOp,
  slotSetOp,
  standInOps,
  swapAnswerOp,
  swapProposeOp,
  unpublishedKeys,
  withdrawOp,
} from '../../shared/rota';
import { LEAD, LEAD2, LI, RotaTeam, WANG, ZHAO, names, shanghai } from './harness';

/** A lead drafts the early shifts of 1–3 March for Wang, the late ones for Li, and publishes March. */
function publishedTeam(): RotaTeam {
  const team = new RotaTeam();
  for (const date of ['2026-03-01', '2026-03-02', '2026-03-03']) {
    team.write(LEAD, slotSetOp(undefined, date, 'early', { primary: [WANG.memberId], backup: ZHAO.memberId }));
    team.write(LEAD, slotSetOp(undefined, date, 'late', { primary: [LI.memberId], backup: null }));
  }
  team.write(LEAD, publishMonthOp('2026-03', monthDraft(team.world(), '2026-03'), team.clock));
  return team;
}

describe('drafts and publishing', () => {
  it('shows others only what is published, and tells each person what a publish changed for them', () => {
    const team = publishedTeam();
    team.write(LEAD, slotSetOp(team.state().get('rotaSlot:2026-03-04_early') as never, '2026-03-04', 'early', { primary: [ZHAO.memberId], backup: null }));
    let world = team.world();
    expect(world.duties.has('2026-03-04_early')).toBe(false);
    expect(unpublishedKeys(world, '2026-03')).toEqual(['2026-03-04_early']);
    team.write(LEAD, publishMonthOp('2026-03', monthDraft(world, '2026-03'), team.clock));
    world = team.world();
    expect(names(world, '2026-03-04_early')).toEqual([ZHAO.memberId]);
    expect(publishChangesFor(world, ZHAO.memberId, '2026-03')).toEqual([{ key: '2026-03-04_early', before: null, after: 'working' }]);
    expect(publishChangesFor(world, WANG.memberId, '2026-03')).toEqual([]);
  });

  it('tells each person what a publish changed on the days ahead: added, removed, working turned backup', () => {
    const team = publishedTeam();
    const slot = (key: string) => team.state().get(`rotaSlot:${key}`) as never;
    team.write(LEAD, slotSetOp(slot('2026-03-02_early'), '2026-03-02', 'early', { primary: [ZHAO.memberId], backup: WANG.memberId }));
    team.write(LEAD, slotSetOp(slot('2026-03-03_early'), '2026-03-03', 'early', { primary: [LI.memberId], backup: null }));
    team.write(LEAD, slotSetOp(slot('2026-03-01_late'), '2026-03-01', 'late', { primary: [WANG.memberId], backup: null }));
    team.write(LEAD, publishMonthOp('2026-03', monthDraft(team.world(), '2026-03'), shanghai('2026-03-01', '12:00')));
    const world = team.world();
    // 2 March 10:00: the change of 1 March is past, the person need not plan around it.
    const at = shanghai('2026-03-02', '10:00');
    expect(publishNewsFor(world, WANG.memberId, at)).toEqual([
      {
        month: '2026-03',
        publishedAt: shanghai('2026-03-01', '12:00'),
        changes: [
          { key: '2026-03-02_early', before: 'working', after: 'backup' },
          { key: '2026-03-03_early', before: 'working', after: null },
        ],
      },
    ]);
    expect(publishNewsFor(world, ZHAO.memberId, at)[0]!.changes).toEqual([
      { key: '2026-03-02_early', before: 'backup', after: 'working' },
      { key: '2026-03-03_early', before: 'backup', after: null },
    ]);
    expect(publishNewsFor(world, LI.memberId, at)[0]!.changes).toEqual([{ key: '2026-03-03_early', before: null, after: 'working' }]);
    // April is not March: nothing of March's publish is news then.
    expect(publishNewsFor(world, WANG.memberId, shanghai('2026-04-01', '09:00'))).toEqual([]);
  });

  it('keeps a second lead’s offline edit of the same day as a conflict, with one winner everywhere', () => {
    const team = publishedTeam();
    const base = team.state().get('rotaSlot:2026-03-05_early') as never;
    const one = team.write(LEAD, slotSetOp(base, '2026-03-05', 'early', { primary: [WANG.memberId], backup: null }));
    const two = team.write(LEAD2, slotSetOp(base, '2026-03-05', 'early', { primary: [LI.memberId], backup: null }));
    const forward = team.world();
    const backward = team.world([...team.ops.slice(0, -2), ...two, ...one]);
    for (const world of [forward, backward]) {
      const slot = world.draft.get('2026-03-05_early')!;
      expect(slot.assignment.primary).toEqual([LI.memberId]);
      expect(slot.conflicts.map((conflict) => conflict.primary)).toEqual([[WANG.memberId]]);
    }
  });
});

describe('leave', () => {
  it('turns an approved leave’s shifts into gaps and answers "on leave at this instant"', () => {
    const team = publishedTeam();
    team.write(WANG, leaveRequestOp('l1', { memberId: WANG.memberId, leaveType: 'annual', from: '2026-03-02', to: '2026-03-02', note: '' }, team.clock));
    expect(names(team.world(), '2026-03-02_early')).toEqual([WANG.memberId]);
    team.write(LEAD, decisionOp('leave', 'l1', true, '', team.clock));
    const world = team.world();
    expect(names(world, '2026-03-02_early')).toEqual([]);
    expect(world.duties.get('2026-03-02_early')!.onLeave).toEqual([WANG.memberId]);
    expect(isOnApprovedLeave(world, WANG.memberId, shanghai('2026-03-02', '12:00'))).toBe(true);
    expect(isOnApprovedLeave(world, WANG.memberId, shanghai('2026-03-03', '00:30'))).toBe(false);
  });

  it('sets aside leave asked by a member for someone else, and a decision by a non-lead', () => {
    const team = publishedTeam();
    team.write(LI, leaveRequestOp('l2', { memberId: WANG.memberId, leaveType: 'sick', from: '2026-03-02', to: '2026-03-03', note: '' }, team.clock));
    const world = team.world();
    expect(world.leaves).toEqual([]);
    expect(world.setAside).toMatchObject([{ entity: 'rotaLeave:l2', memberId: LI.memberId, reason: 'not-own' }]);
  });
});

describe('cover', () => {
  it('lists who may take it and why the others may not', () => {
    const team = publishedTeam();
    team.write(LEAD, leaveRequestOp('lz', { memberId: ZHAO.memberId, leaveType: 'personal', from: '2026-03-02', to: '2026-03-02', note: '' }, team.clock));
    team.write(LEAD, decisionOp('leave', 'lz', true, '', team.clock));
    team.write(WANG, coverRequestOp('c1', { date: '2026-03-02', shiftTypeId: 'early', memberId: WANG.memberId }, '看病', team.clock));
    team.qualifies = (memberId) => memberId !== LEAD2.memberId;
    const world = team.world();
    const reasons = Object.fromEntries(coverCandidates(world, world.covers[0]!).map((c) => [c.memberId, c.reasons.map((r) => r.code)]));
    expect(reasons).toEqual({
      [LEAD.memberId]: [],
      [LI.memberId]: ['short-rest', 'short-rest'],
      [ZHAO.memberId]: ['on-leave'],
      [LEAD2.memberId]: ['sop-not-acknowledged'],
    });
  });

  it('keeps the requester responsible until someone takes it', () => {
    const team = publishedTeam();
    team.write(WANG, coverRequestOp('c1', { date: '2026-03-02', shiftTypeId: 'early', memberId: WANG.memberId }, '', team.clock));
    expect(names(team.world(), '2026-03-02_early')).toEqual([WANG.memberId]);
    team.write(ZHAO, coverTakeOp('c1', team.clock));
    const world = team.world();
    expect(world.duties.get('2026-03-02_early')!.people).toEqual([{ memberId: ZHAO.memberId, via: 'cover', for: WANG.memberId }]);
    expect(requestsInvolving(world, ZHAO.memberId).covers.map((c) => c.status)).toEqual(['covered']);
  });

  it('lets one of two colleagues taking at once hold, by op order, and tells the other', () => {
    const team = publishedTeam();
    team.write(WANG, coverRequestOp('c1', { date: '2026-03-02', shiftTypeId: 'early', memberId: WANG.memberId }, '', team.clock));
    const zhao = team.write(ZHAO, coverTakeOp('c1', team.clock));
    const lead = team.write(LEAD, coverTakeOp('c1', team.clock - 1000));
    const first = zhao[0]!.hlc < lead[0]!.hlc ? ZHAO : LEAD;
    const second = first === ZHAO ? LEAD : ZHAO;
    for (const ops of [team.ops, [...team.ops].reverse()]) {
      const world = team.world(ops);
      expect(world.covers[0]).toMatchObject({ status: 'covered', takenBy: first.memberId, refusedTakes: [{ memberId: second.memberId, reason: 'taken-first' }] });
      expect(world.setAside).toMatchObject([{ memberId: second.memberId, reason: 'taken-first' }]);
    }
  });

  it('waits for a lead when the team asks for approval, and a take by an ineligible colleague does not hold', () => {
    const team = publishedTeam();
    team.write(LEAD, rotaTeamSetOp(undefined, { coverNeedsApproval: true }));
    team.write(WANG, coverRequestOp('c1', { date: '2026-03-02', shiftTypeId: 'early', memberId: WANG.memberId }, '', team.clock));
    team.write(LI, coverTakeOp('c1', team.clock));
    team.write(ZHAO, coverTakeOp('c1', team.clock));
    let world = team.world();
    expect(world.covers[0]).toMatchObject({ status: 'awaiting-approval', takenBy: ZHAO.memberId });
    expect(world.covers[0]!.refusedTakes).toMatchObject([{ memberId: LI.memberId, reason: 'not-eligible', why: [{ code: 'short-rest', minutes: 480 }, { code: 'short-rest', minutes: 0 }] }]);
    expect(names(world, '2026-03-02_early')).toEqual([WANG.memberId]);
    team.write(LEAD, decisionOp('cover', 'c1', true, '', team.clock));
    world = team.world();
    expect(names(world, '2026-03-02_early')).toEqual([ZHAO.memberId]);
  });

  it('puts a lead’s urgent stand-in on the shift in one action, and sets aside a member asking cover of someone else’s shift', () => {
    const team = publishedTeam();
    team.write(LEAD, standInOps('u1', { date: '2026-03-01', shiftTypeId: 'early', memberId: WANG.memberId }, LI.memberId, '', team.clock));
    team.write(ZHAO, coverRequestOp('c2', { date: '2026-03-01', shiftTypeId: 'late', memberId: LI.memberId }, '', team.clock));
    const world = team.world();
    const now = onDutyAt(world, shanghai('2026-03-01', '09:00')).now;
    expect(now.map((duty) => duty.people)).toEqual([[{ memberId: LI.memberId, via: 'standIn', for: WANG.memberId }]]);
    expect(world.setAside).toMatchObject([{ entity: 'rotaCover:c2', reason: 'not-own' }]);
  });

  it('tells each member which open covers they could take and which shifts they stand in for (the briefing’s notification)', () => {
    const team = publishedTeam();
    team.write(WANG, coverRequestOp('c1', { date: '2026-03-02', shiftTypeId: 'early', memberId: WANG.memberId }, '', team.clock));
    team.write(LEAD, standInOps('u1', { date: '2026-03-03', shiftTypeId: 'late', memberId: LI.memberId }, ZHAO.memberId, '', team.clock));
    const world = team.world();
    const at = shanghai('2026-03-01', '10:00');
    expect(coverAsksFor(world, LEAD.memberId, at)).toMatchObject({ canTake: [{ id: 'c1' }], standingIn: [] });
    // Li works the late shift of 1 March: the early one of 2 March leaves him 8 hours of rest.
    expect(coverAsksFor(world, LI.memberId, at).canTake).toEqual([]);
    expect(coverAsksFor(world, ZHAO.memberId, at)).toMatchObject({ standingIn: [{ id: 'u1', takenBy: ZHAO.memberId }] });
    expect(coverAsksFor(world, WANG.memberId, at).canTake).toEqual([]);
    // Once the shift has ended, nothing is asked any more.
    expect(coverAsksFor(world, LEAD.memberId, shanghai('2026-03-02', '16:00')).canTake).toEqual([]);
    expect(coverAsksFor(world, ZHAO.memberId, shanghai('2026-03-04', '00:00')).standingIn).toEqual([]);
  });

  it('closes a withdrawn request to later takes', () => {
    const team = publishedTeam();
    team.write(WANG, coverRequestOp('c1', { date: '2026-03-02', shiftTypeId: 'early', memberId: WANG.memberId }, '', team.clock));
    team.write(WANG, withdrawOp('cover', 'c1', team.clock));
    team.write(ZHAO, coverTakeOp('c1', team.clock));
    const world = team.world();
    expect(world.covers[0]!.status).toBe('withdrawn');
    expect(names(world, '2026-03-02_early')).toEqual([WANG.memberId]);
  });
});

describe('swaps', () => {
  it('exchanges two shifts once the colleague accepts, and only they can answer', () => {
    const team = publishedTeam();
    const from = { date: '2026-03-03', shiftTypeId: 'early', memberId: WANG.memberId };
    const to = { date: '2026-03-03', shiftTypeId: 'late', memberId: LI.memberId };
    team.write(WANG, swapProposeOp('s1', from, to, '', team.clock));
    team.write(ZHAO, swapAnswerOp('s1', true, team.clock));
    expect(team.world().swaps[0]!.status).toBe('proposed');
    team.write(LI, swapAnswerOp('s1', true, team.clock));
    const world = team.world();
    expect(world.swaps[0]!.status).toBe('done');
    expect(names(world, '2026-03-03_early')).toEqual([LI.memberId]);
    expect(names(world, '2026-03-03_late')).toEqual([WANG.memberId]);
    expect(world.setAside).toMatchObject([{ memberId: ZHAO.memberId, reason: 'not-addressed' }]);
  });

  it('sets aside a swap of someone else’s shift, and waits for a lead when the team asks', () => {
    const team = publishedTeam();
    team.write(LEAD, rotaTeamSetOp(undefined, { swapNeedsApproval: true }));
    const from = { date: '2026-03-03', shiftTypeId: 'early', memberId: WANG.memberId };
    const to = { date: '2026-03-03', shiftTypeId: 'late', memberId: LI.memberId };
    team.write(ZHAO, swapProposeOp('bad', from, to, '', team.clock));
    team.write(WANG, swapProposeOp('s1', from, to, '', team.clock));
    team.write(LI, swapAnswerOp('s1', true, team.clock));
    expect(team.world().swaps.map((swap) => swap.status)).toEqual(['awaiting-approval']);
    team.write(LEAD, decisionOp('swap', 's1', false, '', team.clock));
    const world = team.world();
    expect(world.swaps[0]!.status).toBe('rejected');
    expect(names(world, '2026-03-03_early')).toEqual([WANG.memberId]);
  });
});
