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

export interface LogEntry<O extends LogOp> {
  readonly entry: O;
  /**
   * The entry, then its corrections, oldest first; a correction of a correction counts for the
   * entry it ultimately corrects.
   */
  readonly versions: readonly O[];
  /** What to show: the latest correction, or the entry itself. */
  readonly latest: O;
}

export interface FoldedLog<O extends LogOp> {
  readonly entries: ReadonlyArray<LogEntry<O>>;
  /** Corrections of entries that are not (yet) here; shown rather than dropped. */
  readonly orphans: readonly O[];
}

/** `ops` oldest first, as reducers receive them. */
export function foldLog<O extends LogOp>(ops: readonly O[]): FoldedLog<O> {
  // Built in their final shape: a reducer folds every comment of three years at each open.
  const entries: Array<LoggedEntry<O>> = [];
  // Corrections are rare: the entries are looked up by op id only once one comes.
  let entryOf: Map<string, LoggedEntry<O>> | null = null;
  const orphans: O[] = [];
  for (const op of ops) {
    const corrects = op.data.corrects;
    if (corrects === undefined) {
      const entry = { entry: op, versions: [op], latest: op };
      entries.push(entry);
      entryOf?.set(op.id, entry);
      continue;
    }
    // Until the first correction every entry is its only version.
    entryOf ??= new Map(entries.map((entry) => [entry.entry.id, entry]));
    // A correction is newer than what it corrects, so its target, if here, was met already.
    const target = entryOf.get(corrects);
    if (!target) {
      orphans.push(op);
      continue;
    }
    target.versions.push(op);
    target.latest = op;
    entryOf.set(op.id, target);
  }
  return { entries, orphans };
}

type LoggedEntry<O extends LogOp> = { entry: O; versions: O[]; latest: O };
