import { teamCapabilities } from '../../shared/capabilities';
import { lwwSetData, type Op, type SyncState } from '../../shared/sync';
import { foldedReplica } from '../support/sample-team';
import type { OpDraft, Role, Roster, RosterDevice, RosterMember } from '../../shared/team';
import { DEFAULT_TEAM_SETTINGS, type Person } from '../../shared/team-settings';
import { coverRequestOp, publishMonthOp, swapProposeOp } from '../../shared/rota/builders';
import { acknowledgeOp, publishOp, reviseOp } from '../../shared/sop/builders';
import { campaignSetOp, requestEventOp } from '../../shared/prizes/builders';
import { TestDevice } from '../sync/devices';

/**
 * A whole team around Monday 5 Jan 2026 (Asia/Shanghai), with a published rota, SOPs and a prize
 * request, folded without files: 周主管 leads, 赵敏 and 王丽 edit, 陈总 approves.
 */

interface Member extends Person {
  readonly device: string;
  readonly roles: Role[];
}

export const LEAD: Member = { memberId: 'm-lead', name: '周主管', device: 'llllllllllllllllllllllllll', roles: ['lead', 'editor'] };
export const ZHAO: Member = { memberId: 'm-zhao', name: '赵敏', device: 'zzzzzzzzzzzzzzzzzzzzzzzzzz', roles: ['editor'] };
export const WANG: Member = { memberId: 'm-wang', name: '王丽', device: 'wwwwwwwwwwwwwwwwwwwwwwwwww', roles: ['editor'] };
export const CHEN: Member = { memberId: 'm-chen', name: '陈总', device: 'cccccccccccccccccccccccccc', roles: ['approver'] };
const MEMBERS = [LEAD, ZHAO, WANG, CHEN];

export const me = (member: Member): Person => ({ memberId: member.memberId, name: member.name });
export const at = (time: string, date = '2026-01-05') => Date.parse(`${date}T${time}:00+08:00`);

/** The roster the trust layer would fold for these four, each with one approved device. */
export function roster(): Roster {
  const devices = new Map<string, RosterDevice>(
    MEMBERS.map((member) => [
      member.device,
      { deviceId: member.device, memberId: member.memberId, publicKey: '', status: 'approved', approvedAt: '', revoked: null, removedAt: null, keyMatches: true, isRoot: member === LEAD },
    ]),
  );
  const members = new Map<string, RosterMember>(
    MEMBERS.map((member) => [
      member.memberId,
      {
        memberId: member.memberId,
        displayName: member.name,
        nameField: null,
        roles: member.roles,
        rolesField: null,
        rolesHistory: [{ hlc: '', roles: member.roles }],
        joinedAt: '',
        removed: null,
        deviceIds: [member.device],
        isRoot: member === LEAD,
      },
    ]),
  );
  return { rootDeviceId: LEAD.device, rootPublicKey: '', devices, members, requests: [], verdicts: new Map() };
}

export class WholeTeam {
  readonly ops: Op[] = [];
  private readonly devices = new Map(MEMBERS.map((member) => [member.device, new TestDevice(member.device)]));
  private clock = at('09:00', '2025-12-20');

  constructor() {
    this.write(LEAD, { type: 'teamSettings.set', entity: 'teamSettings:team', data: { ...lwwSetData(undefined, { shiftTypes: DEFAULT_TEAM_SETTINGS.shiftTypes }) } });
  }

  /** `member`'s computer writes `draft` having seen everything so far, at `wall` (default: a minute later). */
  write(member: Member, draft: OpDraft, wall?: number): Op {
    this.clock = wall ?? this.clock + 60_000;
    const device = this.devices.get(member.device)!;
    device.receive(this.ops, this.clock);
    const op = device.op(this.clock, draft.type, draft.entity, draft.data);
    this.ops.push(op);
    return op;
  }

  heads(entity: string): string[] {
    return this.state().heads(entity);
  }

  state(): SyncState {
    return foldedReplica(teamCapabilities, this.ops);
  }
}

/**
 * January's rota: 赵敏 early and 王丽 late every day (王丽 backs up the early shift); the SOP
 * 早班发帖规范 (required for editors, two posts at 10:00 and 15:00) published, acknowledged by 王丽
 * only; a ¥800 prize request past the lead's step, waiting for 陈总.
 */
export function seededWholeTeam(): WholeTeam {
  const team = new WholeTeam();
  const assignments: Record<string, { primary: string[]; backup: string | null }> = {};
  for (let day = 1; day <= 31; day += 1) {
    const date = `2026-01-${String(day).padStart(2, '0')}`;
    assignments[`${date}_early`] = { primary: [ZHAO.memberId], backup: WANG.memberId };
    assignments[`${date}_late`] = { primary: [WANG.memberId], backup: null };
  }
  team.write(LEAD, publishMonthOp('2026-01', assignments, at('10:00', '2025-12-20')));

  const stamp = (member: Member, wall: number) => ({ by: me(member), at: wall });
  const revised = team.write(
    LEAD,
    reviseOp(
      'sop-posts',
      {
        parents: [],
        title: '早班发帖规范',
        body: '# 早班发帖\n\n10:00 产品微博，15:00 话题微博。',
        checklist: [{ id: 'posts', title: '产品与话题微博', kind: 'post', contentType: 'product', times: ['10:00', '15:00'], everyMinutes: null, shiftTypeIds: ['early'], days: 'everyday', holidays: 'include' }],
      },
      stamp(LEAD, at('11:00', '2025-12-20')),
    ),
  );
  team.write(LEAD, publishOp('sop-posts', revised.id, false, stamp(LEAD, at('11:05', '2025-12-20'))));
  team.write(WANG, acknowledgeOp('sop-posts', revised.id, stamp(WANG, at('12:00', '2025-12-20'))));

  team.write(LEAD, campaignSetOp('c-spring', undefined, {
    type: 'repostLottery',
    name: '新年有奖转发',
    startDate: '2026-01-04',
    endDate: '2026-01-10',
    owner: me(LEAD),
    budgetFen: 1_000_000,
    department: null,
    heardOn: null,
  }));
  return team;
}

/** 王丽 asks for cover of her late shift of 7 Jan; she proposes to swap her 6 Jan late shift with 赵敏's 8 Jan early one. */
export function withRotaRequests(team: WholeTeam): void {
  team.write(WANG, coverRequestOp('cover-0107', { date: '2026-01-07', shiftTypeId: 'late', memberId: WANG.memberId }, '家里有事', at('09:00', '2026-01-04')));
  team.write(
    WANG,
    swapProposeOp('swap-0106', { date: '2026-01-06', shiftTypeId: 'late', memberId: WANG.memberId }, { date: '2026-01-08', shiftTypeId: 'early', memberId: ZHAO.memberId }, '', at('09:10', '2026-01-04')),
  );
}

/** 赵敏 asks for ¥800 of prizes; the lead approves the first step, so the approver's step waits for 陈总. */
export function withPrizeRequest(team: WholeTeam, wall = at('09:00', '2026-01-04')): void {
  const submission = team.write(
    ZHAO,
    requestEventOp('prize.submitted', 'r-800', {
      at: wall,
      campaignId: 'c-spring',
      lines: [{ id: 'l1', prize: '新品耳机', quantity: 2, unitValueFen: 40_000 }],
      reason: '新年推广',
      eligibility: '关注并转发',
      drawMethod: '微博抽奖平台',
      drawAt: at('20:00', '2026-01-10'),
      redemption: '7 天内私信收件信息',
      delivery: '快递包邮',
      requester: me(ZHAO),
    }, []),
    wall,
  );
  team.write(LEAD, requestEventOp('prize.decided', 'r-800', { at: wall + 3_600_000, submission: submission.id, step: 0, outcome: 'approve', comment: '', by: me(LEAD) }, team.heads('prizeRequest:r-800')), wall + 3_600_000);
}
