import type { SopRevision } from './sop-state';

/**
 * The revision graph of one SOP. Each revision names the one it was edited from; a merge names
 * two. A revision nobody edited further is a head; two heads are a fork (two people edited the
 * same version without seeing each other's), which a person resolves with a merge revision.
 * Computed from the ops alone, so every device that holds them shows the same fork.
 */

export interface RevisionGraph {
  readonly byId: ReadonlyMap<string, SopRevision>;
  /** Revisions no other revision continues, oldest first; returned ones are closed, not heads. */
  readonly heads: readonly SopRevision[];
}

export function revisionGraph(revisions: readonly SopRevision[], closed: ReadonlySet<string> = new Set()): RevisionGraph {
  const byId = new Map(revisions.map((revision) => [revision.opId, revision]));
  const continued = new Set<string>();
  for (const revision of revisions) for (const parent of revision.parents) continued.add(parent);
  const heads = revisions.filter((revision) => !continued.has(revision.opId) && !closed.has(revision.opId));
  return { byId, heads };
}

/** Every revision `id` descends from, itself included. */
export function ancestorsOf(graph: RevisionGraph, id: string): Set<string> {
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    for (const parent of graph.byId.get(next)?.parents ?? []) stack.push(parent);
  }
  return seen;
}

/**
 * The newest revision both descend from: the "base" of a three-way merge. Null when they share
 * none (two people started the same SOP from nothing): the merge then starts from an empty text.
 */
export function mergeBase(graph: RevisionGraph, a: string, b: string): SopRevision | null {
  const ofA = ancestorsOf(graph, a);
  let best: SopRevision | null = null;
  for (const id of ancestorsOf(graph, b)) {
    if (!ofA.has(id)) continue;
    const revision = graph.byId.get(id);
    if (revision && (best === null || revision.hlc > best.hlc)) best = revision;
  }
  return best;
}
