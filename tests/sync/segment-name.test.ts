import { describe, expect, it } from 'vitest';
import { parseSegmentFileName, segmentFileName } from '../../shared/sync';

describe('segment file names', () => {
  it('formats <seq, 12 digits>-<sha8>.jsonl', () => {
    expect(segmentFileName(42, 'deadbeef'.repeat(8))).toBe('000000000042-deadbeef.jsonl');
    expect(() => segmentFileName(0, 'deadbeef'.repeat(8))).toThrow(RangeError);
  });

  it('parses sealed and compacted names', () => {
    expect(parseSegmentFileName('000000000042-deadbeef.jsonl')).toEqual({ kind: 'sealed', seq: 42, sha8: 'deadbeef' });
    expect(parseSegmentFileName('c-000000000001-000000000040-0123abcd.jsonl')).toEqual({
      kind: 'compacted',
      firstSeq: 1,
      lastSeq: 40,
      sha8: '0123abcd',
    });
  });

  it.each([
    '000000000042-DEADBEEF.jsonl',
    '000000000042-deadbeef.JSONL',
    '000000000042-deadbeef.json',
    '000000000042-deadbeef.jsonl.tmp',
    '00000000042-deadbeef.jsonl',
    '0000000000042-deadbeef.jsonl',
    '000000000042-deadbee.jsonl',
    '000000000042-deadbeeg.jsonl',
    '000000000000-deadbeef.jsonl',
    ' 000000000042-deadbeef.jsonl',
    '000000000042-deadbeef (1).jsonl',
    'C-000000000001-000000000040-0123abcd.jsonl',
    'c-000000000040-000000000001-0123abcd.jsonl',
    'c-000000000007-000000000007-0123abcd.jsonl',
    'c-000000000000-000000000007-0123abcd.jsonl',
    'c-1-40-0123abcd.jsonl',
    'device.json',
    '',
  ])('refuses %j', (name) => {
    expect(parseSegmentFileName(name)).toBeNull();
  });
});
