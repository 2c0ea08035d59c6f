/**
 * A device id is 26 lowercase RFC 4648 base32 characters: lowercase so it is safe as a folder name
 * on case-insensitive file systems, 26 characters to carry 128 random bits.
 */
export const DEVICE_ID_PATTERN = /^[a-z2-7]{26}$/;

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const RANDOM_BYTES = 16;

export function isDeviceId(value: string): boolean {
  return DEVICE_ID_PATTERN.test(value);
}

/** Mints a device id from 16 random bytes (the caller owns the randomness source). */
export function deviceIdFromRandom(bytes: Uint8Array): string {
  if (bytes.length !== RANDOM_BYTES) {
    throw new RangeError(`a device id needs ${RANDOM_BYTES} random bytes, got ${bytes.length}`);
  }
  let id = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      id += BASE32[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  // 128 bits leave 3 over: pad them to a full character.
  return id + BASE32[(buffer << (5 - bits)) & 31];
}
