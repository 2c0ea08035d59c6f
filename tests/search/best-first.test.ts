import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestFirst } from '../../shared/search/best-first';

/** What a stable sort by descending score gives. */
const sorted = (scores: readonly number[]) => scores.map((score, position) => ({ score, position })).sort((a, b) => b.score - a.score).map(({ position }) => position);

describe('bestFirst', () => {
  // Few distinct scores: many ties.
  const scores = fc.array(fc.constantFrom(0.5, 1, 1.5, 2, 3), { maxLength: 60 });

  it('hands out positions as a stable sort by descending score orders them', () => {
    fc.assert(
      fc.property(scores, (values) => {
        const heap = bestFirst(Float64Array.from(values));
        const out: number[] = [];
        for (let position = heap.next(); position !== undefined; position = heap.next()) out.push(position);
        expect(out).toEqual(sorted(values));
      }),
    );
  });

  it('after retain, the rest in the same order, without those dropped', () => {
    fc.assert(
      fc.property(scores, fc.nat(60), fc.func(fc.boolean()), (values, taken, keep) => {
        const heap = bestFirst(Float64Array.from(values));
        const out: number[] = [];
        for (let at = 0; at < taken; at += 1) {
          const position = heap.next();
          if (position !== undefined) out.push(position);
        }
        heap.retain(keep);
        for (let position = heap.next(); position !== undefined; position = heap.next()) out.push(position);
        const order = sorted(values);
        expect(out).toEqual([...order.slice(0, taken), ...order.slice(taken).filter((position) => keep(position))]);
      }),
    );
  });
});
