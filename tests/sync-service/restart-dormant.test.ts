import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { defineCapability } from '../../shared/sync/capability';
import type { OpDraft, SyncService } from '../../electron/services/sync/sync-service';
import { note } from '../sync/example-capabilities';
import { computer, startService, stopService, teamFolder, testLog } from './helpers';

/**
 * A restart from this computer's local state leaves the base's entities on disk (dormant) and
 * reads one when something asks for it. Whatever edits come before and after, and wherever a
 * crash stopped the writing of the base and its index, the state must be what a computer new to
 * the team computes from the same files (stateHash and op count equal); an index that is damaged
 * or another team's is passed over with a log line. A list of what changed since an instant answers
 * the same as a cold open's.
 */

/** A note is closed once deleted (a restart's live lists may leave it on disk). */
const closingNote = defineCapability({
  ...note,
  closed: (state: ReturnType<typeof note.reduce>) => state.tombstone.deleted,
  // Stored in the index: a restart's summaries must be a cold open's.
  summary: (state: ReturnType<typeof note.reduce>) => ({ title: state.fields.title?.value ?? null, comments: state.comments.map((comment) => comment.text) }),
});
const capabilities = [closingNote];
/** The next build: same ops, another summary. What the last build stored must not be taken for it. */
const nextNote = defineCapability({ ...closingNote, summary: (state: ReturnType<typeof note.reduce>) => ({ comments: state.comments.length }) });
const nextBuild = { capabilities: [nextNote], codeVersion: '0.1.0-test+next' };

type Edit = { readonly by: 'founder' | 'reader'; readonly kind: 'set' | 'delete' | 'restore' | 'comment'; readonly note: number; readonly text: string };

const editArb: fc.Arbitrary<Edit> = fc.record({
  by: fc.constantFrom('founder' as const, 'reader' as const),
  kind: fc.constantFrom('set' as const, 'delete' as const, 'restore' as const, 'comment' as const),
  note: fc.integer({ min: 0, max: 4 }),
  text: fc.string({ maxLength: 8 }),
});

/** Where the writing of the local state stopped, or what a disk or a copy did to its index. */
const crashArb = fc.constantFrom('none', 'before-index', 'index-of-older-base', 'index-flipped', 'index-of-another-team', 'base-flipped', 'another-build');

function draftOf(edit: Edit, service: SyncService): OpDraft {
  const entity = `note:n${edit.note}`;
  const seen = service.state.heads(entity);
  if (edit.kind === 'set') return { type: 'note.set', entity, data: { set: { title: edit.text }, seen: {} } };
  if (edit.kind === 'delete') return { type: 'note.deleted', entity, data: { seen } };
  if (edit.kind === 'restore') return { type: 'note.restored', entity, data: { seen } };
  return { type: 'note.commented', entity, data: { text: edit.text } };
}

async function play(edits: readonly Edit[], founder: SyncService, reader: SyncService): Promise<void> {
  for (const edit of edits) {
    const service = edit.by === 'founder' ? founder : reader;
    service.record([draftOf(edit, service)]);
  }
  await founder.flushNow();
  await reader.flushNow();
  await reader.pollNow();
}

describe('a restart that leaves entities on disk (property)', () => {
  it('gives the stateHash of a cold open, after any edits before and after, wherever the writing of the local state stopped', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(editArb, { minLength: 1, maxLength: 6 }),
        fc.array(editArb, { minLength: 1, maxLength: 6 }),
        fc.array(editArb, { maxLength: 4 }),
        crashArb,
        async (first, second, after, crash) => {
          const { sharedDir, founder } = await teamFolder();
          const place = computer(sharedDir, 'reader');
          // A base (and its index) after every change, so that a restart finds one.
          const writing = { capabilities, memberName: 'Bob', cacheDelayMs: 1, snapshotPolicy: { teamEveryOps: 1_000_000, baseEveryOps: 1 } };
          const reader = startService(place, writing);
          await reader.ready;
          const teamId = reader.getStatus().teamId!;
          const cacheDir = join(place.profileDir, 'sync', 'teams', teamId, 'cache');
          const index = join(cacheDir, 'index.json');
          await play(first, founder, reader);
          await vi.waitFor(() => expect(existsSync(index)).toBe(true));
          copyFileSync(index, join(cacheDir, 'older-index'));
          // Edits after this instant are "changed since" it.
          const middle = Date.now() + 1;
          const before = readFileSync(join(cacheDir, 'base.snap'));
          await play(second, founder, reader);
          await vi.waitFor(() => expect(readFileSync(join(cacheDir, 'base.snap')).equals(before)).toBe(false));
          await vi.waitFor(() => expect(readFileSync(index, 'utf8')).not.toBe(readFileSync(join(cacheDir, 'older-index'), 'utf8')));
          // Its closed notes went back to disk after each base was written: it still folds what the founder folds.
          await founder.pollNow();
          expect(reader.getStatus().stateHash).toBe(founder.getStatus().stateHash);
          await stopService(reader);

          if (crash === 'before-index') rmSync(index);
          if (crash === 'index-of-older-base') copyFileSync(join(cacheDir, 'older-index'), index);
          if (crash === 'index-flipped') {
            const bytes = readFileSync(index);
            bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0x04;
            writeFileSync(index, bytes);
          }
          if (crash === 'index-of-another-team') writeFileSync(index, readFileSync(index, 'utf8').split(teamId).join('z'.repeat(26)));
          if (crash === 'base-flipped') {
            // A byte of the last entity line, which the restart does not read: the hash after it finds it.
            const base = join(cacheDir, 'base.snap');
            const bytes = readFileSync(base);
            bytes[bytes.length - 1200] = bytes[bytes.length - 1200]! ^ 0x01;
            writeFileSync(base, bytes);
          }
          rmSync(join(cacheDir, 'older-index'));

          const log = testLog();
          const build = crash === 'another-build' ? nextBuild : { capabilities };
          const restarted = startService(place, { ...build, memberName: 'Bob', log });
          await restarted.ready;
          await restarted.settled;
          const started = log.lines.find((line) => line.includes('started from the local cache')) ?? '';
          if (crash === 'base-flipped') expect(log.lines.some((line) => line.includes('local cache is damaged and is rebuilt'))).toBe(true);
          else expect(started.includes('left on disk')).toBe(crash === 'none' || crash === 'another-build');
          if (crash === 'another-build') expect(log.lines.some((line) => line.includes("local cache's summaries were made by another build"))).toBe(true);
          if (crash === 'index-flipped' || crash === 'index-of-another-team') expect(log.lines.some((line) => line.includes("local cache's index.json"))).toBe(true);
          await play(after, founder, restarted);
          const cold = startService(computer(sharedDir, 'new'), { ...build, memberName: 'Carol' });
          await cold.ready;
          // Before the hash wakes everything: the index records each entity's latest op, so a list of
          // recent changes answers as a cold open's while older entities stay on disk.
          expect(restarted.state.list('note', { changedSince: middle })).toEqual(cold.state.list('note', { changedSince: middle }));
          const summary = build.capabilities[0]!.summary!;
          expect(restarted.state.summaries('note')).toEqual(cold.state.list('note').map(({ entity, id, state }) => ({ entity, id, summary: summary(state as never) })));
          const [warm, fresh] = [await restarted.syncNow(), await cold.syncNow()];
          expect(warm.stateHash).toBe(fresh.stateHash);
          expect(warm.opsCount).toBe(fresh.opsCount);
          await stopService(restarted);
          await stopService(cold);
          await stopService(founder);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('closed entities back on disk', () => {
  it('go back once a base holding them is written, and are read again when asked about', async () => {
    const { sharedDir, founder } = await teamFolder();
    const log = testLog();
    const reader = startService(computer(sharedDir, 'reader'), { capabilities, memberName: 'Bob', log, cacheDelayMs: 1, snapshotPolicy: { teamEveryOps: 1_000_000, baseEveryOps: 1 } });
    await reader.ready;
    const edits: Edit[] = [0, 1, 2].map((note) => ({ by: 'founder', kind: 'set', note, text: `第${note}条` }));
    await play([...edits, { by: 'founder', kind: 'delete', note: 1, text: '' }], founder, reader);
    await vi.waitFor(() => expect(log.lines.some((line) => line.includes('closed entities went back to disk'))).toBe(true));
    expect(reader.state.list(closingNote, { live: true }).map(({ id }) => id)).toEqual(['n0', 'n2']);
    expect(reader.state.list(closingNote).map(({ id }) => id)).toEqual(['n0', 'n1', 'n2']);
    await play([{ by: 'reader', kind: 'restore', note: 1, text: '' }], founder, reader);
    await founder.pollNow();
    expect(reader.state.get(closingNote, 'n1')?.tombstone.deleted).toBe(false);
    expect(reader.getStatus().stateHash).toBe(founder.getStatus().stateHash);
    await stopService(reader);
    await stopService(founder);
  });
});
