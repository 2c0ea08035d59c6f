import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  delegateSetOp,
  fulfilmentTimers,
  myRequests,
  prizeCapabilities,
  prizeSettingsIn,
  prizeSettingsSetOp,
  prizeViews,
  stepsWaitingFor,
  type PrizeQueryContext,
  type RequestView,
} from '../../shared/prizes';
import type { OpFilter, Op } from '../../shared/sync';
import type { Role } from '../../shared/team';
import { MEMBERS, Team, facts, person, type Who } from './harness';
import { restartedFrom } from '../sync/restarted';

/**
 * `prizeViews({ concerning: member })` (the briefing's) gives, for that member, what every view
 * gives: the steps waiting for them, their requests and their fulfilment deadlines. A member who
 * may decide no step gets only the requests submitted from their devices, read alone after a restart.
 */

const WHO = Object.keys(MEMBERS) as Who[];
const ROLES: Role[][] = [['editor'], ['lead'], ['approver'], ['lead', 'editor'], ['viewer']];
const everyOp = Object.assign(() => true, { trustKey: 'every-op' }) as OpFilter;

const forMember = (memberId: string, views: readonly RequestView[], now: number, settings: ReturnType<typeof prizeSettingsIn>) => {
  const mine = new Set(myRequests(memberId, views).map(({ request }) => request.id));
  return {
    waiting: stepsWaitingFor(memberId, views),
    mine: myRequests(memberId, views),
    timers: fulfilmentTimers(views, settings, now).filter((timer) => mine.has(timer.requestId)),
  };
};

const action = fc.oneof(
  fc.record({ kind: fc.constant('submit' as const), who: fc.constantFrom(...WHO), fen: fc.constantFrom(20_000, 300_000, 900_000) }),
  fc.record({ kind: fc.constant('decide' as const), who: fc.constantFrom(...WHO), request: fc.nat(5), step: fc.nat(2), outcome: fc.constantFrom('approve' as const, 'return' as const, 'reject' as const) }),
  fc.record({ kind: fc.constant('winners' as const), who: fc.constantFrom(...WHO), request: fc.nat(5) }),
  fc.record({ kind: fc.constant('delegate' as const), who: fc.constantFrom(...WHO), to: fc.constantFrom(...WHO) }),
  fc.record({ kind: fc.constant('named' as const), who: fc.constantFrom(...WHO) }),
  // Two steps approved in a row (by whoever: the roles drawn decide whether they count), so that later steps are reached.
  fc.record({ kind: fc.constant('chain' as const), request: fc.nat(5), first: fc.constantFrom<Who>('wang', 'zhao'), second: fc.constantFrom<Who>('chen', 'sun') }),
);

describe('prize views concerning one member (property)', () => {
  it('answer for that member as every view does, and read only their requests when they decide nothing', () => {
    fc.assert(
      fc.property(
        fc.array(action, { maxLength: 14 }),
        // Half the time a member keeps the harness's roles (leads wang and zhao, approvers chen and sun).
        fc.array(fc.nat(2 * ROLES.length - 1), { minLength: WHO.length, maxLength: WHO.length }),
        fc.subarray(WHO),
        (actions, rolePicks, away) => {
          const t = new Team();
          t.campaign('c1');
          const requests: Array<{ id: string; submission: Op }> = [];
          for (const step of actions) {
            if (step.kind === 'submit') {
              const id = `r${requests.length}`;
              requests.push({ id, submission: t.submit(step.who, id, [['耳机', 1, step.fen]]) });
            } else if (step.kind === 'decide' || step.kind === 'winners') {
              const request = requests[step.request % Math.max(1, requests.length)];
              if (!request) continue;
              if (step.kind === 'decide') t.decide(step.who, request.id, step.step, step.outcome, request.submission);
              else t.event(step.who, 'prize.fulfil.winnersAdded', request.id, { winners: [{ id: `w${t.ops.length}`, lineId: 'l1', weiboName: '小蓝' }], by: person(step.who) });
            } else if (step.kind === 'chain') {
              const request = requests[step.request % Math.max(1, requests.length)];
              if (!request) continue;
              t.decide(step.first, request.id, 0, 'approve', request.submission);
              t.decide(step.second, request.id, 1, 'approve', request.submission);
            } else if (step.kind === 'delegate') {
              t.write(step.who, delegateSetOp(MEMBERS[step.who].id, MEMBERS[step.to].id, t.clock));
            } else {
              t.write('wang', prizeSettingsSetOp(undefined, { namedApprover: person(step.who), leadMaxFen: 10_000, approverMaxFen: 10_000 }));
            }
          }
          const roles = Object.fromEntries(WHO.map((who, index) => [who, ROLES[rolePicks[index]!] ?? MEMBERS[who].roles])) as Record<Who, Role[]>;
          const context: PrizeQueryContext = { facts: facts(roles), onLeave: (memberId) => away.some((who) => MEMBERS[who].id === memberId), now: t.clock };
          const settings = prizeSettingsIn(t.state);
          const every = prizeViews(t.state, context);
          t.state.refilter(everyOp);
          for (const who of WHO) {
            const memberId = MEMBERS[who].id;
            const { state, woken } = restartedFrom(t.state, prizeCapabilities, everyOp, { summaries: true });
            const concerning = prizeViews(state, { ...context, concerning: memberId });
            expect(forMember(memberId, concerning, t.clock, settings)).toEqual(forMember(memberId, every, t.clock, settings));
            // Every view it gives is the one reading everything gives.
            for (const view of concerning) expect(view).toEqual(every.find((item) => item.id === view.id));
            const deciding = roles[who].some((role) => role === 'lead' || role === 'approver');
            if (!deciding && concerning.length < every.length) {
              // Only their own requests were read.
              const own = new Set(requests.filter(({ submission }) => submission.id.startsWith(MEMBERS[who].device)).map(({ id }) => `prizeRequest:${id}`));
              expect(woken.filter((entity) => entity.startsWith('prizeRequest:') && !own.has(entity))).toEqual([]);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
