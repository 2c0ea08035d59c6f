import { z } from 'zod';
import { defineCapability, opsOfType } from '../../shared/sync';

/**
 * A handover log standing in for the real capability: enough to see which non-roster ops count.
 * Prize requests come from the sync core's tests (prize.requested / approved / rejected / paid).
 */
export const handover = defineCapability({
  kind: 'handover',
  ops: {
    'handover.submitted': z.object({ text: z.string() }),
    'handover.acknowledged': z.object({ note: z.string().optional() }),
  },
  reduce(ops) {
    return {
      submitted: opsOfType(ops, 'handover.submitted').map((op) => op.data.text),
      acknowledgedBy: opsOfType(ops, 'handover.acknowledged').map((op) => op.id.slice(0, op.id.indexOf(':'))),
    };
  },
});

export { prizeRequest } from '../sync/example-capabilities';
