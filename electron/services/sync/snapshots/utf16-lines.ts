/**
 * Lines of UTF-16LE text found in the bytes, so that each is decoded on its own: a folded snapshot
 * is 160 MB, and one string of it would sit in the heap through a whole start.
 */
const NEWLINE = Buffer.from('\n', 'utf16le');

/** The byte offset of the next "\n" at or after `from`, on a character boundary; -1 if none. */
export function newlineFrom(bytes: Buffer, from: number): number {
  let at = bytes.indexOf(NEWLINE, from);
  // A match at an odd offset is the tail of one character and the head of the next (U+0A41 U+4E00).
  while (at >= 0 && at % 2 !== 0) at = bytes.indexOf(NEWLINE, at + 1);
  return at;
}

/** Where the last line starts, given that the bytes end with "\n"; -1 if they do not. */
export function lastLineStart(bytes: Buffer): number {
  if (bytes.length < 2 || !bytes.subarray(-2).equals(NEWLINE)) return -1;
  let at = bytes.lastIndexOf(NEWLINE, bytes.length - 3);
  while (at >= 0 && at % 2 !== 0) at = bytes.lastIndexOf(NEWLINE, at - 1);
  return at < 0 ? -1 : at + 2;
}

/** The characters of bytes `from` up to (not including) `to`. */
export const lineText = (bytes: Buffer, from: number, to: number): string => bytes.toString('utf16le', from, to);

/** A view of any bytes as a Buffer (no copy). */
export const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
