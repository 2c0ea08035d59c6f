import { describe, expect, it } from 'vitest';
import { CausalGraph, entityGraph } from '../../shared/sync';

// Timestamps compare as strings; single letters keep the graphs readable.
describe('CausalGraph', () => {
  const graph = new CausalGraph([
    { hlc: 'a', seen: [] },
    { hlc: 'b', seen: ['a'] },
    { hlc: 'c', seen: ['a'] },
    { hlc: 'd', seen: ['b'] },
    { hlc: 'e', seen: ['c', 'd'] },
  ]);

  it('follows seen links transitively', () => {
    expect(graph.hasSeen('d', 'a')).toBe(true);
    expect(graph.hasSeen('e', 'b')).toBe(true);
    expect(graph.hasSeen('d', 'c')).toBe(false);
    expect(graph.hasSeen('a', 'd')).toBe(false);
  });

  it('calls events concurrent when neither author had seen the other', () => {
    expect(graph.concurrent('c', 'd')).toBe(true);
    expect(graph.concurrent('b', 'c')).toBe(true);
    expect(graph.concurrent('b', 'd')).toBe(false);
    expect(graph.concurrent('d', 'd')).toBe(false);
  });

  it('lists ancestors and heads', () => {
    expect([...graph.ancestors('e')].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(graph.heads()).toEqual(['e']);
    expect(new CausalGraph([{ hlc: 'a', seen: [] }, { hlc: 'b', seen: [] }]).heads()).toEqual(['a', 'b']);
  });

  it('ignores links to newer timestamps, so a forged cycle cannot loop or fake a sighting', () => {
    const forged = new CausalGraph([
      { hlc: 'a', seen: ['b'] },
      { hlc: 'b', seen: ['a'] },
    ]);
    expect(forged.hasSeen('a', 'b')).toBe(false);
    expect(forged.hasSeen('b', 'a')).toBe(true);
    expect([...forged.ancestors('a')]).toEqual([]);
    expect(forged.heads()).toEqual(['b']);
  });
});

describe('entityGraph', () => {
  it('reads seen lists and per-field seen lists, and leaves out ops without seen', () => {
    const graph = entityGraph([
      { hlc: 'a', data: { seen: [] } },
      { hlc: 'b', data: { set: { title: 'x' }, seen: { title: ['a'] } } },
      { hlc: 'c', data: { text: 'a comment' } },
      { hlc: 'd', data: { seen: { title: ['b'], body: ['a'] } } },
    ]);
    expect(graph.hasSeen('d', 'a')).toBe(true);
    expect(graph.heads()).toEqual(['d']);
  });
});
