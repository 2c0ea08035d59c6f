import { campaignSetOp, prizeSettingsSetOp, requestEventOp, DEFAULT_PRIZE_SETTINGS, type CampaignType } from '../prizes';
import type { Op } from '../sync';
import { atWallTime, dayFromNow, HOUR, past, type SampleContext, type SampleMember } from './context';

/**
 * Campaigns and prize requests in every state, written with the prize capability's builders: a
 * campaign running today, one starting soon, one that ended, and another department's notice;
 * requests waiting for a lead (the person opening the sample decides it), waiting for the
 * approver after the lead's yes, returned, rejected, approved and being shipped, and closed.
 * Every event has seen the one before it.
 */

export function writePrizes(ctx: SampleContext, firstDay: string): void {
  const m = ctx.members;
  const t = ctx.texts.prizes;
  const c = ctx.texts.campaigns;
  const day = (days: number, time: string) => past(ctx, atWallTime(ctx, dayFromNow(ctx, days), time));
  const setUp = atWallTime(ctx, firstDay, '11:00');
  ctx.emit(m.zhou, setUp, prizeSettingsSetOp(undefined, { ...DEFAULT_PRIZE_SETTINGS, namedApprover: m.chen.person, monthlyBudgetFen: 3_000_000, organiserContact: t.organiser }));

  const campaign = (type: CampaignType, name: string, from: number, to: number, budgetFen: number, department: string | null = null) => {
    const id = ctx.newId('campaign');
    ctx.emit(m.zhou, setUp + HOUR, campaignSetOp(id, undefined, {
      type, name, startDate: dayFromNow(ctx, from), endDate: dayFromNow(ctx, to), owner: m.zhou.person, budgetFen, department, heardOn: department ? dayFromNow(ctx, -2) : null,
    }));
    return id;
  };
  const running = campaign('repostLottery', c.running, -5, 9, 300_000);
  const upcoming = campaign('photoContest', c.upcoming, 3, 17, 500_000);
  const ended = campaign('followGift', c.ended, -28, -14, 300_000);
  campaign('partner', c.notice, 1, 1, 0, 'marketing');

  class Request {
    readonly id = ctx.newId('prize');
    last!: Op;
    submission!: Op;
    constructor(readonly requester: SampleMember) {}
    event(by: SampleMember, at: number, type: Parameters<typeof requestEventOp>[0], data: Record<string, unknown>): Op {
      this.last = ctx.emit(by, at, requestEventOp(type, this.id, { at, ...data }, this.last ? [this.last.hlc] : []));
      return this.last;
    }
    submit(at: number, campaignId: string, lines: Array<[number, number, number]>, drawAt: number): this {
      this.submission = this.event(this.requester, at, 'prize.submitted', {
        campaignId,
        lines: lines.map(([item, quantity, unitValueFen], i) => ({ id: `l${i + 1}`, prize: t.items[item]!, quantity, unitValueFen })),
        reason: t.reason, eligibility: t.eligibility, drawMethod: t.drawMethod, drawAt, redemption: t.redemption, delivery: t.delivery,
        requester: this.requester.person,
      });
      return this;
    }
    decide(by: SampleMember, at: number, step: number, outcome: 'approve' | 'return' | 'reject', comment = ''): this {
      this.event(by, at, 'prize.decided', { submission: this.submission.id, step, outcome, comment, by: by.person });
      return this;
    }
    /** Winners after the draw, then parcels one by one; closed once all went out. */
    fulfil(at: number, shipped: number, close: boolean): void {
      const winners = t.winners.map((weiboName, i) => ({ id: `w${i + 1}`, lineId: 'l1', weiboName }));
      this.event(this.requester, at, 'prize.fulfil.winnersAdded', { winners, by: this.requester.person });
      winners.slice(0, shipped).forEach((winner, i) =>
        this.event(this.requester, at + (i + 1) * 20 * HOUR, 'prize.fulfil.shipped', { winnerId: winner.id, carrier: t.carriers[i % t.carriers.length]!, tracking: `SF${1_402_337_650 + i * 7_919}`, by: this.requester.person }),
      );
      if (close) this.event(this.requester, at + (shipped + 1) * 20 * HOUR, 'prize.fulfil.closed', { submission: this.submission.id, by: this.requester.person });
    }
  }
  const draw = (days: number) => atWallTime(ctx, dayFromNow(ctx, days), '20:00');

  // Ended campaign: one request closed, one still shipping.
  new Request(m.liu).submit(day(-27, '10:00'), ended, [[0, 5, 5_900]], draw(-14)).decide(m.zhou, day(-26, '09:30'), 0, 'approve').fulfil(day(-13, '11:00'), 5, true);
  new Request(m.wang).submit(day(-25, '15:00'), ended, [[1, 5, 3_900]], draw(-14)).decide(m.zhou, day(-24, '10:00'), 0, 'approve').fulfil(day(-13, '16:00'), 3, false);
  // Running and coming campaigns: rejected, returned, waiting for the approver, waiting for a lead.
  new Request(m.li).submit(day(-7, '14:00'), upcoming, [[3, 10, 29_900]], draw(17)).decide(m.zhou, day(-6, '10:00'), 0, 'reject', t.rejectComment);
  new Request(m.sun).submit(day(-3, '11:00'), running, [[4, 20, 4_900]], draw(9)).decide(m.zhou, day(-2, '10:30'), 0, 'return', t.returnComment);
  new Request(m.liu).submit(day(-2, '16:00'), upcoming, [[3, 5, 19_900]], draw(17)).decide(m.zhou, day(-1, '09:40'), 0, 'approve');
  new Request(m.wang).submit(day(-1, '19:00'), running, [[0, 10, 2_900], [1, 4, 3_900]], draw(9));
}
