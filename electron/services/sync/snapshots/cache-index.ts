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
import { seal, unseal } from './sealed-file';

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
const INDEX_FORMAT = 'baton/cache-index@3';
/** Formats of earlier versions: passed over (the base read whole), said as such rather than as damage. */
const OLDER_FORMAT = /^written as baton\/cache-index@[12], /;

/** A check in one loop: zod per element costs a tenth of a second for a large team's 20,000 entities. */
const recordOf = <T>(check: (value: unknown) => value is T) =>
  z.custom<Record<string, T>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(check));

const count = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isEntityCount = (value: unknown): value is readonly [number, 0 | 1, string] =>
  Array.isArray(value) && value.length === 3 && count(value[0]) && (value[1] === 0 || value[1] === 1) && typeof value[2] === 'string' && (value[2] === '' || HLC_PATTERN.test(value[2]));
const isRuns = (value: unknown): value is Array<[number, number]> => Array.isArray(value) && value.every((run) => Array.isArray(run) && run.length === 2 && count(run[0]) && count(run[1]));
const isLine = (value: unknown): value is readonly [number, number, string] =>
  Array.isArray(value) && value.length === 3 && count(value[0]) && count(value[1]) && typeof value[2] === 'string';

const indexSchema = z.strictObject({
  base: sha256HexSchema,
  bytes: z.number().int().nonnegative(),
  head: z.number().int().nonnegative(),
  entities: recordOf(isEntityCount),
  lines: recordOf(isLine),
  counters: recordOf(isRuns),
  latest: z.tuple([z.string(), z.string()]).nullable(),
  trust: z.string().nullable(),
  code: z.string(),
  summaries: z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value)),
});

/** An index and the base it describes. */
export interface BaseIndex extends HeldIndex {
  /** The SHA-256 the base's trailer names. */
  readonly base: string;
  /** The base's size in bytes. */
  readonly bytes: number;
  /** Where the base's entity lines start (after its header, file and device lines). */
  readonly head: number;
  /** entity → [byte offset, byte length, line hash] in the base. */
  readonly lines: Readonly<Record<string, readonly [number, number, string]>>;
  /** The `trustKey` of the filter the summaries were made under; null: none stored. */
  readonly trust: string | null;
  /** entity → its capability's summary of its state as the base holds it (`SyncState.summariesToStore`). */
  readonly summaries: Readonly<Record<string, unknown>>;
}

/** The index of a base (`sha256` its trailer's hash, `bytes` its size) whose lines `survey` found and `held` describes; null when they do not name the same entities. */
export function baseIndexOf(held: HeldIndex, survey: SnapshotSurvey, base: { readonly sha256: string; readonly bytes: number }, stored: SummariesToStore | null): BaseIndex | null {
  const lines: Record<string, readonly [number, number, string]> = {};
  for (const [entity, offset, length, hash] of survey.lines) lines[entity] = [offset, length, hash];
  const names = Object.keys(held.entities);
  if (names.length !== survey.lines.length || names.some((entity) => !lines[entity])) return null;
  // Only of entities the base holds (an entity made after it is not in `held`).
  const summaries: Record<string, unknown> = {};
  if (stored) for (const entity of names) if (stored.summaries[entity] !== undefined) summaries[entity] = stored.summaries[entity];
  return { ...held, base: base.sha256, bytes: base.bytes, head: survey.head, lines, trust: stored?.trust ?? null, summaries };
}

/** Written with `code`, the build whose code made its summaries. */
export async function writeBaseIndex(dir: string, teamId: string, index: BaseIndex, code: string): Promise<void> {
  await writeFileAtomic(join(dir, INDEX_FILE), seal(INDEX_FORMAT, teamId, { ...index, code }));
}

export async function removeBaseIndex(dir: string): Promise<void> {
  await unlink(join(dir, INDEX_FILE)).catch(() => {});
}

/**
 * The index, or null when there is none or it does not read (then said in the log). Its summaries
 * only when the running build (`code`) made them: another build's reduce or summary may differ.
 */
export async function readBaseIndex(dir: string, teamId: string, code: string, log: Logger): Promise<BaseIndex | null> {
  let text: string;
  try {
    text = await readFile(join(dir, INDEX_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = indexSchema.safeParse(unseal(text, INDEX_FORMAT, teamId));
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
