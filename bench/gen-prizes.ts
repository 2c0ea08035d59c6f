import {
  CAMPAIGN_TYPES,
  campaignSetOp,
  DEFAULT_PRIZE_SETTINGS,
  delegateSetOp,
  prizeSettingsSetOp,
  requestEventOp,
  requestTotalFen,
  type DecisionOutcome,
} from '../shared/prizes';
import type { Op } from '../shared/sync/op';
import { atOfDay, dateOfDay, DEPARTMENT_IDS, isLead, type GenContext, type GenMember } from './gen-context';
import { chineseText } from './vocabulary';

/**
 * Prize approvals over the history, written with the prize capability's builders: the settings
 * and each lead's and approver's delegate on the first day; two campaigns of our own and one
 * notice from another department a month; about ten prize requests a month by editors, each
 * decided step by step on the following days (a lead; above ¥500 an approver; above ¥5,000 the
 * named approver), one in ten returned and resubmitted, one in twenty rejected; after the draw
 * the winners are entered, their prizes shipped one by one over the next days, and the request
 * closed. Every event has seen the one before it, as on the one computer that wrote it next.
 */

const PRIZES = ['品牌保温杯', '联名帆布包', '新品体验装', '蓝牙耳机', '定制手机壳', '电商优惠券礼包', '限量周边', '会员年卡', '香氛礼盒', '签名海报'];

interface Request {
  readonly id: string;
  readonly requester: GenMember;
  last: Op;
  submission: Op;
  readonly steps: number;
}

export class PrizeGenerator {
  private readonly campaigns: string[] = [];
  private readonly editors: readonly GenMember[];
  private readonly leads: readonly GenMember[];
  private readonly approvers: readonly GenMember[];

  constructor(
    private readonly ctx: GenContext,
    private readonly founder: GenMember,
    members: readonly GenMember[],
    /** Requests a month (ten per desk). */
    private readonly perMonth: number,
  ) {
    this.leads = members.filter(isLead);
    this.approvers = members.filter((member) => member.roles.includes('approver'));
    // Requests are written by editors who decide none of the steps (never their own request).
    this.editors = members.filter((member) => !isLead(member) && !this.approvers.includes(member));
  }

  setUp(): void {
    const at = atOfDay(this.ctx, 0, 6.5);
    const settings = { ...DEFAULT_PRIZE_SETTINGS, namedApprover: this.founder.person, monthlyBudgetFen: 2_000_000 * this.perMonth, organiserContact: '微博运营组 400-820-8820' };
    this.ctx.emit(this.founder, at, prizeSettingsSetOp(undefined, settings));
    const deciders = [...this.leads, ...this.approvers];
    deciders.forEach((member, i) => {
      const delegate = deciders[(i + 1) % deciders.length]!;
      if (delegate !== member) this.ctx.emit(member, at + 60_000, delegateSetOp(member.person.memberId, delegate.person.memberId, at + 60_000));
    });
  }

  startDay(day: number): void {
    const { rng } = this.ctx;
    const date = dateOfDay(this.ctx, day);
    const campaignsPerMonth = Math.max(1, Math.round(this.perMonth / 5));
    if (day === 0 || date.endsWith('-01')) {
      for (let i = 0; i < campaignsPerMonth; i += 1) this.campaign(day, null);
      this.campaign(day, rng.pick(DEPARTMENT_IDS));
    }
    if (rng.chance(this.perMonth / 30)) this.request(day);
  }

  private campaign(day: number, department: string | null): void {
    const { rng, text } = this.ctx;
    const id = this.ctx.newId('camp');
    const owner = rng.pick(this.leads);
    const start = day + rng.int(department ? 3 : 5, 20);
    const at = atOfDay(this.ctx, day, 8 + rng.next());
    this.ctx.emit(owner, at, campaignSetOp(id, undefined, {
      type: rng.pick(CAMPAIGN_TYPES),
      name: `${chineseText(text, 4, 12).replace(/[，。]/g, '')}活动`,
      startDate: dateOfDay(this.ctx, start),
      endDate: dateOfDay(this.ctx, start + rng.int(7, 30)),
      owner: owner.person,
      budgetFen: rng.int(5, 50) * 100_000,
      department,
      heardOn: department ? dateOfDay(this.ctx, day) : null,
    }));
    if (!department) this.campaigns.push(id);
  }

  private request(day: number): void {
    const { rng, text } = this.ctx;
    const requester = rng.pick(this.editors);
    const lines = Array.from({ length: rng.int(1, 3) }, (_, i) => ({
      id: `l${i + 1}`,
      prize: rng.pick(PRIZES),
      quantity: rng.int(1, 20),
      unitValueFen: rng.pick([990, 2_900, 5_900, 9_900, 19_900, 29_900, 49_900]),
    }));
    const total = requestTotalFen(lines);
    const steps = total <= DEFAULT_PRIZE_SETTINGS.leadMaxFen ? 1 : total <= DEFAULT_PRIZE_SETTINGS.approverMaxFen ? 2 : 3;
    const at = atOfDay(this.ctx, day, rng.int(9, 21));
    const data = {
      at,
      campaignId: this.campaigns.at(-1)!,
      lines,
      reason: chineseText(text, 30, 120),
      eligibility: '关注官方微博并转发活动微博的用户，每人限中奖一次',
      drawMethod: '微博抽奖平台随机抽取',
      drawAt: atOfDay(this.ctx, day + 10, 20),
      redemption: '中奖后 7 天内私信提供收货信息，逾期视为放弃',
      delivery: '快递包邮，中奖信息确认后 15 天内发出',
      requester: requester.person,
    };
    const submission = this.ctx.emit(requester, at, requestEventOp('prize.submitted', this.ctx.newId('prize'), data, []));
    const id = submission.entity.slice(submission.entity.indexOf(':') + 1);
    const request: Request = { id, requester, last: submission, submission, steps };
    this.ctx.later(day + 1, () => this.decide(request, day + 1, 0));
  }

  private event(request: Request, member: GenMember, at: number, type: Parameters<typeof requestEventOp>[0], data: Record<string, unknown>): Op {
    request.last = this.ctx.emit(member, at, requestEventOp(type, request.id, { at, ...data }, [request.last.hlc]));
    return request.last;
  }

  private decide(request: Request, day: number, step: number): void {
    const { rng } = this.ctx;
    const decider = step === 0 ? rng.pick(this.leads) : step === 1 ? rng.pick(this.approvers) : this.founder;
    const roll = rng.next();
    const outcome: DecisionOutcome = step === 0 && roll < 0.1 ? 'return' : roll > 0.95 ? 'reject' : 'approve';
    const comment = outcome === 'approve' ? '' : outcome === 'return' ? '奖品价值请按市场价重新核对' : '本月预算已用完';
    this.event(request, decider, atOfDay(this.ctx, day, rng.int(9, 18)), 'prize.decided', { submission: request.submission.id, step, outcome, comment, by: decider.person });
    if (outcome === 'return') {
      this.ctx.later(day + 1, () => {
        const at = atOfDay(this.ctx, day + 1, 10);
        request.submission = this.event(request, request.requester, at, 'prize.submitted', { ...(request.submission.data as Record<string, unknown>), at });
        this.ctx.later(day + 2, () => this.decide(request, day + 2, 0));
      });
    } else if (outcome === 'approve') {
      if (step + 1 < request.steps) this.ctx.later(day + 1, () => this.decide(request, day + 1, step + 1));
      else this.ctx.later(day + 10, () => this.fulfil(request, day + 10));
    }
  }

  private fulfil(request: Request, day: number): void {
    const { rng } = this.ctx;
    const lines = (request.submission.data as { lines: Array<{ id: string; quantity: number }> }).lines;
    // One winner per prize, at most 30 in all.
    const lineIds = lines.flatMap((line) => Array.from({ length: line.quantity }, () => line.id)).slice(0, 30);
    const winners = lineIds.map((lineId, i) => ({ id: `w${i + 1}`, lineId, weiboName: `${rng.pick(['小', '阿', '大'])}${chineseText(this.ctx.text, 2, 6).replace(/[，。]/g, '')}${rng.int(1, 9999)}` }));
    const by = request.requester;
    this.event(request, by, atOfDay(this.ctx, day, 21), 'prize.fulfil.winnersAdded', { winners, by: by.person });
    let last = day;
    for (const winner of winners) {
      const shipDay = day + rng.int(2, 12);
      last = Math.max(last, shipDay);
      this.ctx.later(shipDay, () =>
        this.event(request, by, atOfDay(this.ctx, shipDay, rng.int(10, 17)), 'prize.fulfil.shipped', { winnerId: winner.id, carrier: rng.pick(['顺丰', '中通', '圆通', '京东物流']), tracking: `SF${rng.int(10 ** 11, 10 ** 12 - 1)}`, by: by.person }),
      );
    }
    this.ctx.later(last + 1, () => this.event(request, by, atOfDay(this.ctx, last + 1, 18), 'prize.fulfil.closed', { submission: request.submission.id, by: by.person }));
  }
}
