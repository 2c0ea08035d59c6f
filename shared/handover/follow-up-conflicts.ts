import type { Person } from '../team-settings';
import { followUpFields, followUpHistory, type FollowUpFields, type FollowUpState } from './follow-up';

/**
 * Open conflicts of a follow-up as a person decides them: per field, the value that won and the
 * values written at the same time by someone who had not seen it, each with who wrote it and when.
 * Keeping one of them (`validateFollowUpChanges` lets a held value be kept) resolves the field.
 */

export type FollowUpField = keyof FollowUpFields;

/** The editable fields in the order the screens show them. */
export const FOLLOW_UP_FIELDS = Object.keys(followUpFields) as FollowUpField[];

export interface FieldWrite<V> {
  readonly value: V;
  readonly hlc: string;
  readonly by: Person;
  readonly at: number;
}

export type FollowUpConflict = {
  [K in FollowUpField]: {
    readonly field: K;
    readonly winner: FieldWrite<FollowUpFields[K]>;
    /** Oldest first. */
    readonly others: ReadonlyArray<FieldWrite<FollowUpFields[K]>>;
  };
}[FollowUpField];

export function followUpConflicts(state: FollowUpState): FollowUpConflict[] {
  // Every write in `fields` is the creation or an update, and both are in the history.
  const authors = new Map(followUpHistory(state).map((entry) => [entry.hlc, { by: entry.by, at: entry.at }]));
  const write = <V>(value: V, hlc: string): FieldWrite<V> => ({ value, hlc, ...authors.get(hlc)! });
  return FOLLOW_UP_FIELDS.flatMap((field) => {
    const lww = state.fields[field];
    if (!lww || lww.conflicts.length === 0) return [];
    return [
      {
        field,
        winner: write(lww.value, lww.hlc),
        others: lww.conflicts.map((conflict) => write(conflict.value, conflict.hlc)),
      } as FollowUpConflict,
    ];
  });
}
