import type { z } from 'zod';
import { isKind, isOpType } from './op';

/**
 * A capability (handover, rota, sop, prizeRequest, team…) owns one entity kind: it names the op
 * types it writes, each with the zod schema of its `data`, and folds one entity's ops to its state.
 */
export type OpSchemas = { readonly [type: string]: z.ZodType };

/** An op whose `data` has passed its type's schema (the schema's output, e.g. defaults applied). */
export type TypedOp<O extends OpSchemas> = {
  [T in keyof O & string]: {
    readonly id: string;
    readonly hlc: string;
    readonly type: T;
    readonly entity: string;
    readonly data: z.output<O[T]>;
  };
}[keyof O & string];

export interface ReduceContext {
  /** `<kind>:<id>` */
  readonly entity: string;
  readonly id: string;
}

export interface Capability<S = unknown, O extends OpSchemas = OpSchemas> {
  readonly kind: string;
  readonly ops: O;
  /**
   * Folds the ops of one entity, oldest first by (hlc, op id); there is at least one. Only ops that
   * passed their schema and the trust filter arrive here. Must be pure and deterministic, and
   * return plain JSON (no Map, Date, undefined in arrays): the state is hashed to compare replicas.
   */
  reduce(ops: ReadonlyArray<TypedOp<O>>, context: ReduceContext): S;
  /**
   * Optional: whether a state is closed (a follow-up done, a request closed): nothing the
   * briefing and the first screens show. A restart then leaves it on disk until it is asked for.
   * `asOf`: the wall time (epoch ms, the hlc's) of the newest op of this kind the fold holds,
   * counted or not: the same on every computer holding the same ops, never the wall clock. "In
   * the past" may only be said against it, and must then stay true as `asOf` grows (a closed
   * entity's flag is written with the local state and trusted at the next start). A reader that
   * relies on it checks that no op of the kind is ahead of its own `now` (`list(kind,
   * { changedSince: now + skew })` is empty): a clock far ahead moves `asOf` too.
   */
  closed?(state: S, asOf: number): boolean;
  /**
   * Optional: a small plain-JSON view of a state (no bodies), a function of the state alone. The
   * local base's index stores it per entity, so that `SyncState.summaries(kind)` answers after a
   * restart without reading the entity's line (see shared/sync/README.md "Summaries"). Must be
   * pure and deterministic: a stored one is taken for what it would give after waking. Stored ones
   * are taken only by the build that made them (the index names it), so a change to this or to
   * `reduce` needs no care of what earlier builds stored.
   */
  summary?(state: S): unknown;
}

/**
 * Any capability, as the fold engine holds them. The engine cannot know each one's op types
 * statically (it checks them at run time against `ops`), hence `never` for the ops parameter.
 */
export interface AnyCapability<S = unknown> {
  readonly kind: string;
  readonly ops: OpSchemas;
  reduce(ops: never, context: ReduceContext): S;
  closed?(state: S, asOf: number): boolean;
  summary?(state: S): unknown;
}

export function defineCapability<O extends OpSchemas, S>(capability: Capability<S, O>): Capability<S, O> {
  if (!isKind(capability.kind)) throw new RangeError(`not an entity kind: ${capability.kind}`);
  for (const type of Object.keys(capability.ops)) {
    if (!isOpType(type)) throw new RangeError(`${capability.kind}: not an op type: ${type}`);
  }
  return capability;
}

/** The ops of the given types, narrowed so that their `data` is typed. */
export function opsOfType<O extends OpSchemas, T extends keyof O & string>(
  ops: ReadonlyArray<TypedOp<O>>,
  ...types: T[]
): Array<Extract<TypedOp<O>, { readonly type: T }>> {
  return ops.filter((op): op is Extract<TypedOp<O>, { readonly type: T }> => (types as string[]).includes(op.type));
}
