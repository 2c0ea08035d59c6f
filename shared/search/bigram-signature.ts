/**
 * A document's bigram signature: a Bloom filter of the bigrams of its normalised text (4,096
 * bits, 512 bytes; two bits per bigram). A word with a bigram whose bits are not both set is not
 * in the document, which is known without reading the text; otherwise it may be, and the text is
 * read. It spares the phrase check of the candidates that hold a query's rarest character but
 * not the word: nearly all of them for a word the notes do not contain. A note of the bench's
 * (1,700 characters, 550 distinct bigrams) sets a quarter of the bits, so an absent bigram gets
 * through about one time in sixteen (with one bit per bigram, one in eight). A document's fields
 * share one signature, each signed on its own so that no bigram spans two.
 */

const BITS = 4096;
const SHIFT = 32 - Math.log2(BITS);

/**
 * Two bit positions from one multiplicative hash of the pair. UTF-16 units suffice: a character
 * outside the BMP gives two units, hashed alike in text and word.
 */
function hashOf(first: number, second: number): number {
  return Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca77);
}

function firstBit(hash: number): number {
  return hash >>> SHIFT;
}

function secondBit(hash: number): number {
  return Math.imul(hash, 0xc2b2ae35) >>> SHIFT;
}

export type BigramSignature = Uint32Array;

function set(signature: BigramSignature, bit: number): void {
  signature[bit >>> 5]! |= 1 << (bit & 31);
}

function has(signature: BigramSignature, bit: number): boolean {
  return (signature[bit >>> 5]! & (1 << (bit & 31))) !== 0;
}

export function bigramSignature(texts: readonly string[]): BigramSignature {
  const signature = new Uint32Array(BITS / 32);
  for (const text of texts) {
    for (let at = 1; at < text.length; at += 1) {
      const hash = hashOf(text.charCodeAt(at - 1), text.charCodeAt(at));
      set(signature, firstBit(hash));
      set(signature, secondBit(hash));
    }
  }
  return signature;
}

/** False if the text signed cannot contain `word`; true if it may. */
export function mayContain(signature: BigramSignature, word: string): boolean {
  for (let at = 1; at < word.length; at += 1) {
    const hash = hashOf(word.charCodeAt(at - 1), word.charCodeAt(at));
    if (!has(signature, firstBit(hash)) || !has(signature, secondBit(hash))) return false;
  }
  return true;
}
