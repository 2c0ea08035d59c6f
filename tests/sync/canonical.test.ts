import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/sync';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'é' }], c: true } })).toBe(
      '{"a":{"c":true,"d":[3,{"y":"é","z":null}]},"b":1}',
    );
  });

  it('leaves out undefined properties and writes holes and undefined items as null, like JSON', () => {
    const items: unknown[] = [undefined];
    items[2] = 1; // leaves a hole at 1
    expect(canonicalJson({ a: undefined, b: items })).toBe('{"b":[null,null,1]}');
  });

  it('is JSON, and independent of key insertion order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(canonicalJson(reverseKeys(value))).toBe(text);
      }),
    );
  });

  it.each([
    ['a Map', new Map()],
    ['a Date', new Date(0)],
    ['NaN', Number.NaN],
    ['a bigint', 1n],
    ['a function', () => 1],
  ])('refuses %s, which JSON would silently mangle', (_, value) => {
    expect(() => canonicalJson({ nested: [value] })).toThrow(/\$\.nested\[0\]/);
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reverseKeys(item)]));
}
