import { scheduleIssues, type ScheduleIssue, type ShiftWindow } from './checklist-schedule';
import type { Attachment } from '../attachments';
import { MAX_CHECKLIST_DEFS, MAX_SOP_BODY_CHARS, MAX_SOP_HEADINGS, MAX_SOP_PICTURES, MAX_SOP_TITLE_CHARS } from './limits';
import { referencedPictures } from './pictures';

/**
 * What a person typed in the SOP editor, checked before a revision is written: every problem at
 * once, each with a code the UI explains (a 2 MB paste, 5,000 headings, a schedule that never
 * fires or fires every minute). The editor keeps the text; nothing is lost by a refusal.
 */

export interface SopIssue {
  readonly code: 'required' | 'too-long' | 'too-many-headings' | 'too-many' | ScheduleIssue['code'];
  readonly path: ReadonlyArray<string | number>;
  readonly params: Record<string, string | number>;
}

export interface RevisionInput {
  readonly title: string;
  readonly body: string;
  readonly checklist: readonly unknown[];
  readonly pictures?: readonly Attachment[] | undefined;
}

/** Markdown headings (ATX, `#` to `######` at a line's start), counted without a regex over the whole text. */
export function countHeadings(body: string): number {
  let count = 0;
  let lineStart = 0;
  while (lineStart <= body.length) {
    let index = lineStart;
    while (body[index] === ' ' && index - lineStart < 3) index += 1;
    if (body[index] === '#') count += 1;
    const next = body.indexOf('\n', lineStart);
    if (next < 0) break;
    lineStart = next + 1;
  }
  return count;
}

export function validateRevision(input: RevisionInput, shiftTypes: readonly ShiftWindow[]): SopIssue[] {
  const issues: SopIssue[] = [];
  const title = input.title.trim();
  if (title.length === 0) issues.push({ code: 'required', path: ['title'], params: {} });
  else if (title.length > MAX_SOP_TITLE_CHARS) issues.push({ code: 'too-long', path: ['title'], params: { max: MAX_SOP_TITLE_CHARS, length: title.length } });
  if (input.body.length > MAX_SOP_BODY_CHARS) {
    issues.push({ code: 'too-long', path: ['body'], params: { max: MAX_SOP_BODY_CHARS, length: input.body.length } });
  } else {
    const headings = countHeadings(input.body);
    if (headings > MAX_SOP_HEADINGS) issues.push({ code: 'too-many-headings', path: ['body'], params: { max: MAX_SOP_HEADINGS, count: headings } });
  }
  const pictures = referencedPictures(input.body, input.pictures ?? []).length;
  if (pictures > MAX_SOP_PICTURES) issues.push({ code: 'too-many', path: ['pictures'], params: { max: MAX_SOP_PICTURES, count: pictures } });
  if (input.checklist.length > MAX_CHECKLIST_DEFS) {
    issues.push({ code: 'too-many', path: ['checklist'], params: { max: MAX_CHECKLIST_DEFS, count: input.checklist.length } });
  } else {
    input.checklist.forEach((item, index) => {
      for (const issue of scheduleIssues(item, shiftTypes)) issues.push({ ...issue, path: ['checklist', index, ...issue.path] });
    });
  }
  return issues;
}
