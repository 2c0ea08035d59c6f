import { conflictingFields, type LwwFields } from '../sync';
import { revisionGraph, type RevisionGraph } from './revisions';
import type { SopMeta, SopEvent, SopPublication, SopRevision, SopState } from './sop-state';
import type { SopTeam } from './team-facts';

/**
 * Which of an SOP's ops count, given the team: pure and deterministic on every device, so a
 * forged or mistaken op is ignored with the same reason everywhere (the trust layer has already
 * refused ops whose author's roles do not allow their type).
 */
export const SOP_SET_ASIDE_REASONS = {
  'unknown-revision': 'it names a revision that is not here (yet)',
  'own-revision': 'a lead published their own revision while the team has another lead to review it',
  'already-published': 'that revision was published before',
  'not-published': 'it acknowledges a revision that was never published',
  'not-own-acknowledgement': "it acknowledges in another member's name: an acknowledgement is by its author only",
  repeated: 'the same person acknowledged the same version before; it counts once',
} as const;
export type SopSetAsideReason = keyof typeof SOP_SET_ASIDE_REASONS;

export type RevisionStatus = 'draft' | 'submitted' | 'returned' | 'published';

export interface SopDoc {
  readonly id: string;
  readonly state: SopState;
  readonly graph: RevisionGraph;
  readonly meta: SopMeta;
  readonly metaConflicts: ReadonlyArray<keyof SopMeta>;
  /** Valid publications, oldest first: version n is `versions[n - 1]`. */
  readonly versions: readonly SopPublication[];
  /** Members who published a version (its signing device's member): they must acknowledge it too. */
  readonly publishers: ReadonlySet<string>;
  /** The index in `versions` a person must have acknowledged (or later): the last one not marked minor. */
  readonly requiredIndex: number;
  /** Per member, the highest version index they acknowledged (counted once per version). */
  readonly acknowledged: Readonly<Record<string, number>>;
  /** Acknowledgements that count, oldest first. */
  readonly acknowledgements: readonly SopEvent[];
  /** Per revision, where it stands: the last of submitted / returned, or published for good. */
  readonly status: Readonly<Record<string, RevisionStatus>>;
  readonly fork: boolean;
  readonly setAside: ReadonlyArray<{ readonly opId: string; readonly reason: SopSetAsideReason }>;
}

export function sopDoc(state: SopState, team: SopTeam | null): SopDoc | null {
  const first = state.revisions[0];
  if (!first) return null;
  const byId = new Map(state.revisions.map((revision) => [revision.opId, revision]));
  const setAside: Array<{ opId: string; reason: SopSetAsideReason }> = [];
  const signer = (deviceId: string) => team?.memberOfDevice(deviceId) ?? null;

  const { versions, setAside: notCounted } = countedPublications(state.publications, (id) => byId.get(id)?.deviceId, team);
  for (const entry of notCounted) setAside.push(entry);
  const published = new Set(versions.map((version) => version.revision));
  const versionIndex = new Map(versions.map((version, index) => [version.revision, index]));
  const publishers = publishersOf(versions, team);
  const requiredIndex = requiredIndexOf(versions);

  const acknowledged: Record<string, number> = {};
  const acknowledgements: SopEvent[] = [];
  // Per version, the members whose acknowledgement of it counted: an SOP at a large team holds
  // hundreds of acknowledgements, read at every start (no string built per acknowledgement).
  const countedBy = versions.map(() => new Set<string>());
  for (const ack of state.acknowledgements) {
    const index = versionIndex.get(ack.revision);
    const member = ack.by.memberId;
    const reason: SopSetAsideReason | null =
      index === undefined ? 'not-published'
      : team && signer(ack.deviceId) !== member ? 'not-own-acknowledgement'
      : countedBy[index]!.has(member) ? 'repeated'
      : null;
    if (reason) {
      setAside.push({ opId: ack.opId, reason });
      continue;
    }
    countedBy[index!]!.add(member);
    acknowledgements.push(ack);
    const before = acknowledged[member];
    if (before === undefined || index! > before) acknowledged[member] = index!;
  }

  const status: Record<string, RevisionStatus> = {};
  const events = [
    ...state.submissions.map((event) => ({ event, status: 'submitted' as const })),
    ...state.returns.map((event) => ({ event, status: 'returned' as const })),
  ].sort((a, b) => (a.event.hlc < b.event.hlc ? -1 : 1));
  for (const { event, status: next } of events) if (byId.has(event.revision)) status[event.revision] = next;
  for (const revision of published) status[revision] = 'published';

  const returned = new Set(Object.keys(status).filter((id) => status[id] === 'returned'));
  const graph = revisionGraph(state.revisions, returned);
  const fields = state.fields;
  const meta = metaOf(fields, first.area);
  return {
    id: state.id,
    state,
    graph,
    meta,
    metaConflicts: conflictingFields(fields),
    versions,
    publishers,
    requiredIndex,
    acknowledged,
    acknowledgements,
    status,
    fork: graph.heads.length > 1,
    setAside,
  };
}

/**
 * The publications that count, oldest first (version n is the n-th), and those set aside.
 * `revisionDevice`: the device that signed a revision held here (undefined: not here).
 */
export function countedPublications(
  publications: readonly SopPublication[],
  revisionDevice: (revision: string) => string | undefined,
  team: SopTeam | null,
): { versions: SopPublication[]; setAside: Array<{ opId: string; reason: SopSetAsideReason }> } {
  const signer = (deviceId: string) => team?.memberOfDevice(deviceId) ?? null;
  const versions: SopPublication[] = [];
  const setAside: Array<{ opId: string; reason: SopSetAsideReason }> = [];
  const published = new Set<string>();
  for (const publication of publications) {
    const author = revisionDevice(publication.revision);
    // The member who wrote a revision: its signing device's member (the name in its data is a label).
    const reason: SopSetAsideReason | null =
      author === undefined ? 'unknown-revision'
      : published.has(publication.revision) ? 'already-published'
      : team && team.leadCount > 1 && signer(publication.deviceId) !== null && signer(publication.deviceId) === signer(author) ? 'own-revision'
      : null;
    if (reason) setAside.push({ opId: publication.opId, reason });
    else {
      versions.push(publication);
      published.add(publication.revision);
    }
  }
  return { versions, setAside };
}

/** Members who published a version: identity from the signing device; the name in the data only when folding without a team. */
export function publishersOf(versions: readonly SopPublication[], team: SopTeam | null): Set<string> {
  return new Set(versions.flatMap((version) => (team ? (team.memberOfDevice(version.deviceId) ?? []) : version.by.memberId)));
}

/** The index of the last version not marked minor (the first always counts as major); -1 before the first. */
export function requiredIndexOf(versions: readonly SopPublication[]): number {
  let requiredIndex = -1;
  versions.forEach((version, index) => {
    if (index === 0 || !version.minor) requiredIndex = index;
  });
  return requiredIndex;
}

/** The metadata shown: the lead's fields, else the first revision's area and the defaults. */
export function metaOf(fields: LwwFields<SopMeta>, firstArea: SopMeta['area'] | null): SopMeta {
  return {
    area: fields.area?.value ?? firstArea ?? 'content',
    owner: fields.owner?.value ?? null,
    backupOwner: fields.backupOwner?.value ?? null,
    reviewBy: fields.reviewBy?.value ?? null,
    requiredRoles: fields.requiredRoles?.value ?? ['editor'],
    shiftTypeIds: fields.shiftTypeIds?.value ?? [],
  };
}

export function statusOf(doc: SopDoc, revisionId: string): RevisionStatus {
  return doc.status[revisionId] ?? 'draft';
}

/** The current published revision and its version number (1-based), or null before the first publication. */
export function publishedRevision(doc: SopDoc): { revision: SopRevision; version: number; publication: SopPublication } | null {
  const publication = doc.versions.at(-1);
  if (!publication) return null;
  return { revision: doc.graph.byId.get(publication.revision)!, version: doc.versions.length, publication };
}

/**
 * Drafts are visible to their author and the leads; published revisions to everyone. `viewer`
 * is a member id; `isLead` their role now.
 */
export function mayView(doc: SopDoc, revision: SopRevision, viewer: { memberId: string; isLead: boolean }): boolean {
  return viewer.isLead || statusOf(doc, revision.opId) === 'published' || revision.by.memberId === viewer.memberId;
}

/** Whether `memberId` has acknowledged the version they must (the current one, or an earlier one if only minor changes followed). */
export function hasAcknowledgedCurrent(doc: Pick<SopDoc, 'requiredIndex'> & AcknowledgedIndexes, memberId: string): boolean {
  if (doc.requiredIndex < 0) return true;
  return (lastAcknowledgedIndex(doc, memberId) ?? -1) >= doc.requiredIndex;
}

/** Where a member's highest acknowledged version index is found: a doc's `acknowledged`, or a brief's `acknowledgedIndexOf` (shared/sop/summary.ts). */
export type AcknowledgedIndexes = Pick<SopDoc, 'acknowledged'> | { acknowledgedIndexOf(memberId: string): number | undefined };

/** `acknowledged[memberId]`; from a brief, without working out every member's. */
export function lastAcknowledgedIndex(view: AcknowledgedIndexes, memberId: string): number | undefined {
  return 'acknowledgedIndexOf' in view ? view.acknowledgedIndexOf(memberId) : view.acknowledged[memberId];
}

/**
 * Whether a member must read and acknowledge this SOP: once published, anyone holding a role it
 * names, and whoever published it (a lead vouches for what they publish by reading it too).
 */
export function mustRead(doc: Pick<SopDoc, 'versions' | 'publishers' | 'meta'>, member: { readonly memberId: string; readonly roles: readonly string[] }): boolean {
  return doc.versions.length > 0 && (doc.publishers.has(member.memberId) || doc.meta.requiredRoles.some((role) => member.roles.includes(role)));
}

/** The title shown for an SOP: the published one, else the newest draft's. */
export function titleOf(doc: SopDoc): string {
  return publishedRevision(doc)?.revision.title ?? doc.state.revisions.at(-1)!.title;
}
