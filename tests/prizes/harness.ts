import { createSyncState, type Op, type SyncState } from '../../shared/sync';
import type { Role } from '../../shared/team';
import type { OpDraft } from '../../shared/team';
import {
  campaignSetOp,
  prizeCapabilities,
  prizeViews,
  requestEventOp,
  type CampaignFields,
  type OnLeave,
  type RequestView,
  type TeamFacts,
} from '../../shared/prizes';
import { TestDevice } from '../sync/devices';

/** What a request says besides its lines: one text for the domain and the service tests. */
export const REQUEST_TEXTS = {
  reason: '春季新品推广',
  eligibility: '关注并转发本条微博的用户',
  drawMethod: '微博抽奖平台随机抽取',
  drawAt: Date.parse('2026-03-20T20:00:00+08:00'),
  redemption: '中奖后7天内私信提供收件信息',
  delivery: '快递寄送，包邮',
};

/** A small team: a device per member, each member's roles. */
export const MEMBERS = {
  lin: { id: 'm-lin', name: '小林', device: 'llllllllllllllllllllllllll', roles: ['editor'] as Role[] },
  wang: { id: 'm-wang', name: '老王', device: 'wwwwwwwwwwwwwwwwwwwwwwwwww', roles: ['lead', 'editor'] as Role[] },
  zhao: { id: 'm-zhao', name: '赵敏', device: 'zzzzzzzzzzzzzzzzzzzzzzzzzz', roles: ['lead'] as Role[] },
  chen: { id: 'm-chen', name: '陈总', device: 'cccccccccccccccccccccccccc', roles: ['approver'] as Role[] },
  sun: { id: 'm-sun', name: '孙经理', device: 'ssssssssssssssssssssssssss', roles: ['approver'] as Role[] },
  mallory: { id: 'm-mal', name: 'Mallory', device: 'mmmmmmmmmmmmmmmmmmmmmmmmmm', roles: ['viewer'] as Role[] },
};
export type Who = keyof typeof MEMBERS;

export function facts(roles: Partial<Record<Who, Role[]>> = {}): TeamFacts {
  const list = Object.entries(MEMBERS).map(([key, member]) => ({ memberId: member.id, name: member.name, roles: roles[key as Who] ?? member.roles }));
  return {
    memberOfDevice: (deviceId) => Object.values(MEMBERS).find((member) => member.device === deviceId)?.id ?? null,
    rolesAt: (deviceId) => list.find((member) => member.memberId === Object.values(MEMBERS).find((m) => m.device === deviceId)?.id)?.roles ?? [],
    members: () => list,
  };
}

export const person = (who: Who) => ({ memberId: MEMBERS[who].id, name: MEMBERS[who].name });

/** 2026-03-02 10:00 Asia/Shanghai */
export const T0 = Date.parse('2026-03-02T10:00:00+08:00');
export const MIN = 60_000;

export class Team {
  readonly devices = new Map<Who, TestDevice>();
  readonly ops: Op[] = [];
  readonly state: SyncState = createSyncState(prizeCapabilities);
  clock = T0;

  device(who: Who): TestDevice {
    let device = this.devices.get(who);
    if (!device) {
      device = new TestDevice(MEMBERS[who].device);
      this.devices.set(who, device);
    }
    return device;
  }

  /** `who` writes `draft` having seen everything written so far (unless `shared` is false). */
  write(who: Who, draft: OpDraft, options: { readonly seeAll?: boolean } = {}): Op {
    this.clock += MIN;
    const device = this.device(who);
    if (options.seeAll !== false) device.receive(this.ops, this.clock);
    const op = device.op(this.clock, draft.type, draft.entity, draft.data);
    this.ops.push(op);
    const result = this.state.apply([op]);
    if (result.invalid.length > 0) throw new Error(JSON.stringify(result.invalid));
    return op;
  }

  heads(requestId: string): string[] {
    return this.state.heads(`prizeRequest:${requestId}`);
  }

  event(who: Who, type: Parameters<typeof requestEventOp>[0], requestId: string, data: Record<string, unknown>, heads = this.heads(requestId)): Op {
    return this.write(who, requestEventOp(type, requestId, { at: this.clock + MIN, ...data }, heads));
  }

  campaign(id: string, fields: Partial<CampaignFields> = {}): void {
    this.write('wang', campaignSetOp(id, undefined, {
      type: 'repostLottery',
      name: '春季有奖转发',
      startDate: '2026-03-10',
      endDate: '2026-03-20',
      owner: person('wang'),
      budgetFen: 1_000_000,
      department: null,
      heardOn: null,
      ...fields,
    }));
  }

  submit(who: Who, requestId: string, lines: Array<[string, number, number]>, campaignId = 'c1'): Op {
    return this.event(who, 'prize.submitted', requestId, {
      campaignId,
      lines: lines.map(([prize, quantity, unitValueFen], index) => ({ id: `l${index + 1}`, prize, quantity, unitValueFen })),
      ...REQUEST_TEXTS,
      requester: person(who),
    });
  }

  decide(who: Who, requestId: string, step: number, outcome: 'approve' | 'return' | 'reject', submission: Op, comment = '') {
    return this.event(who, 'prize.decided', requestId, { submission: submission.id, step, outcome, comment, by: person(who) });
  }

  views(options: { roles?: Partial<Record<Who, Role[]>>; onLeave?: OnLeave; now?: number } = {}): RequestView[] {
    return prizeViews(this.state, { facts: facts(options.roles), ...(options.onLeave ? { onLeave: options.onLeave } : {}), now: options.now ?? this.clock });
  }

  view(requestId: string, options: Parameters<Team['views']>[0] = {}): RequestView {
    const view = this.views(options).find((item) => item.id === requestId);
    if (!view) throw new Error(`no request ${requestId}`);
    return view;
  }
}
