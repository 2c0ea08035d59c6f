import { opIdSchema } from './op';

/**
 * Append-only logs (handover submissions, acknowledgements, decisions, comments): entries in hlc
 * order, never edited. A correction is a new op whose `data.corrects` names the entry's op id.
 */
export const correctsSchema = opIdSchema;

export interface LogOp {
  readonly id: string;
  readonly hlc: string;
  readonly data: { readonly corrects?: string | undefined };
}

export interface FoldedLog<O extends LogOp> {
  /** The ops that correct nothing, oldest first. */
  readonly entries: readonly O[];
  /** Corrections of entries that are not (yet) here; shown rather than dropped. */
  readonly orphans: readonly O[];
  /**
   * Every version of an entry as `revisionOf` shows it: the entry, then its corrections, oldest
   * first. A correction of a correction counts for the entry it ultimately corrects.
   */
  revisionsOf<R>(entry: O, revisionOf: (op: O) => R): R[];
}

/** `ops` oldest first, as reducers receive them. */
export function foldLog<O extends LogOp>(ops: readonly O[]): FoldedLog<O> {
  // Every comment of three years folds at each open and corrections are rare: nothing is built
  // per entry, and the lookups only once the first correction comes.
  const entries: O[] = [];
  const orphans: O[] = [];
  let entryOf: Map<string, O> | null = null;
  let corrections: Map<O, O[]> | null = null;
  for (const op of ops) {
    const corrects = op.data.corrects;
    if (corrects === undefined) {
      entries.push(op);
      entryOf?.set(op.id, op);
      continue;
    }
    // Until the first correction every op met is an entry.
    entryOf ??= new Map(entries.map((entry) => [entry.id, entry]));
    corrections ??= new Map();
    // A correction is newer than what it corrects, so its target, if here, was met already.
    const target = entryOf.get(corrects);
    if (!target) {
      orphans.push(op);
      continue;
    }
    const ofTarget = corrections.get(target);
    if (ofTarget) ofTarget.push(op);
    else corrections.set(target, [op]);
    entryOf.set(op.id, target);
  }
  return {
    entries,
    orphans,
    revisionsOf(entry, revisionOf) {
      const revisions = [revisionOf(entry)];
      const corrected = corrections?.get(entry);
      if (corrected) for (const correction of corrected) revisions.push(revisionOf(correction));
      return revisions;
    },
  };
}
