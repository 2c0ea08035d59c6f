import { z } from 'zod';
import { canonicalJson } from './canonical';
import type { AnyCapability } from './capability';
import type { SyncCrypto } from './crypto';

const fingerprints = new WeakMap<readonly AnyCapability[], string>();

/**
 * A hash of every op schema of `capabilities` (as JSON Schema): two versions of Baton with the same
 * fingerprint judge every op alike, so one may take the other's verdicts (a folded snapshot's)
 * instead of validating each op again. Refinements JSON Schema cannot express are not in it: a
 * change to one alone must come with a change elsewhere (a version bump of the op type), as any
 * change to an op's meaning must.
 */
export function schemaFingerprint(capabilities: readonly AnyCapability[], crypto: SyncCrypto): string {
  const known = fingerprints.get(capabilities);
  if (known) return known;
  const described = [...capabilities]
    .sort((a, b) => (a.kind < b.kind ? -1 : 1))
    .map((capability) => ({
      kind: capability.kind,
      ops: Object.keys(capability.ops)
        .sort()
        .map((type) => ({ type, schema: z.toJSONSchema(capability.ops[type]!, { unrepresentable: 'any', io: 'input' }) })),
    }));
  const fingerprint = crypto.sha256Hex(new TextEncoder().encode(canonicalJson(described)));
  fingerprints.set(capabilities, fingerprint);
  return fingerprint;
}
