import { describe, expect, it } from 'vitest';
import { entityRef, formatOpId, opSchema, parseOpId, splitEntity } from '../../shared/sync';
import { ALICE, BOB, MONDAY_9AM, TestDevice } from './devices';

const valid = new TestDevice(ALICE).op(MONDAY_9AM, 'note.set', 'note:01hxyz', { set: { title: 'hi' }, seen: {} });

describe('op schema', () => {
  it('accepts a well-formed op', () => {
    expect(opSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ['an extra top-level key', { ...valid, extra: 1 }],
    ['a missing key', { id: valid.id, hlc: valid.hlc, type: valid.type, entity: valid.entity }],
    ['data that is not an object', { ...valid, data: [1, 2] }],
    ['data that is null', { ...valid, data: null }],
    ['an id without counter', { ...valid, id: ALICE }],
    ['an id with a leading zero', { ...valid, id: `${ALICE}:01` }],
    ['an uppercase device in the id', { ...valid, id: `${ALICE.toUpperCase()}:1` }],
    ['a garbage hlc', { ...valid, hlc: '2026-01-05T09:00:00Z' }],
    ['an id of another device than its hlc', { ...valid, id: `${BOB}:1` }],
    ['a type without a dot', { ...valid, type: 'noteset' }],
    ['a type with uppercase start', { ...valid, type: 'Note.set' }],
    ['an entity without kind', { ...valid, entity: '01hxyz' }],
    ['an entity with a slash', { ...valid, entity: 'note:a/b' }],
  ])('rejects %s', (_, op) => {
    expect(opSchema.safeParse(op).success).toBe(false);
  });
});

describe('op ids and entities', () => {
  it('format and parse', () => {
    expect(formatOpId(ALICE, 42)).toBe(`${ALICE}:42`);
    expect(parseOpId(`${ALICE}:42`)).toEqual({ deviceId: ALICE, counter: 42 });
    expect(parseOpId('nope:1')).toBeNull();
    expect(() => formatOpId(ALICE, -1)).toThrow(RangeError);
    expect(() => formatOpId(ALICE, 10 ** 15)).toThrow(RangeError);
    expect(entityRef('followUp', '01h8x')).toBe('followUp:01h8x');
    expect(splitEntity('followUp:2026-01-05.early')).toEqual({ kind: 'followUp', id: '2026-01-05.early' });
    expect(() => entityRef('FollowUp', 'x')).toThrow(RangeError);
  });
});
