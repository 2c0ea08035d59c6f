import { z } from 'zod';
import { hlcSchema } from './hlc';

/**
 * "Had the author of this op seen that one?" Each op that needs the answer carries `seen`: the
 * timestamps of the latest ops its author had for the same thing (the heads of their view).
 * Seen-ness follows those links transitively. Comparing timestamps alone would not do: an edit
 * made offline for weeks has an old timestamp, yet nobody else has seen it.
 */
export const MAX_SEEN = 256;
export const seenSchema = z.array(hlcSchema).max(MAX_SEEN);

export interface CausalEvent {
  readonly hlc: string;
  readonly seen: readonly string[];
}

export class CausalGraph {
  private readonly links = new Map<string, readonly string[]>();

  constructor(events: Iterable<CausalEvent>) {
    for (const event of events) this.links.set(event.hlc, event.seen);
  }

  /**
   * Whether `later`'s author had seen `earlier`. Only links to older timestamps count (an author's
   * clock is past everything it saw), which also keeps a forged cycle from looping.
   */
  hasSeen(later: string, earlier: string): boolean {
    if (later <= earlier) return false;
    const pending = [later];
    const visited = new Set<string>();
    for (let hlc = pending.pop(); hlc !== undefined; hlc = pending.pop()) {
      for (const seen of this.links.get(hlc) ?? []) {
        if (seen === earlier) return true;
        // Anything older than `earlier` cannot lead back to it.
        if (seen > earlier && seen < hlc && !visited.has(seen)) {
          visited.add(seen);
          pending.push(seen);
        }
      }
    }
    return false;
  }

  concurrent(a: string, b: string): boolean {
    return a !== b && !this.hasSeen(a, b) && !this.hasSeen(b, a);
  }

  /** Everything `hlc`'s author had seen, directly or not. */
  ancestors(hlc: string): Set<string> {
    const found = new Set<string>();
    const pending = [hlc];
    for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
      for (const seen of this.links.get(current) ?? []) {
        if (seen < current && !found.has(seen)) {
          found.add(seen);
          pending.push(seen);
        }
      }
    }
    return found;
  }

  /** Events nobody has seen yet: what a new op's `seen` should list. Sorted. */
  heads(): string[] {
    const seenByOthers = new Set<string>();
    for (const [hlc, seen] of this.links) {
      for (const earlier of seen) if (earlier < hlc) seenByOthers.add(earlier);
    }
    return [...this.links.keys()].filter((hlc) => !seenByOthers.has(hlc)).sort();
  }
}

/**
 * The causal graph of one entity's ops. Only ops whose data carries `seen` take part: a list of
 * timestamps (events, deletes) or, for last-writer-wins sets, a list per field; both mean "the
 * author had seen these". Ops without `seen` (a comment, say) can never be listed as seen, so
 * leaving them out keeps the heads, and with them every new op's `seen`, short.
 */
export function entityGraph(ops: Iterable<{ readonly hlc: string; readonly data: unknown }>): CausalGraph {
  const events: CausalEvent[] = [];
  for (const op of ops) {
    const seen = (op.data as { seen?: unknown } | null)?.seen;
    if (seen !== undefined) events.push({ hlc: op.hlc, seen: timestampsIn(seen) });
  }
  return new CausalGraph(events);
}

function timestampsIn(seen: unknown): readonly string[] {
  if (Array.isArray(seen)) return seen.filter((item): item is string => typeof item === 'string');
  if (seen === null || typeof seen !== 'object') return [];
  return Object.values(seen).flatMap((list: unknown) =>
    Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : [],
  );
}
