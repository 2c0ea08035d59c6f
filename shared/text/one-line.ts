import type { z } from 'zod';

/**
 * The one rule for every person's name and every title (a member's name in settings and in the
 * team, a team's name, a follow-up's title): a single line of well-formed text. A NUL or another
 * control character, a line break, or half of a surrogate pair (ill-formed UTF-16, which no
 * keyboard types and which breaks JSON and file names elsewhere) is refused, at the bridge and in
 * the op schemas alike, so that no device publishes it as a signed op.
 */
export const NOT_ONE_LINE = 'control characters';

/** C0 controls (incl. NUL, tab, line breaks), DEL, C1 controls, and the Unicode line/paragraph separators. */
const isControl = (unit: number) => unit < 0x20 || (unit >= 0x7f && unit <= 0x9f) || unit === 0x2028 || unit === 0x2029;
// With the u flag a well-formed pair is one code point: only a lone half matches.
const LONE_SURROGATE = /[\ud800-\udfff]/u;

export function isOneLine(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) if (isControl(text.charCodeAt(index))) return false;
  return !LONE_SURROGATE.test(text);
}

/** The rule added to a string schema (its own length and trimming stay as they are). */
export function oneLine<S extends z.ZodString>(schema: S): S {
  return schema.refine(isOneLine, NOT_ONE_LINE) as S;
}
