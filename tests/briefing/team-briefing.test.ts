import { describe, expect, it } from 'vitest';
import { BriefingSchema, notificationsToShow, shiftBriefing, type Briefing, type BriefingSection, type SectionKind } from '../../shared/briefing';
import { coverTakeOp, decisionOp, leaveRequestOp } from '../../shared/rota/builders';
import { tickOp } from '../../shared/sop/builders';
import { healthySync } from './seeded-team';
import { CHEN, LEAD, WANG, ZHAO, at, me, roster, seededWholeTeam, withPrizeRequest, withRotaRequests, type WholeTeam } from './whole-team';

const kinds = (briefing: Briefing) => briefing.sections.map((section) => section.kind);
function section<K extends SectionKind>(briefing: Briefing, kind: K): Extract<BriefingSection, { kind: K }> {
  const found = briefing.sections.find((candidate) => candidate.kind === kind);
  if (!found) throw new Error(`no ${kind} section in ${kinds(briefing).join(', ')}`);
  return found as Extract<BriefingSection, { kind: K }>;
}

/** The briefing of `who` at `now` over the whole team, checked against the bridge's schema. */
const brief = (team: WholeTeam, who: typeof ZHAO, now: number) =>
  BriefingSchema.parse(shiftBriefing({ state: team.state(), me: me(who), now, sync: healthySync, roster: roster() }));

describe('the briefing from the published rota', () => {
  it('07:50: 赵敏 is about to start her early shift as primary; 王丽 backs it up; her checklist and the SOP she must acknowledge', () => {
    const briefing = brief(seededWholeTeam(), ZHAO, at('07:50'));
    expect(briefing.moment).toBe('before');
    const duty = section(briefing, 'duty');
    expect(duty.mine).toMatchObject({ role: 'primary', shift: { date: '2026-01-05', shiftTypeId: 'early' } });
    // At 07:50 the late shift of 4 Jan has ended and the early one has not begun: nobody is on now.
    expect(duty.onNow).toBeNull();
    expect(duty.onNext?.people).toEqual([
      { person: me(ZHAO), role: 'primary' },
      { person: me(WANG), role: 'backup' },
    ]);
    const checklist = section(briefing, 'checklist');
    expect(checklist.items.map((item) => [item.slot, item.state])).toEqual([['10:00', 'open'], ['15:00', 'open']]);
    expect(checklist.next).toBe(checklist.items[0]!.key);
    // Its link opens the early shift's checklist, not the one the checklist screen picks at 07:50 (the late shift that ended).
    expect(checklist.place).toEqual({ screen: 'checklist', item: '2026-01-05.early' });
    expect(section(briefing, 'sops').toAcknowledge).toMatchObject([{ sopId: 'sop-posts', title: '早班发帖规范', version: 1, lastAcknowledgedVersion: null, place: { screen: 'sops', item: 'sop-posts' } }]);
    expect(section(briefing, 'campaigns').running.map((campaign) => campaign.name)).toEqual(['新年有奖转发']);
  });

  it('10:05 with the 10:00 post not ticked it is past due; once ticked, done by who ticked it', () => {
    const team = seededWholeTeam();
    expect(section(brief(team, ZHAO, at('10:05')), 'checklist')).toMatchObject({ pastDue: 1, done: 0 });
    const key = section(brief(team, ZHAO, at('10:05')), 'checklist').items[0]!.key;
    team.write(ZHAO, tickOp({ date: '2026-01-05', shiftTypeId: 'early' }, key, {}, { by: me(ZHAO), at: at('10:06') }), at('10:06'));
    const after = section(brief(team, ZHAO, at('10:07')), 'checklist');
    expect(after).toMatchObject({ pastDue: 0, done: 1 });
    expect(after.items[0]).toMatchObject({ state: 'done', doneBy: me(ZHAO) });
  });

  it('15:55 and 16:10: the early shift ends, 王丽 is on the late one, who is on now follows', () => {
    const team = seededWholeTeam();
    expect(brief(team, ZHAO, at('15:55')).moment).toBe('ending');
    const later = brief(team, ZHAO, at('16:10'));
    expect(later.moment).toBe('after');
    expect(kinds(later)).toContain('handoverToWrite');
    expect(section(later, 'duty').onNow).toMatchObject({ shift: { shiftTypeId: 'late' }, people: [{ person: me(WANG), role: 'primary' }] });
    expect(kinds(later)).not.toContain('checklist');
  });

  it('on approved leave: the moment says so, until the day after it ends', () => {
    const team = seededWholeTeam();
    const request = team.write(ZHAO, leaveRequestOp('leave-zhao', { memberId: ZHAO.memberId, leaveType: 'annual', from: '2026-01-05', to: '2026-01-06', note: '' }, at('09:00', '2026-01-02')));
    team.write(LEAD, decisionOp('leave', 'leave-zhao', true, '', at('10:00', '2026-01-02')));
    expect(request.entity).toBe('rotaLeave:leave-zhao');
    const briefing = brief(team, ZHAO, at('07:50'));
    expect(briefing.moment).toBe('leave');
    expect(section(briefing, 'duty').leaveUntil).toBe(at('00:00', '2026-01-07'));
    // The early shift has a gap; nobody is shown on it but the backup.
    expect(section(briefing, 'duty').onNext?.people).toEqual([{ person: me(WANG), role: 'backup' }]);
    expect(kinds(briefing)).not.toContain('checklist');
    expect(kinds(briefing)).not.toContain('campaigns');
  });
});

describe('cover and swap requests in the briefing', () => {
  it("a colleague's cover ask goes to those who may take it: the lead, not 赵敏 (her early shift leaves no rest)", () => {
    const team = seededWholeTeam();
    withRotaRequests(team);
    const lead = section(brief(team, LEAD, at('10:00')), 'rotaRequests');
    expect(lead.coverAsks).toMatchObject([{ id: 'cover-0107', shift: { date: '2026-01-07', shiftTypeId: 'late' }, requester: me(WANG), urgent: false, place: { screen: 'rota' } }]);
    const zhao = section(brief(team, ZHAO, at('10:00')), 'rotaRequests');
    expect(zhao.coverAsks).toEqual([]);
    // The swap 王丽 offered waits for 赵敏's answer.
    expect(zhao.requests).toMatchObject([{ id: 'swap-0106', kind: 'swap', status: 'proposed', date: '2026-01-08', shiftTypeId: 'early', other: me(WANG), waitsForMe: true }]);
    // 王丽's own side: her cover ask open, her swap waiting for 赵敏.
    const mine = section(brief(team, WANG, at('10:00')), 'rotaRequests');
    expect(mine.coverAsks).toEqual([]);
    expect(mine.requests.map((item) => [item.kind, item.status, item.waitsForMe])).toEqual([['cover', 'open', false], ['swap', 'proposed', false]]);
  });
});

describe('as an approver', () => {
  it('陈总 sees the ¥800 step waiting for him, off shift and without a rota role; 赵敏 sees her request moving', () => {
    const team = seededWholeTeam();
    withPrizeRequest(team);
    const chen = brief(team, CHEN, at('09:00'));
    expect(chen.moment).toBe('off');
    expect(section(chen, 'prizes').waiting).toMatchObject([{ requestId: 'r-800', campaign: '新年有奖转发', totalFen: 80_000, step: 1, requester: me(ZHAO), asDelegateOf: null, place: { screen: 'prizes', item: 'r-800' } }]);
    // An approver is no editor: no SOP to acknowledge.
    expect(kinds(chen)).not.toContain('sops');
    expect(section(brief(team, ZHAO, at('09:00')), 'prizes')).toMatchObject({ waiting: [], mine: [{ requestId: 'r-800', status: 'submitted', totalFen: 80_000 }] });
    // The lead decided the first step already: nothing waits for the lead.
    expect(brief(team, LEAD, at('09:00')).sections.find((candidate) => candidate.kind === 'prizes')).toBeUndefined();
  });
});

describe('notifications from the rota, the SOPs and the prize approvals', () => {
  const all = { notified: new Set<string>(), enabled: () => true };
  const team = seededWholeTeam();
  withRotaRequests(team);
  withPrizeRequest(team);
  const full = (who: typeof ZHAO) => shiftBriefing({ state: team.state(), me: me(who), now: at('10:00'), sync: healthySync, roster: roster() });

  it('a cover ask I can take, an approval step waiting for me, an SOP to acknowledge: once each', () => {
    // The lead edits too: the SOP asks for the lead's acknowledgement as well.
    expect(notificationsToShow(null, full(LEAD), all).map((item) => [item.key, item.text, item.subject])).toEqual([
      ['cover:cover-0107', 'coverAsk', '王丽'],
      ['sop:sop-posts:1', 'sop', '早班发帖规范'],
    ]);
    expect(notificationsToShow(null, full(CHEN), all).map((item) => [item.kind, item.subject])).toEqual([['approval', '新年有奖转发']]);
    const zhao = notificationsToShow(null, full(ZHAO), all);
    expect(zhao.map((item) => [item.key, item.kind])).toEqual([['sop:sop-posts:1', 'sop']]);
    expect(notificationsToShow(full(ZHAO), full(ZHAO), all)).toEqual([]);
    expect(notificationsToShow(null, full(ZHAO), { notified: new Set(), enabled: (kind) => kind !== 'sop' })).toEqual([]);
  });

  it('my cover ask taken by a colleague', () => {
    const taken = seededWholeTeam();
    withRotaRequests(taken);
    taken.write(LEAD, coverTakeOp('cover-0107', at('11:00', '2026-01-04')));
    const wang = shiftBriefing({ state: taken.state(), me: me(WANG), now: at('10:00'), sync: healthySync, roster: roster() });
    expect(notificationsToShow(null, wang, all).filter((item) => item.kind === 'cover').map((item) => [item.key, item.text, item.subject])).toEqual([['cover-taken:cover-0107', 'coverTaken', '周主管']]);
  });
});
