import { parseOpId, type Op } from './op';
import type { HeldCounters, HeldEntity } from './sync-state';

/**
 * What a restart needs to know about a folded snapshot without parsing it: each entity's op count,
 * whether it was closed and the hlc of its latest op (`DormantEntity`), the op counters held per device (so that an op arriving later is
 * known to be new without waking every entity), and the latest op (the clock). The local cache
 * writes it next to its base.
 */
export interface HeldIndex {
  /** entity → [op count, 1 when closed, hlc of its latest op] */
  readonly entities: Readonly<Record<string, readonly [number, 0 | 1, string]>>;
  readonly counters: HeldCounters;
  /** The op with the highest hlc: `[id, hlc]`. */
  readonly latest: readonly [string, string] | null;
}

/** Builds the index of the entities a snapshot holds, as they are written or read. */
export class HeldIndexBuilder {
  private readonly counts = new Map<string, readonly [number, string]>();
  /** The entities' op lists, gone through at `build`: a start adds 300,000 ops and should not wait for their counters. */
  private readonly opLists: Array<readonly Op[]> = [];

  add(entity: HeldEntity): void {
    // Ops are in fold order (hlc, then op id): the last is the latest.
    this.counts.set(entity.entity, [entity.ops.length, entity.ops[entity.ops.length - 1]?.hlc ?? '']);
    this.opLists.push(entity.ops);
  }

  /** The entities that are closed now, asked of the fold they were installed in (before anything else is applied). */
  closedOf(closed: (entity: string) => boolean): ReadonlySet<string> {
    return new Set([...this.counts.keys()].filter(closed));
  }

  /** `closed(entity)`: asked of the fold the entities were installed in. */
  build(closed: (entity: string) => boolean): HeldIndex {
    const entities: Record<string, readonly [number, 0 | 1, string]> = {};
    for (const [entity, [count, lastHlc]] of this.counts) entities[entity] = [count, closed(entity) ? 1 : 0, lastHlc];
    const byDevice = new Map<string, number[]>();
    let latest: Op | null = null;
    for (const ops of this.opLists) {
      for (const op of ops) {
        if (latest === null || op.hlc > latest.hlc) latest = op;
        const id = parseOpId(op.id);
        if (!id) continue;
        const list = byDevice.get(id.deviceId);
        if (list) list.push(id.counter);
        else byDevice.set(id.deviceId, [id.counter]);
      }
    }
    const counters: Record<string, Array<[number, number]>> = {};
    for (const [deviceId, list] of byDevice) counters[deviceId] = runsOf(list);
    return { entities, counters, latest: latest ? [latest.id, latest.hlc] : null };
  }
}

function runsOf(numbers: number[]): Array<[number, number]> {
  const sorted = Float64Array.from(numbers).sort();
  const runs: Array<[number, number]> = [];
  for (const value of sorted) {
    const last = runs[runs.length - 1];
    if (last && value <= last[1] + 1) last[1] = Math.max(last[1], value);
    else runs.push([value, value]);
  }
  return runs;
}

/** Whether an op id's counter is among those held for its device. */
export function countersHold(counters: HeldCounters, id: { readonly deviceId: string; readonly counter: number } | null): boolean {
  if (!id) return false;
  const runs = counters[id.deviceId];
  if (!runs) return false;
  let low = 0;
  let high = runs.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [first, last] = runs[middle]!;
    if (id.counter < first) high = middle - 1;
    else if (id.counter > last) low = middle + 1;
    else return true;
  }
  return false;
}
