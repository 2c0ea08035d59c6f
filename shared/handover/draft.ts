import { z } from 'zod';
import { attachmentSchema } from '../attachments';
import { followUpCreatedData, type Checked } from './create-follow-up';
import { dateSchema, entityIdSchema, epochMsSchema, issuesFromZod, type Person, personSchema, proposedShift, settingIdSchema, sha256Schema, shiftInstance, type TeamSettings, type ValidationIssue } from '../team-settings';
import { FOLLOW_UP_CATEGORIES, type FollowUpCreatedData, type FollowUpState } from './follow-up';
import { carryOver } from './follow-up-rules';
import { checklistItemSchema, handoverSubmittedSchema, type ChecklistItem, type HandoverSubmittedData } from './handover';
import { MAX_ATTACHMENTS } from './limits';
import { draftSectionsSchema, emptySections } from './sections';
import { validateSections, type ValidationContext } from './validation';

/**
 * A handover note being written: autosaved on this computer while typing, private until submitted.
 * The schema is loose where a person's typing could exceed a limit (no maximum on sections, any
 * title, missing owner or due time) so that autosave never refuses what was typed; the limits are
 * checked at submission, with codes the UI explains.
 */

export const HANDOVER_DRAFT_FORMAT = 'baton/handover-draft@1';

export const draftFollowUpSchema = z.object({
  /** The draft's own key for the item (the follow-up's id is given at submission). */
  draftId: z.string().min(1).max(64),
  title: z.string(),
  owner: personSchema.nullable(),
  dueAt: epochMsSchema.nullable(),
  category: z.enum(FOLLOW_UP_CATEGORIES),
  departmentId: z.string().nullable(),
  escalation: z
    .object({
      weiboLink: z.string(),
      screenshotSha256: sha256Schema.nullable(),
      escalatedAt: epochMsSchema.nullable(),
    })
    .nullable(),
});
export type DraftFollowUp = z.output<typeof draftFollowUpSchema>;

export const HandoverDraft = z.object({
  format: z.literal(HANDOVER_DRAFT_FORMAT),
  date: dateSchema,
  shiftTypeId: settingIdSchema,
  sections: draftSectionsSchema,
  /** Blobs already stored: an attachment is checked before it gets here. */
  attachments: z.array(attachmentSchema),
  /** Follow-ups to create on submission. */
  followUps: z.array(draftFollowUpSchema),
  /** Open follow-ups when the draft was started; the note lists these and those open when submitted. */
  carriedFollowUpIds: z.array(entityIdSchema),
  checklist: z.array(checklistItemSchema).optional(),
  updatedAt: epochMsSchema,
});
export type HandoverDraft = z.output<typeof HandoverDraft>;

export interface PrefillContext {
  readonly now: number;
  readonly settings: TeamSettings;
  /** All follow-ups as folded. */
  readonly followUps: readonly FollowUpState[];
  /** The shift's checklist from the SOPs, if known. */
  readonly checklist?: readonly ChecklistItem[];
}

/** A new draft: the shift Baton proposes, the open follow-ups carried over, empty sections. */
export function prefillDraft({ now, settings, followUps, checklist }: PrefillContext): HandoverDraft {
  const shift = proposedShift(now, settings.shiftTypes, settings.timeZone);
  // The team settings schema keeps at least one shift type in use.
  if (!shift) throw new Error('no shift type in use');
  return {
    format: HANDOVER_DRAFT_FORMAT,
    date: shift.date,
    shiftTypeId: shift.shiftTypeId,
    sections: emptySections(),
    attachments: [],
    followUps: [],
    carriedFollowUpIds: carryOver(followUps, shift, now).map((state) => state.id),
    ...(checklist === undefined ? {} : { checklist: [...checklist] }),
    updatedAt: now,
  };
}

function under(prefix: ReadonlyArray<string | number>, issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.map((item) => ({ ...item, path: [...prefix, ...item.path] }));
}

export interface SubmitContext extends ValidationContext {
  readonly author: Person;
  /** The new note's entity id (`handover:<id>`), random, chosen by the caller. */
  readonly handoverId: string;
  /** An id for each follow-up to create, random, chosen by the caller. */
  readonly newFollowUpId: () => string;
  readonly followUps: readonly FollowUpState[];
}

export interface Submission {
  /** Write these first (`followUp:<id>`, `followUp.created`)… */
  readonly followUps: ReadonlyArray<{ readonly id: string; readonly data: FollowUpCreatedData }>;
  /** …then this (`handover:<handoverId>`, `handover.submitted`). */
  readonly handover: HandoverSubmittedData;
}

/**
 * The ops a submission writes, or every problem at once (sections, attachments, each follow-up,
 * the shift) so that the person fixes them in one pass. The draft is not touched: keep it until
 * the ops are written.
 */
export function submissionFromDraft(draft: HandoverDraft, context: SubmitContext): Checked<Submission> {
  const { now, settings, author, handoverId } = context;
  const issues: ValidationIssue[] = validateSections(draft.sections);
  if (draft.attachments.length > MAX_ATTACHMENTS) {
    issues.push({ code: 'too-many', path: ['attachments'], params: { max: MAX_ATTACHMENTS, count: draft.attachments.length } });
  }
  const shift = shiftInstance(draft, settings.shiftTypes, settings.timeZone);
  if (!shift) issues.push({ code: 'unknown-shift-type', path: ['shiftTypeId'], params: { shiftTypeId: draft.shiftTypeId } });

  const created: Array<{ id: string; data: FollowUpCreatedData }> = [];
  draft.followUps.forEach((item, index) => {
    const result = followUpCreatedData(item, { now, settings, by: author, handoverId });
    if (result.ok) created.push({ id: context.newFollowUpId(), data: result.value });
    else issues.push(...under(['followUps', index], result.issues));
  });
  if (issues.length > 0 || !shift) return { ok: false, issues };

  const carried = carryOver(context.followUps, shift, now).map((state) => state.id);
  const candidate = {
    date: shift.date,
    shiftTypeId: shift.shiftTypeId,
    shiftStartAt: shift.startAt,
    shiftEndAt: shift.endAt,
    author,
    at: now,
    sections: draft.sections,
    attachments: draft.attachments,
    followUpIds: [...new Set([...created.map((item) => item.id), ...draft.carriedFollowUpIds, ...carried])],
    ...(draft.checklist === undefined ? {} : { checklist: draft.checklist }),
  };
  const parsed = handoverSubmittedSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error) };
  return { ok: true, value: { followUps: created, handover: parsed.data } };
}
