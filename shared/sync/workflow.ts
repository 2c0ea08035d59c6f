import { entityGraph } from './causal';

/**
 * Workflows (prize requests) fold their events by their own rules. What the rules cannot do is
 * order two decisions made without either author seeing the other: a shared folder gives no
 * mutual exclusion. This finds such pairs so the reducer can put the entity in "needs review",
 * identically on every device.
 */
export interface WorkflowEvent {
  readonly hlc: string;
  readonly data: unknown;
}

/**
 * Pairs (older first) of events that `clash` says cannot both hold and whose authors had not seen
 * each other. Pass all the entity's ops, oldest first, not only the decisions: an author may have
 * seen a decision through a later comment or event that listed it. Events must carry `seen`.
 */
export function concurrentClashes<E extends WorkflowEvent>(
  ops: readonly E[],
  clash: (a: E, b: E) => boolean,
): Array<readonly [E, E]> {
  const graph = entityGraph(ops);
  const pairs: Array<readonly [E, E]> = [];
  for (let i = 0; i < ops.length; i += 1) {
    for (let j = i + 1; j < ops.length; j += 1) {
      const a = ops[i]!;
      const b = ops[j]!;
      if (clash(a, b) && graph.concurrent(a.hlc, b.hlc)) pairs.push([a, b]);
    }
  }
  return pairs;
}
