import { z } from 'zod';
import { entityGraph, seenSchema } from './causal';

/**
 * Deletes are tombstones, kept for good, and they win: an edit made without having seen the
 * delete does not bring the entity back; it is listed so that a person can restore on purpose.
 * A restore op counts only against the deletes its author had seen, so a delete concurrent with
 * a restore still wins. Nothing comes back unasked.
 */
export const tombstoneSchema = z.object({ seen: seenSchema });

export interface OpRef {
  readonly id: string;
  readonly hlc: string;
}

export type Tombstone =
  | { readonly deleted: false }
  | {
      readonly deleted: true;
      /** The latest delete in force. */
      readonly by: OpRef;
      /** Edits no delete in force had seen: work that would be lost silently. Oldest first. */
      readonly unseenEdits: readonly OpRef[];
    };

interface EntityOp {
  readonly id: string;
  readonly hlc: string;
  readonly type: string;
  readonly data: unknown;
}

/**
 * `ops`: the entity's deletes, restores and every op that counts as an edit, oldest first, each
 * carrying `seen` (ops without it cannot be shown as seen, so they would always count as unseen).
 */
export function foldTombstone(
  ops: readonly EntityOp[],
  types: { readonly deleted: string; readonly restored?: string },
): Tombstone {
  // Most entities are never deleted; spare them the graph.
  if (!ops.some((op) => op.type === types.deleted)) return { deleted: false };
  const graph = entityGraph(ops);
  const restoredAway = new Set<string>();
  for (const op of ops) {
    if (op.type === types.restored) for (const hlc of graph.ancestors(op.hlc)) restoredAway.add(hlc);
  }
  const inForce = ops.filter((op) => op.type === types.deleted && !restoredAway.has(op.hlc));
  const latest = inForce[inForce.length - 1];
  if (!latest) return { deleted: false };

  const seenByDeletes = new Set<string>();
  for (const del of inForce) for (const hlc of graph.ancestors(del.hlc)) seenByDeletes.add(hlc);
  const unseenEdits = ops
    .filter((op) => op.type !== types.deleted && op.type !== types.restored && !seenByDeletes.has(op.hlc))
    .map(ref);
  return { deleted: true, by: ref(latest), unseenEdits };
}

function ref(op: EntityOp): OpRef {
  return { id: op.id, hlc: op.hlc };
}
