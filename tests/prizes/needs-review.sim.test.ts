import { describe, expect, it } from 'vitest';
import { campaignSetOp, prizeCapabilities, prizeViews, requestEventOp, type TeamFacts } from '../../shared/prizes';
import type { Role } from '../../shared/team';
import { withCluster, type Cluster } from '../sync-sim/baton-cluster';

/**
 * Two leads decide one step at once on two offline computers, one approving, one rejecting: with
 * the simulated sync engine carrying the files in its own order, every computer ends with the
 * request in "needs review", both decisions shown, until a lead settles it.
 */
const ROLES: Record<string, Role[]> = { alice: ['editor'], bob: ['lead'], carol: ['lead'] };
const NAMES = ['alice', 'bob', 'carol'] as const;

function factsOf(cluster: Cluster): TeamFacts {
  const byDevice = new Map(NAMES.map((name) => [cluster.service(name).deviceId, name]));
  return {
    memberOfDevice: (deviceId) => byDevice.get(deviceId) ?? null,
    rolesAt: (deviceId) => ROLES[byDevice.get(deviceId) ?? ''] ?? [],
    members: () => NAMES.map((name) => ({ memberId: name, name, roles: ROLES[name]! })),
  };
}

const viewOn = (cluster: Cluster, name: string) =>
  prizeViews(cluster.service(name).state, { facts: factsOf(cluster), now: cluster.time }).find((view) => view.id === 'r1')!;

describe('approve and reject at once from two computers', () => {
  it('puts the request in needs review on every device, both shown, until a lead settles it', async () => {
    await withCluster({ seed: 1414, computers: [...NAMES], service: { capabilities: [...prizeCapabilities] } }, async (c) => {
      const person = (name: string) => ({ memberId: name, name });
      c.record('bob', [campaignSetOp('c1', undefined, { type: 'followGift', name: '关注送礼', startDate: '2026-01-10', endDate: '2026-01-20', owner: person('bob'), budgetFen: 100_000, department: null, heardOn: null })]);
      const [submission] = c.record('alice', [
        requestEventOp('prize.submitted', 'r1', {
          at: c.time, campaignId: 'c1', lines: [{ id: 'l1', prize: '帆布袋', quantity: 10, unitValueFen: 3_000 }], reason: '关注送礼',
          eligibility: '新关注用户', drawMethod: '先到先得', drawAt: c.time, redemption: '私信领取', delivery: '快递', requester: person('alice'),
        }, []),
      ]);
      await c.converge();

      // Bob and Carol are offline; each decides the lead step without seeing the other.
      const decide = (name: string, outcome: 'approve' | 'reject') =>
        c.record(name, [requestEventOp('prize.decided', 'r1', { at: c.time, submission: submission!.id, step: 0, outcome, comment: outcome, by: person(name) }, c.service(name).state.heads('prizeRequest:r1'))]);
      c.advance(60_000);
      decide('bob', 'approve');
      await c.service('bob').flushNow();
      c.advance(1_000);
      decide('carol', 'reject');
      await c.service('carol').flushNow();
      expect(viewOn(c, 'bob').status).toBe('approved');
      expect(viewOn(c, 'carol').status).toBe('rejected');

      c.world.replicate('carol', 'alice');
      await c.service('alice').pollNow();
      c.world.replicate('bob', 'alice');
      await c.converge();
      const hashes = c.hashes();
      expect(new Set(Object.values(hashes)).size).toBe(1);
      for (const name of NAMES) {
        const view = viewOn(c, name);
        expect(view.status).toBe('needsReview');
        expect(view.review).toMatchObject({ kind: 'step', step: 0 });
        expect(view.review?.kind === 'step' && view.review.events.map((event) => [event.by.name, event.outcome])).toEqual([['bob', 'approve'], ['carol', 'reject']]);
      }

      // A third decision does not settle it; a lead's settlement having seen both does.
      c.advance(60_000);
      c.record('carol', [requestEventOp('prize.settled', 'r1', { at: c.time, submission: submission!.id, target: { kind: 'step', step: 0, outcome: 'approve' }, comment: '已与老王确认，批准', by: person('carol') }, c.service('carol').state.heads('prizeRequest:r1'))]);
      await c.converge();
      for (const name of NAMES) {
        const view = viewOn(c, name);
        expect(view.status).toBe('approved');
        expect(view.steps[0]!.decision).toMatchObject({ settles: true, by: { name: 'carol' } });
        expect(view.rounds[0]!.decisions.map((decision) => decision.outcome)).toEqual(['approve', 'reject', 'approve']);
      }
    });
  });
});
