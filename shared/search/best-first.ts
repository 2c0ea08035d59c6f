/** Positions handed out best first; `retain` drops those not yet handed out that fail `keep`. */
export interface BestFirst {
  next(): number | undefined;
  retain(keep: (position: number) => boolean): void;
}

/**
 * Positions 0..n-1 of `scores`, higher score first, equal scores in position order (as a stable
 * sort leaves them), handed out lazily: building the heap is linear and each pop logarithmic, so
 * a reader that stops after 50 of 14,000 pays for sorting 50, not 14,000. Order is total, so
 * the heap rebuilt over the positions `retain` keeps hands them out in the same order.
 */
export function bestFirst(scores: Float64Array): BestFirst {
  const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  const heap = new Int32Array(scores.length);
  for (let at = 0; at < heap.length; at += 1) heap[at] = at;
  let size = heap.length;
  const down = (from: number) => {
    let at = from;
    const moving = heap[at]!;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && before(heap[right]!, heap[left]!) ? right : left;
      if (!before(heap[child]!, moving)) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = moving;
  };
  const build = () => {
    for (let at = (size >> 1) - 1; at >= 0; at -= 1) down(at);
  };
  build();
  return {
    next() {
      if (size === 0) return undefined;
      const best = heap[0]!;
      size -= 1;
      heap[0] = heap[size]!;
      down(0);
      return best;
    },
    retain(keep) {
      let kept = 0;
      for (let at = 0; at < size; at += 1) if (keep(heap[at]!)) heap[kept++] = heap[at]!;
      size = kept;
      build();
    },
  };
}
