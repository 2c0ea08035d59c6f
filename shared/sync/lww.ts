import { z } from 'zod';
import { CausalGraph, MAX_SEEN, seenSchema, type CausalEvent } from './causal';

/**
 * Editable fields: last writer wins per field, by hlc (which ends in the device id, so ties are
 * impossible). A "set" op carries the fields it sets and, per field, `seen`: the timestamps of the
 * value and conflicts its author was shown. A losing write stays visible as a conflict unless the
 * winner's author had seen it (directly or through the writes the winner had seen); writing the
 * field again having seen all of them resolves the conflict.
 */
export interface LwwSet<T> {
  readonly set: Partial<T>;
  readonly seen: Readonly<Partial<Record<string, readonly string[]>>>;
}

export interface LwwValue<V> {
  readonly value: V;
  readonly hlc: string;
}

export interface LwwField<V> extends LwwValue<V> {
  /** Losing writes the winner's author had not seen, oldest first. */
  readonly conflicts: ReadonlyArray<LwwValue<V>>;
}

export type LwwFields<T> = { readonly [K in keyof T]?: LwwField<T[K]> };

/**
 * The data schema of a set op. Fields this version does not know are dropped, not rejected, so a
 * newer version's extra field does not cost the fields this one knows. Field schemas must not use
 * `.default()`: a default would turn "not set by this op" into "set".
 */
export function lwwSetSchema<Shape extends z.ZodRawShape>(fields: Shape) {
  return z.object({
    set: z.object(fields).partial(),
    seen: z.record(z.string(), seenSchema),
  });
}

/** Folds set ops, given oldest first (as reducers receive them). */
export function foldLww<T extends object>(writes: ReadonlyArray<LwwWrite<T>>): LwwFields<T> {
  // Every follow-up's fields fold at each open. Nearly every write was made having seen the value
  // it replaces, so the field just takes it, conflict-free; only a field where some write had not
  // seen its predecessor (tangled) is worked out through the causal graph.
  const shown = new Map<keyof T & string, { value: unknown; hlc: string; conflicts: Array<LwwValue<unknown>> }>();
  const tangled = new Set<keyof T & string>();
  for (const { hlc, data } of writes) {
    const { set, seen } = data;
    // `set` is a JSON object, so `in` meets its own keys only, without Object.entries' copy.
    for (const field in set) {
      const value = set[field];
      // JSON drops undefined; a local op must fold as it will after the round trip.
      if (value === undefined) continue;
      const before = shown.get(field);
      if (before === undefined) {
        shown.set(field, { value, hlc, conflicts: [] });
        continue;
      }
      if (!(before.hlc < hlc && seen[field]?.includes(before.hlc))) tangled.add(field);
      before.value = value;
      before.hlc = hlc;
    }
  }
  const fields: Record<string, LwwField<unknown>> = {};
  for (const [field, last] of shown) {
    if (tangled.has(field)) last.conflicts = unseenByWinner(writesOf(field, writes));
    fields[field] = last;
  }
  return fields as LwwFields<T>;
}

type LwwWrite<T> = { readonly hlc: string; readonly data: LwwSet<T> };

interface FieldWrite extends CausalEvent {
  readonly value: unknown;
}

function writesOf<T>(field: keyof T & string, writes: ReadonlyArray<LwwWrite<T>>): FieldWrite[] {
  const of: FieldWrite[] = [];
  for (const { hlc, data } of writes) {
    const value = data.set[field];
    if (value !== undefined) of.push({ hlc, value, seen: data.seen[field] ?? [] });
  }
  return of;
}

/** The writes before the last (the winner) that its author had not seen, oldest first. */
function unseenByWinner(writes: readonly FieldWrite[]): Array<LwwValue<unknown>> {
  const seenByWinner = new CausalGraph(writes).ancestors(writes[writes.length - 1]!.hlc);
  const unseen: Array<LwwValue<unknown>> = [];
  for (let index = 0; index < writes.length - 1; index += 1) {
    const { value, hlc } = writes[index]!;
    if (!seenByWinner.has(hlc)) unseen.push({ value, hlc });
  }
  return unseen;
}

/** The fields showing a conflict (a losing write the winner's author had not seen), for a person to resolve. */
export function conflictingFields<T extends object>(fields: LwwFields<T>): Array<keyof T> {
  return (Object.keys(fields) as Array<keyof T>).filter((field) => (fields[field]?.conflicts.length ?? 0) > 0);
}

/** The data of a set op changing `changes`, having seen what `current` shows (resolving its conflicts). */
export function lwwSetData<T extends object>(current: LwwFields<T> | undefined, changes: Partial<T>): LwwSet<T> {
  const seen: Record<string, string[]> = {};
  for (const field of Object.keys(changes) as Array<keyof T & string>) {
    const shown = current?.[field];
    // Capped to fit seenSchema; a conflict left out merely stays a conflict.
    if (shown) seen[field] = [shown.hlc, ...shown.conflicts.map((conflict) => conflict.hlc)].slice(0, MAX_SEEN);
  }
  return { set: changes, seen };
}
