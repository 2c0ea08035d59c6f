import type { Attachment } from '../attachments';
import type { LwwFields } from '../sync';
import type { Role } from '../team/roles';
import type { ChecklistDef } from './checklist-schedule';
import type { Person, SopArea } from './fields';

/**
 * What the SOP capability folds an SOP into (sop.ts): types only, so that the rules and the summary
 * that sop.ts's capability uses can name them without importing sop.ts back.
 */

export interface SopMeta {
  area: SopArea;
  owner: Person | null;
  backupOwner: Person | null;
  reviewBy: string | null;
  requiredRoles: Role[];
  shiftTypeIds: string[];
}

/** Common to every filed op: who signed it (its device, from the op id) and when. */
export interface Filed {
  readonly opId: string;
  readonly hlc: string;
  readonly deviceId: string;
  readonly by: Person;
  readonly at: number;
}

export interface SopRevision extends Filed {
  readonly parents: readonly string[];
  readonly title: string;
  readonly body: string;
  readonly checklist: readonly ChecklistDef[];
  readonly pictures: readonly Attachment[];
  readonly area: SopArea | null;
  readonly restores: string | null;
}
export interface SopEvent extends Filed {
  readonly revision: string;
}
export interface SopPublication extends SopEvent {
  readonly minor: boolean;
}
export interface SopReturn extends SopEvent {
  readonly comment: string;
}

export interface SopState {
  readonly id: string;
  /** Every revision, oldest first (hlc order). */
  readonly revisions: readonly SopRevision[];
  readonly submissions: readonly SopEvent[];
  readonly publications: readonly SopPublication[];
  readonly returns: readonly SopReturn[];
  readonly acknowledgements: readonly SopEvent[];
  readonly fields: LwwFields<SopMeta>;
}
