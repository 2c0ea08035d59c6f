import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpDraft, SyncService } from '../../electron/services/sync/sync-service';
import { computer, startService, stopService, teamFolder, testLog } from './helpers';

/**
 * A restart from this computer's local state (the cache in its profile) must show exactly what a
 * computer new to the team computes from the same files (stateHash equal), whatever edits came
 * before and whatever a crash or a disk did to the cache: a cache that is damaged, half written,
 * left mid-merge or from another team is rebuilt from the folder (with a log line), never trusted.
 */

type Edit = { readonly by: 'founder' | 'reader'; readonly kind: 'set' | 'delete' | 'restore' | 'comment'; readonly note: number; readonly text: string };

const editArb: fc.Arbitrary<Edit> = fc.record({
  by: fc.constantFrom('founder' as const, 'reader' as const),
  kind: fc.constantFrom('set' as const, 'delete' as const, 'restore' as const, 'comment' as const),
  note: fc.integer({ min: 0, max: 3 }),
  text: fc.string({ maxLength: 12 }),
});

/** What is found in the cache folder at the next start. */
type Damage =
  | { readonly kind: 'none' }
  /** A crash during a write that was not atomic: a file cut short. */
  | { readonly kind: 'truncated'; readonly file: number; readonly at: number }
  /** The disk changed a byte. */
  | { readonly kind: 'flipped'; readonly file: number; readonly at: number }
  /** A crash between writing a temp file and renaming it. */
  | { readonly kind: 'temp-left'; readonly file: number; readonly at: number }
  /** A crash during a merge of chunks: the merged chunk written, the older ones not removed yet. */
  | { readonly kind: 'merge-interrupted'; readonly file: number }
  /** Another team's cache (a profile copied between teams, a folder restored from a backup). */
  | { readonly kind: 'foreign'; readonly file: number };

const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('truncated' as const), file: fc.nat(), at: fc.double({ min: 0, max: 0.999, noNaN: true }) }),
  fc.record({ kind: fc.constant('flipped' as const), file: fc.nat(), at: fc.double({ min: 0, max: 0.999, noNaN: true }) }),
  fc.record({ kind: fc.constant('temp-left' as const), file: fc.nat(), at: fc.double({ min: 0, max: 0.999, noNaN: true }) }),
  fc.record({ kind: fc.constant('merge-interrupted' as const), file: fc.nat() }),
  fc.record({ kind: fc.constant('foreign' as const), file: fc.nat() }),
);

function draftOf(edit: Edit, service: SyncService): OpDraft {
  const entity = `note:n${edit.note}`;
  const seen = service.state.heads(entity);
  if (edit.kind === 'set') return { type: 'note.set', entity, data: { set: { title: edit.text }, seen: {} } };
  if (edit.kind === 'delete') return { type: 'note.deleted', entity, data: { seen } };
  if (edit.kind === 'restore') return { type: 'note.restored', entity, data: { seen } };
  return { type: 'note.commented', entity, data: { text: edit.text } };
}

/** Applies the damage; returns whether it changed what the cache says (then a log line is due). */
function damageCache(dir: string, damage: Damage, otherTeamId: string): boolean {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json') || name.endsWith('.snap')).sort();
  if (damage.kind === 'none' || files.length === 0) return false;
  const name = files[damage.file % files.length]!;
  const path = join(dir, name);
  const bytes = readFileSync(path);
  if (damage.kind === 'truncated') {
    writeFileSync(path, bytes.subarray(0, Math.floor(damage.at * bytes.length)));
    return true;
  }
  if (damage.kind === 'flipped') {
    const at = Math.floor(damage.at * bytes.length);
    bytes[at] = bytes[at]! ^ 0x04;
    writeFileSync(path, bytes);
    return true;
  }
  if (damage.kind === 'temp-left') {
    writeFileSync(join(dir, `.baton-tmp-${name}-1`), bytes.subarray(0, Math.floor(damage.at * bytes.length)));
    return false;
  }
  if (damage.kind === 'merge-interrupted') {
    const chunk = /^chunk-(\d{12})\.json$/.exec(name);
    if (!chunk) return false;
    // The same ops under an older number, as a merge leaves them until it removes that chunk.
    copyFileSync(path, join(dir, `chunk-${String(Number(chunk[1]) - 1).padStart(12, '0')}.json`));
    return false;
  }
  const text = bytes.toString('latin1');
  const teamId = /[0-9a-z]{26}/.exec(text)?.[0];
  if (!teamId) return false;
  writeFileSync(path, Buffer.from(text.split(teamId).join(otherTeamId), 'latin1'));
  return true;
}

describe('a restart from the local cache (property)', () => {
  it('gives the stateHash of a cold open, after any edits and whatever happened to the cache', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(editArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), damageArb, async (rounds, damage) => {
        const { sharedDir, founder } = await teamFolder();
        const place = computer(sharedDir, 'reader');
        const reader = startService(place, { memberName: 'Bob' });
        await reader.ready;
        for (const round of rounds) {
          for (const edit of round) {
            const service = edit.by === 'founder' ? founder : reader;
            service.record([draftOf(edit, service)]);
          }
          await founder.flushNow();
          await reader.flushNow();
          await reader.syncNow();
        }
        const teamId = reader.getStatus().teamId!;
        await stopService(reader);
        await stopService(founder);

        const cacheDir = join(place.profileDir, 'sync', 'teams', teamId, 'cache');
        const changed = damageCache(cacheDir, damage, 'z'.repeat(26));
        const log = testLog();
        const restarted = startService(place, { memberName: 'Bob', log });
        await restarted.ready;
        const cold = startService(computer(sharedDir, 'new'), { memberName: 'Carol' });
        await cold.ready;
        const [warm, fresh] = [await restarted.syncNow(), await cold.syncNow()];
        expect(warm.stateHash).toBe(fresh.stateHash);
        expect(warm.opsCount).toBe(fresh.opsCount);
        if (changed) expect(log.lines.some((line) => line.includes('local cache'))).toBe(true);
        await stopService(restarted);
        await stopService(cold);
      }),
      { numRuns: 40 },
    );
  });
});

describe('a cache changed where it still parses', () => {
  it('is not trusted: a restart shows what the files say, and says the cache was rebuilt', async () => {
    const { sharedDir, founder } = await teamFolder();
    founder.record([{ type: 'note.set', entity: 'note:n1', data: { set: { title: 'abcdef' }, seen: {} } }]);
    await founder.flushNow();
    const place = computer(sharedDir, 'reader');
    const reader = startService(place, { memberName: 'Bob' });
    await reader.ready;
    const { teamId, stateHash } = await reader.syncNow();
    await stopService(reader);
    const cacheDir = join(place.profileDir, 'sync', 'teams', teamId!, 'cache');
    for (const name of readdirSync(cacheDir).filter((file) => file.startsWith('chunk-'))) {
      const text = readFileSync(join(cacheDir, name), 'utf8');
      if (text.includes('abcdef')) writeFileSync(join(cacheDir, name), text.replace('abcdef', 'abcdeg'));
    }
    const log = testLog();
    const restarted = startService(place, { memberName: 'Bob', log });
    await restarted.ready;
    expect((await restarted.syncNow()).stateHash).toBe(stateHash);
    expect(log.lines.some((line) => line.includes('local cache'))).toBe(true);
  });
});
