import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson } from '../../../../shared/sync/canonical';
import { opDeviceId, opSchema, type Op } from '../../../../shared/sync/op';
import type { OpClash } from '../../../../shared/sync/sync-state';

/**
 * When two computers published as one device (a copied profile), ops of theirs and ours can share
 * an id. The fold keeps the same one of each pair on every device, so the other is hidden
 * everywhere. If the hidden one is ours (we published exactly it: it is in our own copies), it is
 * given to the caller to record again under this device's current id. The other computer does
 * the same for its own, so in the end no edit of either is hidden.
 */
export async function clashedOwnOps(
  clashes: readonly OpClash[],
  ownDeviceIds: ReadonlySet<string>,
  ownSegmentsDir: string,
): Promise<Op[]> {
  const ours = clashes.filter((clash) => ownDeviceIds.has(opDeviceId(clash.dropped)));
  if (ours.length === 0) return [];
  const published = await publishedByUs(ownSegmentsDir);
  return ours.filter((clash) => published.get(clash.id) === canonicalJson(clash.dropped)).map((clash) => clash.dropped);
}

/** Every op in our own copies of the segments we published (our files: read without verifying). */
async function publishedByUs(dir: string): Promise<Map<string, string>> {
  const byId = new Map<string, string>();
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch {
    return byId;
  }
  for (const name of names.filter((file) => file.endsWith('.jsonl'))) {
    const lines = (await readFile(join(dir, name), 'utf8')).split('\n').slice(1, -2);
    for (const line of lines) {
      try {
        const op = opSchema.safeParse(JSON.parse(line));
        if (op.success) byId.set(op.data.id, canonicalJson(op.data));
      } catch {
        // Not an op line.
      }
    }
  }
  return byId;
}
