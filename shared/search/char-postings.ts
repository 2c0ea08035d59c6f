import { isCharTerm } from './tokenize';

/**
 * The postings of each CJK character (one per field of a document that holds it): what reading
 * its posting list costs, so that a query is looked up by its rarest character, which also leaves
 * the fewest documents to check. MiniSearch knows this but does not tell.
 */
export class CharPostings {
  private readonly postings = new Map<string, number>();

  add(terms: Iterable<string>): void {
    for (const term of terms) if (isCharTerm(term)) this.postings.set(term, (this.postings.get(term) ?? 0) + 1);
  }

  remove(terms: Iterable<string>): void {
    for (const term of terms) {
      if (!isCharTerm(term)) continue;
      const count = (this.postings.get(term) ?? 0) - 1;
      if (count > 0) this.postings.set(term, count);
      else this.postings.delete(term);
    }
  }

  /** 0 for a character no document holds. */
  of(term: string): number {
    return this.postings.get(term) ?? 0;
  }
}
