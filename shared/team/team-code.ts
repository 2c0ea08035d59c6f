import { z } from 'zod';

/**
 * The team code: a short fingerprint of the team's root public key (team.json's), which an admin
 * reads out or pastes to a newcomer so that the newcomer's computer can tell the real team.json
 * from one an attacker put in the shared folder (SYNC-DESIGN.md, "Trust"; fault scenario 17), the
 * way Syncthing device ids and Signal safety numbers are compared.
 *
 * 20 characters of Crockford's base32 (digits and capitals without I, L, O, U, so nothing reads
 * as something else), in four groups of five: 100 bits of SHA-256, far past what anyone can
 * match by making keys. Typing is forgiving: lower case, spaces and dashes are fine, and O, I, L
 * are read as 0, 1, 1.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUPS = 4;
const GROUP_CHARS = 5;
const CODE_CHARS = GROUPS * GROUP_CHARS;
/** Domain separation: this hash of a key means "team code, version 1" and nothing else. */
const CONTEXT = 'baton/team-code@1\n';

/** What the service's refusal says of a code that does not match (the UI words it). */
export const TEAM_CODE_MISMATCH = 'team code does not match';

/** A typed team code at the bridge: anything a person could paste, checked by the service. */
export const teamCodeInputSchema = z.string().trim().min(1).max(100);

/** The key's base64 body: a PEM copied through Windows gains "\r\n", still the same key (`sameKey`). */
const keyBody = (pem: string) => pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');

export function teamCode(rootPublicKeyPem: string, sha256Hex: (data: Uint8Array) => string): string {
  const hex = sha256Hex(new TextEncoder().encode(CONTEXT + keyBody(rootPublicKeyPem)));
  // 25 hex digits = 100 bits = 20 base32 characters, 5 bits each.
  let bits = BigInt(`0x${hex.slice(0, 25)}`);
  const chars: string[] = [];
  for (let index = 0; index < CODE_CHARS; index += 1) {
    chars.unshift(ALPHABET[Number(bits & 31n)]!);
    bits >>= 5n;
  }
  return groups(chars.join(''));
}

const groups = (plain: string) => plain.match(new RegExp(`.{${GROUP_CHARS}}`, 'g'))!.join('-');

/** A typed code in the shown form ('7KQ2M-…'), or null when it cannot be one (wrong length or letters). */
export function normalizeTeamCode(typed: string): string | null {
  const plain = typed
    .toUpperCase()
    .replace(/[\s\-_.·]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (plain.length !== CODE_CHARS || [...plain].some((char) => !ALPHABET.includes(char))) return null;
  return groups(plain);
}

export function sameTeamCode(typed: string, code: string): boolean {
  return normalizeTeamCode(typed) === code;
}
