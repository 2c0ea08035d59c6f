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
      return {
        status: 'valid',
        typed: { id: op.id, hlc: op.hlc, type: op.type, entity: op.entity, data: data.data },
      };
    },
  };
}
