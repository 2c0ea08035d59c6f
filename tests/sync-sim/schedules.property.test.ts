import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpDraft } from '../../electron/services/sync/sync-service';
import { prizeRequest } from '../sync/example-capabilities';
import { Cluster, DAY, HOUR } from './baton-cluster';
import { GARBAGE_KINDS, type EngineName, type GarbageKind } from './sim-engine';

/**
 * For random schedules (edits on random computers, replication steps with every fault the sim
 * engine has, polls, restarts, clocks that are wrong or jump, shares that drop, litter, files
 * vanishing), after a final fault-free replication and poll every computer shows the same state,
 * which is the fold of every acknowledged op, and no acknowledged op is missing or doubled.
 */

/** Dave has a copy of the folder from the start, and starts Baton when a 'join' step says so. */
const COMPUTERS = ['alice', 'bob', 'carol', 'dave'] as const;
const who = fc.integer({ min: 0, max: COMPUTERS.length - 1 });
const rate = fc.constantFrom(0, 0, 0.3, 0.6, 1);

const stepArb = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), computer: who, action: fc.integer({ min: 0, max: 9 }), target: fc.integer({ min: 0, max: 3 }), text: fc.constantFrom('早班', '晚班', 'draft', '最终版', '') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('flush' as const), computer: who }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('replicate' as const),
      from: who,
      to: who,
      engine: fc.constantFrom<EngineName>('dropbox', 'syncthing', 'onedrive', 'smb'),
      deliverRate: fc.constantFrom(0.2, 0.5, 1),
      partialRate: rate,
      duplicateRate: rate,
      conflictCopyRate: rate,
      inOrder: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('complete' as const), count: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('poll' as const), computer: who }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 2 * DAY }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('skew' as const), computer: who, offsetMs: fc.integer({ min: -2 * DAY, max: 3 * HOUR }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unmount' as const), computer: who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('mount' as const), computer: who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), computer: who }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('litter' as const),
      computer: who,
      kinds: fc.subarray<GarbageKind>([...GARBAGE_KINDS], { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('vanish' as const), computer: who, modulo: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('join' as const) }) },
);

type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

const scheduleArb = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  engine: fc.constantFrom<EngineName>('dropbox', 'syncthing', 'onedrive', 'smb'),
  steps: fc.array(stepArb, { minLength: 5, maxLength: 35 }),
});

/** What a person would do on that computer, written the way the app writes it. */
function draft(cluster: Cluster, name: string, action: number, target: number, text: string): OpDraft | null {
  const noteId = `n${target}`;
  const prizeId = `p${target}`;
  const state = cluster.service(name).state;
  const seenPrize = state.heads(`prizeRequest:${prizeId}`);
  switch (action) {
    case 0:
    case 1:
      cluster.editNote(name, noteId, action === 0 ? { title: text } : { body: text });
      return null;
    case 2:
      cluster.deleteNote(name, noteId);
      return null;
    case 3:
      cluster.restoreNote(name, noteId);
      return null;
    case 4:
      cluster.commentNote(name, noteId, text);
      return null;
    case 5:
      return { type: 'prize.requested', entity: `prizeRequest:${prizeId}`, data: { amount: text.length + 1, seen: seenPrize } };
    case 6:
      return { type: 'prize.approved', entity: `prizeRequest:${prizeId}`, data: { seen: seenPrize } };
    case 7:
      return { type: 'prize.rejected', entity: `prizeRequest:${prizeId}`, data: { reason: text, seen: seenPrize } };
    case 8:
      return { type: 'prize.paid', entity: `prizeRequest:${prizeId}`, data: { seen: seenPrize } };
    default:
      // A newer version's op type: kept and ignored, still counted.
      return { type: 'note.pinned', entity: `note:${noteId}`, data: { on: true } };
  }
}

async function run(cluster: Cluster, step: Step): Promise<void> {
  const name = (index: number) => COMPUTERS[index]!;
  // Steps of Baton on a computer where it is not started yet do nothing.
  if ('computer' in step && !cluster.members.has(name(step.computer)) && ['edit', 'flush', 'poll', 'restart', 'skew'].includes(step.kind)) return;
  switch (step.kind) {
    case 'edit': {
      const made = draft(cluster, name(step.computer), step.action, step.target, step.text);
      if (made) cluster.record(name(step.computer), [made]);
      return;
    }
    case 'flush':
      return cluster.service(name(step.computer)).flushNow();
    case 'replicate':
      if (step.from === step.to) return;
      cluster.world.replicate(name(step.from), name(step.to), step);
      return;
    case 'complete':
      cluster.world.completeTransfers({ count: step.count });
      return;
    case 'poll':
      return cluster.service(name(step.computer)).pollNow();
    case 'advance':
      cluster.advance(step.ms);
      return;
    case 'skew':
      cluster.member(name(step.computer)).offsetMs = step.offsetMs;
      return;
    case 'unmount':
      cluster.world.unmount(name(step.computer));
      return;
    case 'mount':
      cluster.world.mount(name(step.computer));
      return;
    case 'restart':
      await cluster.restart(name(step.computer));
      return;
    case 'litter':
      if (cluster.world.isMounted(name(step.computer))) cluster.world.litter(name(step.computer), step.kinds);
      return;
    case 'join':
      // A new computer joins: its device.json spreads through the same faulty engine.
      if (!cluster.members.has('dave')) await cluster.start('dave').service.ready;
      return;
    case 'vanish': {
      // Segments disappear from one computer's copy (a bad restore, a cloud client's hiccup).
      let index = 0;
      cluster.world.vanish(name(step.computer), (rel) => /\/log\/\d{12}-[0-9a-f]{8}\.jsonl$/.test(rel) && index++ % step.modulo === 0);
      return;
    }
  }
}

describe('random schedules over the simulated sync engine', () => {
  it('every computer ends with the same stateHash, the fold of every acknowledged op, none lost or doubled', async () => {
    await fc.assert(
      fc.asyncProperty(scheduleArb, async ({ seed, engine, steps }) => {
        const cluster = await Cluster.create({ seed, engine, computers: [...COMPUTERS], idle: ['dave'] });
        try {
          for (const step of steps) await run(cluster, step);
          for (const computer of COMPUTERS) cluster.world.mount(computer);
          cluster.world.completeTransfers();
          await cluster.converge();

          const running = [...cluster.members.keys()];
          const statuses = running.map((computer) => cluster.status(computer));
          const expected = cluster.expectedHash();
          for (const status of statuses) {
            expect(status).toMatchObject({ available: true, pendingOutbox: 0, stateHash: expected });
            expect(status.opsCount).toBe(cluster.acknowledged.size);
          }
          for (const computer of COMPUTERS) {
            const { ops, duplicates } = cluster.publishedOps(computer);
            expect(duplicates).toEqual([]);
            expect([...cluster.acknowledged.keys()].filter((id) => !ops.has(id))).toEqual([]);
            for (const [id, op] of cluster.acknowledged) expect(ops.get(id)).toEqual(op);
          }
          // The workflow fold is part of the state: the same prize states on every computer.
          const prizes = running.map((computer) => JSON.stringify(cluster.service(computer).state.list(prizeRequest)));
          expect(new Set(prizes).size).toBe(1);
        } finally {
          await cluster.dispose();
        }
      }),
      // BATON_SIM_RUNS=500 for a longer soak; the default keeps the suite well under a minute.
      { numRuns: Number(process.env.BATON_SIM_RUNS ?? 30) },
    );
  }, 600_000);
});
