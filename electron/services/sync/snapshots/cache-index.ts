import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { HeldIndex } from '../../../../shared/sync/held-index';
import { hlcSchema } from '../../../../shared/sync/hlc';
import { sha256HexSchema } from '../../../../shared/sync/segment-format';
import type { Logger } from '../../log';
import { writeFileAtomic } from '../durable-fs';
import { seal, unseal } from './sealed-file';

/**
 * The index of the local cache's base (`index.json`): what a restart needs to leave the base's
 * entities dormant (not parsed until asked for), bound to the base by its sha256. Written after
 * the base, so a crash between the two leaves an index of the previous base, which is passed over:
 * the restart then parses every entity, as it did before there was an index. Sealed: a changed
 * byte is found, and the index passed over with a log line.
 */
export const INDEX_FILE = 'index.json';
/** @2: each entity also records its latest op's hlc; an index of @1 is passed over (every entity parsed once). */
const INDEX_FORMAT = 'baton/cache-index@2';

const indexSchema = z.strictObject({
  base: sha256HexSchema,
  entities: z.record(z.string(), z.tuple([z.number().int().nonnegative(), z.union([z.literal(0), z.literal(1)]), z.union([hlcSchema, z.literal('')])])),
  counters: z.record(z.string(), z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]))),
  latest: z.tuple([z.string(), z.string()]).nullable(),
});

/** An index and the base it describes. */
export interface BaseIndex extends HeldIndex {
  readonly base: string;
}

export async function writeBaseIndex(dir: string, teamId: string, index: BaseIndex): Promise<void> {
  await writeFileAtomic(join(dir, INDEX_FILE), seal(INDEX_FORMAT, teamId, index));
}

export async function removeBaseIndex(dir: string): Promise<void> {
  await unlink(join(dir, INDEX_FILE)).catch(() => {});
}

/** The index, or null when there is none or it does not read (then said in the log). */
export async function readBaseIndex(dir: string, teamId: string, log: Logger): Promise<BaseIndex | null> {
  let text: string;
  try {
    text = await readFile(join(dir, INDEX_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = indexSchema.safeParse(unseal(text, INDEX_FORMAT, teamId));
    if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
    return parsed.data;
  } catch (error) {
    log.warn('sync', `the local cache's index.json is damaged; this restart parses every entity of the base: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
