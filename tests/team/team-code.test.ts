import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeTeamCode, sameTeamCode, teamCode } from '../../shared/team';
import { ed25519KeyPair, nodeCrypto } from '../sync/node-crypto';

const codeOf = (pem: string) => teamCode(pem, nodeCrypto.sha256Hex);
const SHAPE = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/;

describe('teamCode', () => {
  it('is four groups of five unambiguous characters, the same for a key copied through Windows', () => {
    const { publicKey } = ed25519KeyPair();
    const code = codeOf(publicKey);
    expect(code).toMatch(SHAPE);
    expect(codeOf(publicKey.replace(/\n/g, '\r\n'))).toBe(code);
    expect(codeOf(`  ${publicKey}\n\n`)).toBe(code);
  });

  it('differs for another key', () => {
    const codes = new Set(Array.from({ length: 20 }, () => codeOf(ed25519KeyPair().publicKey)));
    expect(codes.size).toBe(20);
  });

  it('reads a code typed loosely (case, spaces, dashes, O for 0, I and L for 1) and refuses anything else', () => {
    expect(normalizeTeamCode('7kq2m xd4pa 9ht3b wr6ce')).toBe('7KQ2M-XD4PA-9HT3B-WR6CE');
    expect(normalizeTeamCode('1O1L1-00000-00000-0000I')).toBe('10111-00000-00000-00001');
    expect(normalizeTeamCode('7KQ2M-XD4PA-9HT3B-WR6C')).toBeNull();
    expect(normalizeTeamCode('7KQ2M-XD4PA-9HT3B-WR6CU')).toBeNull();
    expect(normalizeTeamCode('')).toBeNull();
  });

  it('a shown code always reads back as itself', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const code = teamCode(Buffer.from(bytes).toString('base64'), nodeCrypto.sha256Hex);
        expect(code).toMatch(SHAPE);
        expect(sameTeamCode(code, code)).toBe(true);
        expect(sameTeamCode(code.toLowerCase().replace(/-/g, ''), code)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
