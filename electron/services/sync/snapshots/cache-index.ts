import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { HeldIndex } from '../../../../shared/sync/held-index';
import type { SummariesToStore } from '../../../../shared/sync/sync-state';
import { sha256HexSchema } from '../../../../shared/sync/segment-format';
import { HLC_PATTERN } from '../../../../shared/sync/hlc';
import type { Logger } from '../../log';
import { writeFileAtomic } from '../durable-fs';
import type { SnapshotSurvey } from './off-thread-survey';
import { sealText, sealedBody, textOf } from './sealed-file';

/**
 * The index of the local cache's base (`index.json`): everything a restart needs so that it reads
 * none of the base. Per entity its op count, whether it was closed, where its line lies in the
 * base and a hash of that line (checked when the line is read); the op counters held per device
 * (an op arriving later is known to be new without reading any entity); the latest op (the
 * clock); the base's size, hash and where its entity lines start. Bound to the base by the hash
 * its signed trailer names, so a crash between writing the base and its index leaves an index
 * that is passed over: the restart then reads the whole base, as it did before there was an
 * index. With it, per entity of a kind with a summary, its capability's summary of the state the
 * base's line folds to, under the filter of key `trust` (`SyncState.summaries`), and the build whose
code made them (`code`). Sealed: a changed byte is found, and the index passed over with a log line.
 */
export const INDEX_FILE = 'index.json';
const INDEX_FORMAT = 'baton/cache-index@4';
/** Formats of earlier versions: passed over (the base read whole), said as such rather than as damage. */
const OLDER_FORMAT = /^written as baton\/cache-index@[123], /;
/** The hex digits of an entity line's hash kept in the index (off-thread-survey.ts). */
const LINE_HASH_HEX = 16;

/**
 * The base's entities, one column per field, row `i` of each the same entity: a large team's
 * 90,000 entities parse as a few long arrays (a record per entity, as cache-index@3 had, cost a
 * restart at L about a second in `JSON.parse`, its check and the garbage it left).
 */
export interface EntityColumns {
  readonly names: readonly string[];
  /** Op count per entity. */
  readonly counts: readonly number[];
  /** 1 when it was closed when the base was written, else 0. */
  readonly closed: readonly number[];
  /** The hlc of its latest op ('' when it holds none). */
  readonly hlcs: readonly string[];
  /** Where its line lies in the base: byte offset and length (without the "\n"). */
  readonly offsets: readonly number[];
  readonly lengths: readonly number[];
  /** Its line's hash: `LINE_HASH_HEX` hex digits per entity, one after the other. */
  readonly hashes: string;
}

const count = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isRuns = (value: unknown): value is Array<[number, number]> => Array.isArray(value) && value.every((run) => Array.isArray(run) && run.length === 2 && count(run[0]) && count(run[1]));
const HASHES = /^[0-9a-f]*$/;

/** A check in plain loops: zod per element costs a large team's restart a tenth of a second. */
function isColumns(value: unknown): value is EntityColumns {
  if (typeof value !== 'object' || value === null) return false;
  const { names, counts, closed, hlcs, offsets, lengths, hashes } = value as Record<string, unknown>;
  if (!Array.isArray(names) || !Array.isArray(counts) || !Array.isArray(closed) || !Array.isArray(hlcs) || !Array.isArray(offsets) || !Array.isArray(lengths)) return false;
  const n = names.length;
  if (counts.length !== n || closed.length !== n || hlcs.length !== n || offsets.length !== n || lengths.length !== n) return false;
  if (typeof hashes !== 'string' || hashes.length !== n * LINE_HASH_HEX || !HASHES.test(hashes)) return false;
  for (let i = 0; i < n; i += 1) {
    const hlc = hlcs[i];
    if (typeof names[i] !== 'string' || !count(counts[i]) || (closed[i] !== 0 && closed[i] !== 1) || !count(offsets[i]) || !count(lengths[i])) return false;
    if (typeof hlc !== 'string' || (hlc !== '' && !HLC_PATTERN.test(hlc))) return false;
  }
  return true;
}

const indexSchema = z.strictObject({
  base: sha256HexSchema,
  bytes: z.number().int().nonnegative(),
  head: z.number().int().nonnegative(),
  entities: z.custom<EntityColumns>(isColumns),
  counters: z.custom<Record<string, Array<[number, number]>>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(isRuns)),
  latest: z.tuple([z.string(), z.string()]).nullable(),
  trust: z.string().nullable(),
  code: z.string(),
  summaries: z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value)),
});

/** An index and the base it describes. */
export interface BaseIndex extends Omit<HeldIndex, 'entities'> {
  /** The SHA-256 the base's trailer names. */
  readonly base: string;
  /** The base's size in bytes. */
  readonly bytes: number;
  /** Where the base's entity lines start (after its header, file and device lines). */
  readonly head: number;
  /** Per entity: op count, closed, latest hlc, and where its line lies with its hash. */
  readonly entities: EntityColumns;
  /** The `trustKey` of the filter the summaries were made under; null: none stored. */
  readonly trust: string | null;
  /** entity → its capability's summary of its state as the base holds it (`SyncState.summariesToStore`). */
  readonly summaries: Readonly<Record<string, unknown>>;
}

/** Row `row`'s line: [byte offset, byte length, line hash]. */
export function lineOf(columns: EntityColumns, row: number): readonly [number, number, string] {
  return [columns.offsets[row]!, columns.lengths[row]!, columns.hashes.slice(row * LINE_HASH_HEX, (row + 1) * LINE_HASH_HEX)];
}

/** The index of a base (`sha256` its trailer's hash, `bytes` its size) whose lines `survey` found and `held` describes; null when they do not name the same entities. */
export function baseIndexOf(held: HeldIndex, survey: SnapshotSurvey, base: { readonly sha256: string; readonly bytes: number }, stored: SummariesToStore | null): BaseIndex | null {
  const names = Object.keys(held.entities);
  if (names.length !== survey.lines.length) return null;
  const columns = { names: [] as string[], counts: [] as number[], closed: [] as number[], hlcs: [] as string[], offsets: [] as number[], lengths: [] as number[], hashes: [] as string[] };
  for (const [entity, offset, length, hash] of survey.lines) {
    const counted = Object.hasOwn(held.entities, entity) ? held.entities[entity] : undefined;
    if (!counted || hash.length !== LINE_HASH_HEX) return null;
    columns.names.push(entity);
    columns.counts.push(counted[0]);
    columns.closed.push(counted[1]);
    columns.hlcs.push(counted[2]);
    columns.offsets.push(offset);
    columns.lengths.push(length);
    columns.hashes.push(hash);
  }
  if (new Set(columns.names).size !== names.length) return null;
  // Only of entities the base holds (an entity made after it is not in `held`).
  const summaries: Record<string, unknown> = {};
  if (stored) for (const entity of names) if (stored.summaries[entity] !== undefined) summaries[entity] = stored.summaries[entity];
  const entities: EntityColumns = { ...columns, hashes: columns.hashes.join('') };
  return { counters: held.counters, latest: held.latest, base: base.sha256, bytes: base.bytes, head: survey.head, entities, trust: stored?.trust ?? null, summaries };
}

/** Written with `code`, the build whose code made its summaries. */
export async function writeBaseIndex(dir: string, teamId: string, index: BaseIndex, code: string): Promise<void> {
  const { summaries, ...rest } = index;
  // Two lines: the summaries (with the text of titles, in any script) apart from the rest (ASCII: copied, not decoded).
  await writeFileAtomic(join(dir, INDEX_FILE), sealText(INDEX_FORMAT, teamId, `${JSON.stringify({ ...rest, code })}\n${JSON.stringify(summaries)}`));
}

/** The index's two lines (everything but the summaries, then the summaries) as one object. */
function parseIndexBody(body: Buffer): unknown {
  const newline = body.indexOf(0x0a);
  if (newline < 0) throw new Error('its summaries are missing');
  const rest: unknown = JSON.parse(textOf(body.subarray(0, newline)));
  if (typeof rest !== 'object' || rest === null || Array.isArray(rest) || 'summaries' in rest) throw new Error('its first line is not the index');
  return { ...rest, summaries: JSON.parse(textOf(body.subarray(newline + 1))) as unknown };
}

export async function removeBaseIndex(dir: string): Promise<void> {
  await unlink(join(dir, INDEX_FILE)).catch(() => {});
}

/**
 * The index, or null when there is none or it does not read (then said in the log). Its summaries
 * only when the running build (`code`) made them: another build's reduce or summary may differ.
 */
export async function readBaseIndex(dir: string, teamId: string, code: string, log: Logger): Promise<BaseIndex | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, INDEX_FILE));
  } catch {
    return null;
  }
  try {
    const parsed = indexSchema.safeParse(parseIndexBody(sealedBody(bytes, INDEX_FORMAT, teamId)));
    if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
    const { code: madeBy, ...index } = parsed.data;
    if (madeBy === code || index.trust === null) return index;
    log.info('sync', `the local cache's summaries were made by another build (${madeBy}, this is ${code}); they are made again as entities are read`);
    return { ...index, trust: null, summaries: {} };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (OLDER_FORMAT.test(message)) {
      log.info('sync', `the local cache's index.json is of an earlier version; this restart reads the whole base`);
      return null;
    }
    log.warn('sync', `the local cache's index.json is damaged; this restart reads the whole base: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
