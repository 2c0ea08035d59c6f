/**
 * The limits a person meets while writing, in one place so that the op schemas, the validation
 * messages and the UI's counters agree. Text lengths are JavaScript string lengths (UTF-16 code
 * units): a Chinese character counts 1, an emoji 2.
 */

/** Per section of a note, and per addendum: about ten pages of Chinese, far beyond a real shift. */
export const MAX_SECTION_CHARS = 20_000;
/** Follow-up titles are one line in a list. */
export const MAX_TITLE_CHARS = 200;
export const MAX_COMMENT_CHARS = 5_000;
/** Attachments per note or addendum (shared/attachments has the per-file limits); keeps one op (and one segment line) a sane size. */
export const MAX_ATTACHMENTS = 50;
/** Follow-ups created in or carried into one note. */
export const MAX_FOLLOW_UP_REFS = 500;
export const MAX_CHECKLIST_ITEMS = 200;
export const MAX_LINK_CHARS = 2_000;

/**
 * A due time picked "now" in a minute-granular picker is a few seconds in the past by the time
 * it is saved; it is not a mistake worth a message.
 */
export const DUE_GRACE_MS = 60_000;
