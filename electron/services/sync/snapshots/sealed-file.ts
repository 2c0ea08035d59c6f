import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * The local cache's small files (chunks, context.json, the base's index) are sealed: a header line
 * naming the format, the team and the sha256 of the body, then the body. A byte a disk changed
 * where the JSON still parses (a title, a key) is found, and the cache rebuilt, never trusted.
 */
const headerSchema = z.strictObject({ format: z.string(), teamId: z.string(), sha256: z.string() });

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A header line naming the format, the team and the body's hash, then the body. */
export function seal(format: string, teamId: string, body: unknown): string {
  return sealText(format, teamId, JSON.stringify(body));
}

/** `seal` of a body already made text (several JSON values, one per line, say). */
export function sealText(format: string, teamId: string, text: string): string {
  return `${JSON.stringify({ format, teamId, sha256: sha256Hex(text) })}\n${text}`;
}

/**
 * The body of a sealed file of `format` and `teamId`, from its bytes; throws, saying why, on
 * anything else. The body's bytes are hashed as read (encoding a decoded string back to UTF-8 to
 * hash it cost a large team's 17 MB index 0.1 s) and decoded only once they match.
 */
export function unsealBytes(bytes: Buffer, format: string, teamId: string): unknown {
  return JSON.parse(textOf(sealedBody(bytes, format, teamId)));
}

/** The bytes of the body of a sealed file of `format` and `teamId`, checked against its hash; throws, saying why, on anything else. */
export function sealedBody(bytes: Buffer, format: string, teamId: string): Buffer {
  const newline = bytes.indexOf(0x0a);
  const header = headerSchema.safeParse(safeJson((newline < 0 ? bytes : bytes.subarray(0, newline)).toString('utf8')));
  if (!header.success) throw new Error('no header line (a cache of an older version, or damaged)');
  if (header.data.format !== format) throw new Error(`written as ${header.data.format}, not ${format}`);
  if (header.data.teamId !== teamId) throw new Error(`it belongs to team ${header.data.teamId}`);
  const body = bytes.subarray(newline + 1);
  if (createHash('sha256').update(body).digest('hex') !== header.data.sha256) throw new Error('its content does not match its hash (cut short or changed)');
  return body;
}

/** UTF-8 bytes as text; ASCII ones copied as they are (decoding 10 MB as UTF-8 takes 50-100 ms, checking that it is ASCII under 1 ms). */
export function textOf(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
