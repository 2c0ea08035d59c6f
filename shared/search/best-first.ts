/**
 * Positions 0..n-1 of `scores`, higher score first, equal scores in position order (as a stable
 * sort leaves them), handed out lazily: building the heap is linear and each pop logarithmic, so
 * a reader that stops after 50 of 14,000 pays for sorting 50, not 14,000.
 */
export function bestFirst(scores: Float64Array): Iterator<number, undefined> {
  const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);
  const heap = new Int32Array(scores.length);
  for (let at = 0; at < heap.length; at += 1) heap[at] = at;
  const down = (from: number, size: number) => {
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
  for (let at = (heap.length >> 1) - 1; at >= 0; at -= 1) down(at, heap.length);
  let size = heap.length;
  return {
    next() {
      if (size === 0) return { done: true, value: undefined };
      const best = heap[0]!;
      size -= 1;
      heap[0] = heap[size]!;
      down(0, size);
      return { done: false, value: best };
    },
  };
}
