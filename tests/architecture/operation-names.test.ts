import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { operations } from '../../shared/api/contract';
import { operationNames } from '../../shared/api/names';
// @ts-expect-error: a plain .mjs build script, without types.
import { operationNamesSource } from '../../scripts/operation-names.mjs';

describe('the preload\'s list of operation names', () => {
  it('is the contract\'s operations, in order (run `node scripts/operation-names.mjs` after adding one)', async () => {
    expect([...operationNames]).toEqual(Object.keys(operations));
    expect(readFileSync('shared/api/operation-names.ts', 'utf8')).toBe(await (operationNamesSource as () => Promise<string>)());
  });
});

describe('defineOperations', () => {
  it('refuses an output that checks nothing', async () => {
    const { defineOperations } = await import('../../shared/api/define-operations');
    const { z } = await import('zod');
    expect(() => defineOperations({ getThing: { input: z.object({}).strict(), output: z.custom(() => true) } })).toThrow(/real schema/);
    expect(() => defineOperations({ 'get-thing': { input: z.object({}).strict(), output: z.object({}) } })).toThrow(/not an operation name/);
  });
});
