import type { HybridClock } from '../../../../shared/sync/hlc';
import { formatOpId, opSchema, type Op } from '../../../../shared/sync/op';

/**
 * Gives unpublished ops of a copied profile's old device id new ids and timestamps of the new id.
 * Ops of the outbox may name each other (an edit lists the timestamp it had seen in `seen`, a
 * correction names the op id it corrects), so every string in `data` equal to an old id or
 * timestamp is mapped too; those strings are unique patterns that nothing else contains.
 */
export function rehomeOps(
  ops: readonly Op[],
  deviceId: string,
  clock: HybridClock,
  nextCounter: () => number,
  wallMs: number,
): Op[] {
  const renamed = new Map<string, string>();
  const fresh = ops.map((op) => {
    const id = formatOpId(deviceId, nextCounter());
    const hlc = clock.now(wallMs);
    renamed.set(op.id, id);
    renamed.set(op.hlc, hlc);
    return { ...op, id, hlc };
  });
  return fresh.map((op) => opSchema.parse({ ...op, data: mapStrings(op.data, renamed) }));
}

function mapStrings(value: unknown, renamed: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return renamed.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, renamed));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, renamed)]));
  }
  return value;
}
