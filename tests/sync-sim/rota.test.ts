import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/team';
import { teamSettings } from '../../shared/team-settings';
import {
  coverRequestOp,
  coverTakeOp,
  monthDraft,
  publishMonthOp,
  rotaCapabilities,
  rotaSlot,
  rotaWorldOf,
  slotSetOp,
  type RotaWorld,
} from '../../shared/rota';
import { withCluster, type Cluster } from './baton-cluster';

/**
 * The rota's two races on real sync services and the simulated sync engine: two leads editing one
 * day offline, two colleagues taking one cover at once. Every computer must end on the same
 * answer. (The trust layer is tested elsewhere: here each computer's device is its person.)
 */

const COMPUTERS = ['lead1', 'lead2', 'wang', 'zhao'] as const;
const LEADS = new Set(['lead1', 'lead2']);
const ROTA = [teamSettings, ...rotaCapabilities];

function worldOn(cluster: Cluster, name: string): RotaWorld {
  const byDevice = new Map(COMPUTERS.map((computer) => [cluster.service(computer).deviceId, computer]));
  const authorOf = (opId: string) => {
    const computer = byDevice.get(opId.slice(0, opId.indexOf(':'))) ?? null;
    return { memberId: computer, lead: computer !== null && LEADS.has(computer) };
  };
  const members = COMPUTERS.map((computer) => ({ memberId: computer, name: computer, roles: LEADS.has(computer) ? (['lead', 'editor'] satisfies Role[]) : (['editor'] satisfies Role[]) }));
  return rotaWorldOf(cluster.service(name).state, { members, authorOf });
}

describe('rota races in the simulated engine', () => {
  it('two leads editing one day offline: one winner everywhere, the other kept as a conflict', async () => {
    await withCluster({ seed: 1201, computers: [...COMPUTERS], service: { capabilities: ROTA } }, async (cluster) => {
      cluster.record('lead1', [slotSetOp(undefined, '2026-03-02', 'early', { primary: ['wang'], backup: null })]);
      await cluster.converge();
      const seen = cluster.service('lead2').state.get(rotaSlot, '2026-03-02_early');
      cluster.record('lead1', [slotSetOp(seen, '2026-03-02', 'early', { primary: ['zhao'], backup: null })]);
      cluster.advance(1000);
      cluster.record('lead2', [slotSetOp(seen, '2026-03-02', 'early', { primary: ['lead2'], backup: 'wang' })]);
      await cluster.converge();
      const slots = COMPUTERS.map((name) => worldOn(cluster, name).draft.get('2026-03-02_early'));
      for (const slot of slots) expect(slot).toEqual(slots[0]);
      expect(slots[0]!.assignment).toEqual({ primary: ['lead2'], backup: 'wang' });
      expect(slots[0]!.conflicts).toEqual([{ primary: ['zhao'], backup: null }]);
    });
  });

  it('two colleagues taking one cover at once: one holds on every computer, the other is told a colleague took it first', async () => {
    await withCluster({ seed: 1202, computers: [...COMPUTERS], service: { capabilities: ROTA } }, async (cluster) => {
      cluster.record('lead1', [slotSetOp(undefined, '2026-03-02', 'early', { primary: ['wang'], backup: null })]);
      await cluster.converge();
      cluster.record('lead1', [publishMonthOp('2026-03', monthDraft(worldOn(cluster, 'lead1'), '2026-03'), cluster.time)]);
      cluster.record('wang', [coverRequestOp('c1', { date: '2026-03-02', shiftTypeId: 'early', memberId: 'wang' }, '', cluster.time)]);
      await cluster.converge();
      // Both take before either has seen the other's take: the fold order (hlc, op id) decides.
      cluster.record('zhao', [coverTakeOp('c1', cluster.time)]);
      cluster.record('lead2', [coverTakeOp('c1', cluster.time)]);
      await cluster.converge();
      const covers = COMPUTERS.map((name) => worldOn(cluster, name).covers[0]);
      for (const cover of covers) expect(cover).toEqual(covers[0]);
      const winner = covers[0]!.takenBy;
      expect(['zhao', 'lead2']).toContain(winner);
      expect(covers[0]!.refusedTakes).toEqual([{ memberId: winner === 'zhao' ? 'lead2' : 'zhao', reason: 'taken-first', why: [] }]);
      const duty = COMPUTERS.map((name) => worldOn(cluster, name).duties.get('2026-03-02_early')!.people);
      for (const people of duty) expect(people).toEqual([{ memberId: winner, via: 'cover', for: 'wang' }]);
    });
  });
});
