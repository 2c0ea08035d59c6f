import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseIndexOf, INDEX_FILE, lineOf, readBaseIndex, writeBaseIndex, type BaseIndex } from '../../electron/services/sync/snapshots/cache-index';
import { dormantEntitiesOf } from '../../electron/services/sync/snapshots/indexed-base';
import { sealText } from '../../electron/services/sync/snapshots/sealed-file';
import type { HeldIndex } from '../../shared/sync/held-index';
import { testLog, tempDir } from './helpers';

/**
 * The local base's index (cache-index@4) keeps its entities in columns, so that a large team's
 * restart parses a few long arrays. What it reads back is what was written; columns that disagree,
 * a changed byte, another team's or an earlier format's index are passed over (the restart reads
 * the whole base), never trusted.
 */
const TEAM = 'a'.repeat(26);
const HLC = (ms: number) => `${String(ms).padStart(15, '0')}-0000-${'b'.repeat(26)}`;
const hash16 = (digit: string) => digit.repeat(16);

const held: HeldIndex = {
  entities: { 'note:a': [2, 0, HLC(1)], 'note:b': [1, 1, HLC(5)], 'note:c': [0, 0, ''] },
  counters: { [('b'.repeat(26))]: [[1, 3]] },
  latest: [`${'b'.repeat(26)}:3`, HLC(5)],
};
const survey = { sha256: 'f'.repeat(64), head: 100, lines: [['note:b', 100, 40, hash16('1')], ['note:a', 142, 60, hash16('2')], ['note:c', 204, 10, hash16('3')]] as const };

/** An index of `held` (summaries of an entity the base does not hold are left out), and a folder for it. */
function written(): { dir: string; index: BaseIndex } {
  const index = baseIndexOf(held, survey, { sha256: 'f'.repeat(64), bytes: 500 }, { trust: 'key', summaries: { 'note:a': { title: '交接' }, 'note:z': 1 } })!;
  return { dir: tempDir('cache-index'), index };
}

/** A sealed index body written as given (the hash right): what a writer with a bug would leave. */
function writeBody(dir: string, { summaries, ...rest }: Record<string, unknown>, format = 'baton/cache-index@4'): void {
  writeFileSync(join(dir, INDEX_FILE), sealText(format, TEAM, `${JSON.stringify(rest)}\n${JSON.stringify(summaries)}`));
}

describe('the local base index', () => {
  it('reads back what was written, the entities in the order of their lines, with the summaries of the entities the base holds', async () => {
    const { dir, index } = written();
    await writeBaseIndex(dir, TEAM, index, 'v1');
    const read = await readBaseIndex(dir, TEAM, 'v1', testLog());
    expect(read).toEqual(index);
    expect(read!.entities.names).toEqual(['note:b', 'note:a', 'note:c']);
    expect(lineOf(read!.entities, 1)).toEqual([142, 60, hash16('2')]);
    expect(read!.summaries).toEqual({ 'note:a': { title: '交接' } });
  });

  it('makes dormant entities of its rows, with a stored summary only under a trust key', async () => {
    const { index } = written();
    const dormant = dormantEntitiesOf('/nowhere', index, () => {});
    expect(dormant.map(({ entity, opCount, closed, lastHlc, summary }) => ({ entity, opCount, closed, lastHlc, summary }))).toEqual([
      { entity: 'note:b', opCount: 1, closed: true, lastHlc: HLC(5), summary: undefined },
      { entity: 'note:a', opCount: 2, closed: false, lastHlc: HLC(1), summary: { value: { title: '交接' }, trust: 'key' } },
      { entity: 'note:c', opCount: 0, closed: false, lastHlc: '', summary: undefined },
    ]);
    expect(dormantEntitiesOf('/nowhere', { ...index, trust: null }, () => {}).every((entity) => entity.summary === undefined)).toBe(true);
  });

  it('is not made when the survey and the held entities disagree', () => {
    expect(baseIndexOf(held, { ...survey, lines: survey.lines.slice(1) }, { sha256: 'f'.repeat(64), bytes: 500 }, null)).toBeNull();
    expect(baseIndexOf(held, { ...survey, lines: [survey.lines[0], survey.lines[0], survey.lines[2]] }, { sha256: 'f'.repeat(64), bytes: 500 }, null)).toBeNull();
  });

  it('is passed over, with a log line, when its columns disagree, a byte changed, or it is of another team or an earlier format', async () => {
    const { dir, index } = written();
    const body = { ...index, code: 'v1' };
    const broken: Array<[string, Record<string, unknown>]> = [
      ['a column short', { ...body, entities: { ...index.entities, counts: index.entities.counts.slice(1) } }],
      ['a hash short', { ...body, entities: { ...index.entities, hashes: index.entities.hashes.slice(1) } }],
      ['a count negative', { ...body, entities: { ...index.entities, counts: [-1, 2, 0] } }],
      ['a closed flag of 2', { ...body, entities: { ...index.entities, closed: [2, 0, 0] } }],
      ['an hlc malformed', { ...body, entities: { ...index.entities, hlcs: ['x', HLC(1), ''] } }],
      ['an entity not named', { ...body, entities: { ...index.entities, names: [1, 'note:a', 'note:c'] } }],
    ];
    for (const [what, damaged] of broken) {
      writeBody(dir, damaged);
      const log = testLog();
      expect(await readBaseIndex(dir, TEAM, 'v1', log), what).toBeNull();
      expect(log.lines.some((line) => line.includes("index.json is damaged")), what).toBe(true);
    }
    writeFileSync(join(dir, INDEX_FILE), sealText('baton/cache-index@4', TEAM, JSON.stringify(body)));
    const oneLine = testLog();
    expect(await readBaseIndex(dir, TEAM, 'v1', oneLine), 'the summaries line missing').toBeNull();
    expect(oneLine.lines.some((line) => line.includes('index.json is damaged'))).toBe(true);
    await writeBaseIndex(dir, TEAM, index, 'v1');
    const bytes = readFileSync(join(dir, INDEX_FILE));
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0x02;
    writeFileSync(join(dir, INDEX_FILE), bytes);
    const flipped = testLog();
    expect(await readBaseIndex(dir, TEAM, 'v1', flipped)).toBeNull();
    expect(flipped.lines.some((line) => line.includes('does not match its hash'))).toBe(true);
    await writeBaseIndex(dir, TEAM, index, 'v1');
    expect(await readBaseIndex(dir, 'c'.repeat(26), 'v1', testLog())).toBeNull();
    writeBody(dir, body, 'baton/cache-index@3');
    const older = testLog();
    expect(await readBaseIndex(dir, TEAM, 'v1', older)).toBeNull();
    expect(older.lines.some((line) => line.includes('of an earlier version'))).toBe(true);
  });

  it('takes no summaries another build made', async () => {
    const { dir, index } = written();
    await writeBaseIndex(dir, TEAM, index, 'v1');
    const read = await readBaseIndex(dir, TEAM, 'v2', testLog());
    expect(read).toEqual({ ...index, trust: null, summaries: {} });
  });
});
