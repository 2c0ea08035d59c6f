/**
 * The limits of an SOP, in one place so that op schemas, validation messages and the editor's
 * counters agree. Lengths are JavaScript string lengths (a Chinese character counts 1).
 */

/** A document's Markdown: about a hundred pages of Chinese, far beyond a real procedure. */
export const MAX_SOP_BODY_CHARS = 200_000;
/** Headings are navigation: a document with thousands of them is a paste gone wrong, not an SOP. */
export const MAX_SOP_HEADINGS = 500;
export const MAX_SOP_TITLE_CHARS = 120;
export const MAX_CHECKLIST_DEFS = 100;
/** Pictures one revision shows: a procedure with a screenshot per step, not an album. */
export const MAX_SOP_PICTURES = 50;
export const MAX_CHECKLIST_TITLE_CHARS = 200;
export const MAX_RETURN_COMMENT_CHARS = 2_000;
export const MAX_TICK_NOTE_CHARS = 1_000;
/** A sweep more often than this is not a checklist item but a person's whole shift. */
export const MIN_SWEEP_MINUTES = 15;
export const MAX_SWEEP_MINUTES = 24 * 60;
/** Post slots per item: more than this in one shift is a schedule typed wrong. */
export const MAX_POST_SLOTS = 24;
/** Items of one shift's checklist (what a handover note can record). */
export const MAX_SHIFT_CHECKLIST_ITEMS = 200;
export const MAX_LINK_CHARS = 2_000;
