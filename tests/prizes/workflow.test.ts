import { describe, expect, it } from 'vitest';
import { chainFor, DEFAULT_PRIZE_SETTINGS, prizeSettingsSetOp, delegateSetOp, stepsWaitingFor, myRequests } from '../../shared/prizes';
import { MEMBERS, Team, person } from './harness';

const kinds = (total: number) => chainFor(total, DEFAULT_PRIZE_SETTINGS).map((step) => (step.kind === 'role' ? step.role : step.kind));

describe('the approval chain by amount', () => {
  it('takes the right path at ¥499.99 / ¥500.00 / ¥500.01 and at ¥5,000', () => {
    expect(kinds(49_999)).toEqual(['lead']);
    expect(kinds(50_000)).toEqual(['lead']);
    expect(kinds(50_001)).toEqual(['lead', 'approver']);
    expect(kinds(500_000)).toEqual(['lead', 'approver']);
    expect(kinds(500_001)).toEqual(['lead', 'approver', 'named']);
  });

  it('adds the extra step (legal review) above the team-set total', () => {
    const settings = { ...DEFAULT_PRIZE_SETTINGS, extraStep: { overFen: 1_000_000, name: { 'zh-CN': '法务审核', en: 'Legal review' }, reviewer: null } };
    expect(chainFor(1_000_000, settings).map((step) => step.kind)).toEqual(['role', 'role', 'named']);
    expect(chainFor(1_000_001, settings).map((step) => step.kind)).toEqual(['role', 'role', 'named', 'extra']);
  });

  it('follows the thresholds a lead set, for requests submitted after the change only', () => {
    const team = new Team();
    team.campaign('c1');
    const before = team.submit('lin', 'r1', [['耳机', 1, 40_000]]);
    team.write('wang', prizeSettingsSetOp(undefined, { leadMaxFen: 30_000 }));
    team.submit('lin', 'r2', [['耳机', 1, 40_000]]);
    expect(team.view('r1').steps).toHaveLength(1);
    expect(team.view('r2').steps).toHaveLength(2);
    void before;
  });
});

describe('deciding a request', () => {
  it('goes lead then approver, each recorded with who and when', () => {
    const team = new Team();
    team.campaign('c1');
    const submission = team.submit('lin', 'r1', [['耳机', 2, 30_000]]);
    expect(team.view('r1')).toMatchObject({ status: 'submitted', currentStep: 0, totalFen: 60_000 });
    expect(stepsWaitingFor(MEMBERS.wang.id, team.views()).map((step) => step.request.id)).toEqual(['r1']);
    team.decide('wang', 'r1', 0, 'approve', submission);
    expect(team.view('r1')).toMatchObject({ status: 'submitted', currentStep: 1 });
    expect(stepsWaitingFor(MEMBERS.chen.id, team.views())).toHaveLength(1);
    team.decide('chen', 'r1', 1, 'approve', submission, '同意');
    const view = team.view('r1');
    expect(view.status).toBe('approved');
    expect(view.steps.map((step) => [step.state, step.decision?.by.name])).toEqual([['approved', '老王'], ['approved', '陈总']]);
    expect(myRequests(MEMBERS.lin.id, team.views())[0]?.status).toBe('approved');
  });

  it('never lets a requester decide their own request: the step goes to another holder of the role', () => {
    const team = new Team();
    team.campaign('c1');
    const submission = team.submit('wang', 'r1', [['耳机', 1, 30_000]]);
    const deciders = team.view('r1').steps[0]!.deciders!.deciders.map((entry) => entry.member.name);
    expect(deciders).toEqual(['赵敏']);
    team.decide('wang', 'r1', 0, 'approve', submission);
    expect(team.view('r1').status).toBe('submitted');
    expect(team.view('r1').setAside.map((event) => event.reason)).toEqual(['self-approval']);
    team.decide('zhao', 'r1', 0, 'approve', submission);
    expect(team.view('r1').status).toBe('approved');
  });

  it('sets aside a forged "approved" written by someone who may not decide the step', () => {
    const team = new Team();
    team.campaign('c1');
    const submission = team.submit('lin', 'r1', [['耳机', 1, 30_000]]);
    team.decide('chen', 'r1', 0, 'approve', submission);
    team.decide('mallory', 'r1', 0, 'approve', submission);
    const view = team.view('r1');
    expect(view.status).toBe('submitted');
    expect(view.setAside.map((event) => [event.by.name, event.reason])).toEqual([['陈总', 'not-allowed'], ['Mallory', 'not-allowed']]);
  });

  it('refuses a later step decided before the earlier one, and a decision of an old version', () => {
    const team = new Team();
    team.campaign('c1');
    const submission = team.submit('lin', 'r1', [['耳机', 1, 60_000]]);
    team.decide('chen', 'r1', 1, 'approve', submission);
    expect(team.view('r1').setAside.map((event) => event.reason)).toEqual(['step-not-reached']);
  });

  it('lets the requester recall before the first decision, and not after', () => {
    const team = new Team();
    team.campaign('c1');
    const submission = team.submit('lin', 'r1', [['耳机', 1, 30_000]]);
    team.event('lin', 'prize.recalled', 'r1', { submission: submission.id, by: person('lin') });
    expect(team.view('r1').status).toBe('recalled');
    team.decide('wang', 'r1', 0, 'approve', submission);
    expect(team.view('r1').status).toBe('recalled');
    expect(team.view('r1').setAside.map((event) => event.reason)).toEqual(['already-decided']);

    const second = team.submit('lin', 'r2', [['耳机', 1, 30_000]]);
    team.decide('wang', 'r2', 0, 'approve', second);
    team.event('lin', 'prize.recalled', 'r2', { submission: second.id, by: person('lin') });
    expect(team.view('r2').status).toBe('approved');
  });

  it('returns with a comment; the requester edits and resubmits; the chain starts again', () => {
    const team = new Team();
    team.campaign('c1');
    const first = team.submit('lin', 'r1', [['耳机', 1, 60_000]]);
    team.decide('wang', 'r1', 0, 'approve', first);
    team.decide('chen', 'r1', 1, 'return', first, '价值请按市场价');
    expect(team.view('r1').status).toBe('returned');
    const second = team.submit('lin', 'r1', [['耳机', 1, 45_000]]);
    const view = team.view('r1');
    expect(view).toMatchObject({ status: 'submitted', currentStep: 0, totalFen: 45_000 });
    expect(view.steps).toHaveLength(1);
    expect(view.rounds.map((round) => round.ended)).toEqual(['returned', null]);
    team.decide('zhao', 'r1', 0, 'approve', first);
    expect(team.view('r1').setAside.at(-1)?.reason).toBe('not-current-version');
    team.decide('zhao', 'r1', 0, 'approve', second);
    expect(team.view('r1').status).toBe('approved');
  });

  it('rejects with a reason; only the requester may resubmit', () => {
    const team = new Team();
    team.campaign('c1');
    const first = team.submit('lin', 'r1', [['耳机', 1, 30_000]]);
    team.decide('wang', 'r1', 0, 'reject', first, '预算不足');
    expect(team.view('r1').status).toBe('rejected');
    team.submit('lin', 'r1', [['耳机', 1, 20_000]]);
    expect(team.view('r1').setAside.map((event) => event.reason)).toEqual(['round-still-open']);
  });
});

describe('delegation while on leave', () => {
  const onLeave = (memberId: string) => memberId === MEMBERS.chen.id;

  it('gives the step to the delegate the approver named, recorded "as delegate of"', () => {
    const team = new Team();
    team.campaign('c1');
    team.write('chen', delegateSetOp(MEMBERS.chen.id, MEMBERS.wang.id, team.clock));
    const submission = team.submit('lin', 'r1', [['耳机', 1, 60_000]]);
    team.decide('zhao', 'r1', 0, 'approve', submission);
    const roles = { sun: ['editor' as const] };
    const waiting = team.view('r1', { onLeave, roles }).steps[1]!.deciders!;
    expect(waiting.deciders.map((entry) => [entry.member.name, entry.asDelegateOf?.name])).toEqual([['老王', '陈总']]);
    expect(stepsWaitingFor(MEMBERS.wang.id, team.views({ onLeave, roles }))[0]?.asDelegateOf?.name).toBe('陈总');
    team.decide('wang', 'r1', 1, 'approve', submission);
    const view = team.view('r1', { onLeave, roles });
    expect(view.status).toBe('approved');
    expect(view.steps[1]!.decision?.asDelegateOf?.name).toBe('陈总');
    // Not on leave: the same decision does not count.
    expect(team.view('r1', { roles }).setAside.map((event) => event.reason)).toEqual(['not-allowed']);
  });

  it('ignores a delegation written by someone else for the approver', () => {
    const team = new Team();
    team.campaign('c1');
    team.write('wang', delegateSetOp(MEMBERS.chen.id, MEMBERS.wang.id, team.clock));
    const submission = team.submit('lin', 'r1', [['耳机', 1, 60_000]]);
    team.decide('zhao', 'r1', 0, 'approve', submission);
    team.decide('wang', 'r1', 1, 'approve', submission);
    expect(team.view('r1', { onLeave, roles: { sun: ['editor'] } }).status).toBe('submitted');
  });

  it('says so when nobody can decide a step, and who can fix it', () => {
    const team = new Team();
    team.campaign('c1');
    const submission = team.submit('lin', 'r1', [['电脑', 1, 600_000]]);
    team.decide('wang', 'r1', 0, 'approve', submission);
    team.decide('chen', 'r1', 1, 'approve', submission);
    expect(team.view('r1').steps[2]!.deciders).toMatchObject({ deciders: [], stuck: { reason: 'nobody-named', fixedBy: 'lead' } });
    team.write('wang', prizeSettingsSetOp(undefined, { namedApprover: person('sun') }));
    // The chain is the one in force at submission: still stuck for this request.
    expect(team.view('r1').steps[2]!.deciders?.stuck).not.toBeNull();
    const noApprovers = team.submit('lin', 'r2', [['耳机', 1, 60_000]]);
    team.decide('wang', 'r2', 0, 'approve', noApprovers);
    expect(team.view('r2', { roles: { chen: ['editor'], sun: ['editor'] } }).steps[1]!.deciders?.stuck).toEqual({ reason: 'nobody-holds-role', fixedBy: 'admin' });
  });
});
