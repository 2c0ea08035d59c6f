import { canonicalJson } from './canonical';
import type { OpSchemas, TypedOp } from './capability';
import type { Op } from './op';
import type { DormantEntity, HeldEntity, OpVerdict } from './sync-state';

/**
 * What the fold keeps of each op and each entity, and the order ops are folded in (hlc, then op
 * id): one idea, kept apart from the engine that applies batches in fold.ts.
 */

export interface Entry {
  readonly op: Op;
  /** null when the op is unknown to this version or broke its schema. */
  readonly typed: TypedOp<OpSchemas> | null;
  /** Why the op broke its schema; null when it did not. */
  readonly invalid: string | null;
  refusal: string | null;
}

export interface EntityRecord {
  readonly entity: string;
  readonly kind: string;
  readonly id: string;
  entries: Entry[];
  state: unknown;
  /** Not parsed yet (a restart from the local state): woken when first asked about. */
  dormant: DormantEntity | null;
  /** The fold's change mark when its ops last changed. */
  changed: number;
  /** The line of the local state it was read from (or put back to), while its ops are still those: it can go back. */
  line: DormantEntity | null;
}

export function heldEntityOf(record: EntityRecord): HeldEntity {
  const verdicts: Record<number, OpVerdict> = {};
  let special = false;
  record.entries.forEach(({ op, typed, invalid }, index) => {
    if (typed === op) return;
    special = true;
    verdicts[index] = typed ? { status: 'valid', typedData: typed.data } : invalid === null ? UNKNOWN : { status: 'invalid', reason: invalid };
  });
  const ops = record.entries.map((entry) => entry.op);
  return special ? { entity: record.entity, ops, verdicts } : { entity: record.entity, ops };
}

export const VALID: OpVerdict = { status: 'valid' };
export const UNKNOWN: OpVerdict = { status: 'unknown' };

export function counts(entry: Entry): boolean {
  return entry.typed !== null && entry.refusal === null;
}

export function countedOps(record: EntityRecord): Array<TypedOp<OpSchemas>> {
  const ops: Array<TypedOp<OpSchemas>> = [];
  for (const entry of record.entries) if (counts(entry)) ops.push(entry.typed!);
  return ops;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareEntries(a: Entry, b: Entry): number {
  return compareStrings(a.op.hlc, b.op.hlc) || compareStrings(a.op.id, b.op.id);
}

export function sameOp(a: Op, b: Op): boolean {
  return (
    a === b ||
    (a.hlc === b.hlc && a.type === b.type && a.entity === b.entity && canonicalJson(a.data) === canonicalJson(b.data))
  );
}
