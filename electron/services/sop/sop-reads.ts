import type { SopDetail, SopLibrary, SopMergeView, SopViewer } from '../../../shared/api/sop-views';
import { ApiFailure } from '../../../shared/api/result';
import {
  SOP_AREAS,
  busFactor,
  mayView,
  mergeBase,
  pendingAcknowledgements,
  pendingBySop,
  publishedRevision,
  publishedSince,
  readableDiff,
  reviewsDueFor,
  threeWayMerge,
  titleOf,
  type SopDoc,
  type SopTeam,
} from '../../../shared/sop';
import type { Role } from '../../../shared/team/roles';
import { revisionView, sopSummary } from './views';

/** The read side of the SOP screens, from the docs of one fold. */

export interface Reader {
  readonly docs: readonly SopDoc[];
  readonly team: SopTeam | null;
  readonly viewer: SopViewer;
  readonly roles: readonly Role[];
  readonly today: string;
}

function mayPublish(reader: Reader, doc: SopDoc, revisionId: string): boolean {
  if (!reader.viewer.isLead) return false;
  const revision = doc.graph.byId.get(revisionId);
  if (!revision || !reader.team) return true;
  return reader.team.leadCount <= 1 || reader.team.memberOfDevice(revision.deviceId) !== reader.viewer.memberId;
}

export function library(reader: Reader, since: number): SopLibrary {
  const me = { memberId: reader.viewer.memberId, roles: reader.roles };
  const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title, 'zh-CN');
  const visible = reader.docs.filter((doc) => doc.versions.length > 0 || reader.viewer.isLead || doc.state.revisions.some((revision) => revision.by.memberId === me.memberId));
  return {
    viewer: reader.viewer,
    areas: SOP_AREAS.map((area) => ({
      area,
      sops: visible.filter((doc) => doc.meta.area === area).map((doc) => sopSummary(doc, me, reader.today)).sort(byTitle),
    })),
    pending: me.memberId ? pendingAcknowledgements(reader.docs, { memberId: me.memberId, roles: reader.roles }) : [],
    reviewQueue: reader.viewer.isLead
      ? reader.docs.flatMap((doc) =>
          Object.entries(doc.status)
            .filter(([, status]) => status === 'submitted')
            .map(([revisionId]) => {
              const revision = doc.graph.byId.get(revisionId)!;
              return { sopId: doc.id, title: revision.title, revision: revisionId, by: revision.by, at: revision.at, mayPublish: mayPublish(reader, doc, revisionId) };
            }),
        )
      : [],
    // Flagged to the owner and the leads only: they are the ones who review.
    reviewsDue: me.memberId ? reviewsDueFor(reader.docs, me.memberId, reader.today, reader.team) : [],
    busFactor: reader.team ? busFactor(reader.docs, reader.team) : [],
    pendingBySop: reader.team && reader.viewer.isLead ? pendingBySop(reader.docs, reader.team) : [],
    publishedSince: publishedSince(reader.docs, since),
  };
}

export function docFor(reader: Reader, id: string): SopDoc {
  const doc = reader.docs.find((candidate) => candidate.id === id);
  if (!doc) throw new ApiFailure('not-found', 'that SOP is not here (yet)');
  return doc;
}

export function detail(reader: Reader, id: string): SopDetail {
  const doc = docFor(reader, id);
  const viewer = { memberId: reader.viewer.memberId ?? '', isLead: reader.viewer.isLead };
  const visible = doc.state.revisions.filter((revision) => mayView(doc, revision, viewer));
  if (visible.length === 0) throw new ApiFailure('not-found', 'that SOP has no version you may read yet');
  const published = publishedRevision(doc);
  const heads = doc.graph.heads.filter((head) => mayView(doc, head, viewer));
  const editFrom = heads.length === 1 ? heads[0]! : (published?.revision ?? heads.at(-1) ?? null);
  const members = new Map(reader.team?.members.map((member) => [member.memberId, member]) ?? []);
  const myPending = reader.viewer.memberId
    ? (pendingAcknowledgements([doc], { memberId: reader.viewer.memberId, roles: reader.roles })[0] ?? null)
    : null;
  return {
    id: doc.id,
    title: titleOf(doc),
    meta: doc.meta,
    metaConflicts: doc.metaConflicts,
    viewer: reader.viewer,
    published: published ? revisionView(doc, published.revision) : null,
    revisions: visible.map((revision) => revisionView(doc, revision)).reverse(),
    editFrom: editFrom ? revisionView(doc, editFrom) : null,
    fork: doc.fork ? { heads: doc.graph.heads.map((head) => revisionView(doc, head)) } : null,
    myPending,
    acknowledgedBy: Object.entries(doc.acknowledged).map(([memberId, index]) => ({ name: members.get(memberId)?.name ?? doc.acknowledgements.find((ack) => ack.by.memberId === memberId)!.by.name, version: index + 1 })),
    waiting: reader.team ? (pendingBySop([doc], reader.team)[0]?.waiting ?? []).map(({ name }) => ({ name })) : [],
    reviewDue: reader.viewer.memberId ? (reviewsDueFor([doc], reader.viewer.memberId, reader.today, reader.team)[0]?.reviewBy ?? null) : null,
    setAside: doc.setAside,
  };
}

export function diffRevisions(reader: Reader, id: string, from: string | null, to: string) {
  const doc = docFor(reader, id);
  const viewer = { memberId: reader.viewer.memberId ?? '', isLead: reader.viewer.isLead };
  const body = (revisionId: string) => {
    const revision = doc.graph.byId.get(revisionId);
    if (!revision || !mayView(doc, revision, viewer)) throw new ApiFailure('not-found', 'that revision is not here, or is a draft you may not read');
    return revision.body;
  };
  return { lines: readableDiff(from === null ? '' : body(from), body(to)) };
}

/** The fork's first two heads (oldest first) and their merge base, for the merge view. */
export function mergeView(reader: Reader, id: string): SopMergeView {
  const doc = docFor(reader, id);
  const [ours, theirs] = doc.graph.heads;
  if (!doc.fork || !ours || !theirs) throw new ApiFailure('conflict', 'this SOP has no fork to merge (someone may have merged it already)');
  const base = mergeBase(doc.graph, ours.opId, theirs.opId);
  return {
    base: base ? revisionView(doc, base) : null,
    ours: revisionView(doc, ours),
    theirs: revisionView(doc, theirs),
    chunks: threeWayMerge(base?.body ?? '', ours.body, theirs.body),
    titles: { ours: ours.title, theirs: theirs.title },
  };
}
