import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSyncState, type Op, type OpFilter } from '../../shared/sync';
import { defineCapability } from '../../shared/sync/capability';
import type { SyncState } from '../../shared/sync/sync-state';
import { CAROL } from './devices';
import { note, prizeRequest } from './example-capabilities';
import { restartedFrom } from './restarted';
import { deliver, deliveryArb, historyArb } from './scenario';

/**
 * Summaries (`Capability.summary`, `SyncState.summaries`): a restart takes a dormant entity's
 * summary from the local base's index instead of reading its line, only while the filter judges
 * every op as the one it was made under (same `trustKey`). Whatever arrives after, whatever the
 * trust filter becomes, the summaries must be those computed from a fold of everything.
 */

type NoteState = ReturnType<typeof note.reduce>;
const summarizedNote = defineCapability({
  ...note,
  // A deleted note is closed: a restart leaves it on disk, and `live` summaries pass it over.
  closed: (state: NoteState) => state.tombstone.deleted,
  summary: (state: NoteState) => ({ title: state.fields.title?.value ?? null, comments: state.comments.length, deleted: state.tombstone.deleted }),
});
const capabilities = [summarizedNote, prizeRequest];

const keyed = (filter: (op: Op) => boolean | string, trustKey: string): OpFilter => Object.assign(filter, { trustKey });
const carolNotYet = keyed((op: Op) => !op.id.startsWith(CAROL) || 'not yet', 'carol-not-yet');
const everyone = keyed(() => true, 'everyone');
/** A filter that judges like `carolNotYet` but says nothing of itself: nothing stored is taken under it. */
const keyless: OpFilter = (op: Op) => !op.id.startsWith(CAROL) || 'not yet';

const restartedWithSummaries = (source: SyncState, accept: OpFilter) => restartedFrom(source, capabilities, accept, { summaries: true });

/** What `summaries` must give: the summary of each state a fold of the same ops under `accept` lists. */
function expected(ops: readonly Op[], accept: OpFilter) {
  const reference = createSyncState(capabilities, { accept });
  reference.apply(ops);
  return reference.list(summarizedNote).map(({ entity, id, state }) => ({ entity, id, summary: summarizedNote.summary!(state) }));
}

describe('summaries (a restart from the local state)', () => {
  it('are those of a fold of everything, after any later ops and trust changes; stored ones are taken only under the same filter', () => {
    const filterArb = fc.constantFrom('same', 'everyone', 'keyless');
    fc.assert(
      fc.property(historyArb, deliveryArb, filterArb, fc.boolean(), (ops, plan, next, summariesFirst) => {
        const batches = deliver(ops, plan);
        const first = batches.slice(0, batches.length >> 1);
        const source = createSyncState(capabilities, { accept: carolNotYet });
        for (const batch of first) source.apply(batch);
        const held = first.flat();

        const { state, woken } = restartedWithSummaries(source, carolNotYet);
        // Straight after the restart: every summary from the index; only a note without a state (no op of it counts) is read.
        const stateless = source.held().filter((entity) => entity.entity.startsWith('note:') && source.get(entity.entity) === undefined).map((entity) => entity.entity);
        // Live: every open note; a deleted (closed) one only if it is awake (as \`list\`'s live), and none read for it.
        const live = state.summaries('note', { live: true });
        const listed = new Set(live.map((entry) => entry.entity));
        expect(live).toEqual(expected(held, carolNotYet).filter((entry) => !(entry.summary as { deleted: boolean }).deleted || listed.has(entry.entity)));
        expect(woken.sort()).toEqual(stateless.sort());
        expect(state.summaries('note')).toEqual(expected(held, carolNotYet));
        expect(woken.sort()).toEqual(stateless.sort());

        if (summariesFirst) state.summaries('note');
        const filter = next === 'same' ? carolNotYet : next === 'everyone' ? everyone : keyless;
        state.refilter(filter);
        expect(state.summaries('note')).toEqual(expected(held, filter));
        // Under another filter (or one without a key) nothing stored was taken: every note was read.
        if (next !== 'same') expect(new Set(woken)).toEqual(new Set(source.held().filter((entity) => entity.entity.startsWith('note:')).map((entity) => entity.entity)));
        else expect(woken.sort()).toEqual(stateless.sort());
        for (const batch of batches.slice(batches.length >> 1)) state.apply(batch);
        expect(state.summaries('note')).toEqual(expected(ops, filter));
        expect(state.summaries(summarizedNote)).toEqual(state.list(summarizedNote).map(({ entity, id, state: s }) => ({ entity, id, summary: summarizedNote.summary!(s) })));
      }),
      { numRuns: 200 },
    );
  });

  it('live: a closed entity left on disk is passed over, even with no stored summary (an index of another build), and not read', () => {
    const source = createSyncState(capabilities, { accept: carolNotYet });
    const op = (seq: number, type: string, entity: string, data: Op['data']): Op => ({ id: `${'a'.repeat(26)}:${seq}`, hlc: `00176757480000${seq}-0000-${'a'.repeat(26)}`, type, entity, data });
    source.apply([op(1, 'note.set', 'note:open', { set: { title: '早班' }, seen: {} }), op(2, 'note.set', 'note:gone', { set: { title: '晚班' }, seen: {} })]);
    source.apply([op(3, 'note.deleted', 'note:gone', { seen: source.heads('note:gone') })]);
    for (const summaries of [true, false]) {
      const { state, woken } = restartedFrom(source, capabilities, carolNotYet, { summaries });
      expect(state.summaries('note', { live: true }).map((entry) => entry.entity)).toEqual(['note:open']);
      expect(woken).toEqual(summaries ? [] : ['note:open']);
    }
  });

  it('changedSince: those `list` lists with the same option, reading none older (and, with stored summaries, none at all)', () => {
    fc.assert(
      fc.property(historyArb, deliveryArb, fc.nat(), fc.integer({ min: -1, max: 1 }), fc.boolean(), (ops, plan, pick, shift, stored) => {
        const source = createSyncState(capabilities, { accept: carolNotYet });
        for (const batch of deliver(ops, plan)) source.apply(batch);
        const walls = ops.map((op) => Number(op.hlc.slice(0, 15)));
        const since = (walls[pick % Math.max(1, walls.length)] ?? 0) + shift;
        const reference = source.list(summarizedNote, { changedSince: since });
        const { state, woken } = restartedFrom(source, capabilities, carolNotYet, { summaries: stored });
        expect(state.summaries('note', { changedSince: since })).toEqual(reference.map(({ entity, id, state: s }) => ({ entity, id, summary: summarizedNote.summary!(s) })));
        const listed = new Set(reference.map((entry) => entry.entity));
        const stateless = new Set(source.held().filter((entity) => entity.entity.startsWith('note:') && source.get(entity.entity) === undefined).map((entity) => entity.entity));
        // Without stored summaries it reads what the list reads; with them, only notes without a state (never listed).
        for (const entity of woken) expect(stored ? stateless.has(entity) : listed.has(entity) || stateless.has(entity)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('to store: those of the entities unchanged since a mark, under the filter of the moment; none under a filter without a key', () => {
    fc.assert(
      fc.property(historyArb, deliveryArb, (ops, plan) => {
        const batches = deliver(ops, plan);
        const state = createSyncState(capabilities, { accept: carolNotYet });
        for (const batch of batches.slice(0, batches.length >> 1)) state.apply(batch);
        const mark = state.changeMark();
        const before = new Map(state.list(summarizedNote).map(({ entity, state: s }) => [entity, summarizedNote.summary!(s)]));
        for (const batch of batches.slice(batches.length >> 1)) state.apply(batch);
        const held = new Map(batches.slice(0, batches.length >> 1).flat().map((op) => [op.id, op] as const));
        // Entities that got an op new to the state (a duplicate changes nothing; a clash may change both sides).
        const later = new Set<string>();
        for (const op of batches.slice(batches.length >> 1).flat()) {
          const known = held.get(op.id);
          if (known && JSON.stringify(known) === JSON.stringify(op)) continue;
          later.add(op.entity);
          if (known) later.add(known.entity);
        }
        const stored = state.summariesToStore(mark)!;
        expect(stored.trust).toBe('carol-not-yet');
        for (const [entity, summary] of Object.entries(stored.summaries)) {
          expect(later.has(entity)).toBe(false);
          expect(summary).toEqual(before.get(entity));
        }
        for (const [entity, summary] of before) if (!later.has(entity)) expect(stored.summaries[entity]).toEqual(summary);
        expect(Object.keys(stored.summaries).every((entity) => entity.startsWith('note:'))).toBe(true);
        state.refilter(keyless);
        expect(state.summariesToStore(mark)).toBeNull();
      }),
      { numRuns: 150 },
    );
  });

  it('are refused for a kind without a summary', () => {
    expect(() => createSyncState(capabilities).summaries('prizeRequest')).toThrow(/declares no summary/);
  });
});
