import { z } from 'zod';
import type { AnyCapability, OpSchemas, TypedOp } from './capability';
import type { Op } from './op';

/**
 * What an op means to this version of Baton: folded ('valid'), kept but ignored because a newer
 * version wrote it ('unknown'), or kept, ignored and reported because it breaks its schema ('invalid').
 */
export type Classification =
  | { readonly status: 'valid'; readonly typed: TypedOp<OpSchemas> }
  | { readonly status: 'unknown' }
  | { readonly status: 'invalid'; readonly reason: string };

export interface CapabilityRegistry {
  capabilityOf(kind: string): AnyCapability | undefined;
  /** `kind`: the kind of `op.entity`, which the caller has at hand. */
  classify(op: Op, kind: string): Classification;
}

export function createRegistry(capabilities: readonly AnyCapability[]): CapabilityRegistry {
  const byKind = new Map<string, AnyCapability>();
  const kindOfType = new Map<string, string>();
  for (const capability of capabilities) {
    if (byKind.has(capability.kind)) throw new Error(`two capabilities own kind ${capability.kind}`);
    byKind.set(capability.kind, capability);
    for (const type of Object.keys(capability.ops)) {
      const owner = kindOfType.get(type);
      if (owner) throw new Error(`op type ${type} is declared by both ${owner} and ${capability.kind}`);
      kindOfType.set(type, capability.kind);
    }
  }

  return {
    capabilityOf: (kind) => byKind.get(kind),
    classify(op, kind) {
      const schema = byKind.get(kind)?.ops[op.type];
      if (!schema) {
        const owner = kindOfType.get(op.type);
        return owner === undefined
          ? { status: 'unknown' }
          : { status: 'invalid', reason: `${op.type} is an op of ${owner}, not of ${kind}` };
      }
      let data: z.ZodSafeParseResult<unknown>;
      try {
        data = schema.safeParse(op.data);
      } catch (error) {
        // A capability's refine or transform that throws must not stop the fold mid-batch.
        return { status: 'invalid', reason: `schema failed: ${error instanceof Error ? error.message : String(error)}` };
      }
      if (!data.success) return { status: 'invalid', reason: z.prettifyError(data.error) };
      // zod returns a copy; when it equals the data (no trimming, no defaults: nearly always) the op
      // itself serves, so the fold does not hold every op's data twice.
      const typed = sameJson(data.data, op.data) ? op : { id: op.id, hlc: op.hlc, type: op.type, entity: op.entity, data: data.data };
      return { status: 'valid', typed: typed as TypedOp<OpSchemas> };
    },
  };
}

/** Deep equality of two JSON values (what JSON.parse and zod produce), without building strings. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index += 1) if (!sameJson(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.hasOwn(b, key) || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
