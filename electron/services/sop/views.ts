import type { RevisionView, SopSummary } from '../../../shared/api/sop-views';
import {
  hasAcknowledgedCurrent,
  mustRead,
  publishedRevision,
  statusOf,
  titleOf,
  type SopDoc,
  type SopRevision,
} from '../../../shared/sop';

/** Plain JSON views of the SOP docs for the screens. */

export function revisionView(doc: SopDoc, revision: SopRevision): RevisionView {
  const index = doc.versions.findIndex((version) => version.revision === revision.opId);
  const status = statusOf(doc, revision.opId);
  const returned = status === 'returned' ? doc.state.returns.findLast((entry) => entry.revision === revision.opId) : undefined;
  return {
    id: revision.opId,
    parents: revision.parents,
    title: revision.title,
    body: revision.body,
    checklist: revision.checklist,
    pictures: revision.pictures,
    by: revision.by,
    at: revision.at,
    status,
    version: index < 0 ? null : index + 1,
    restores: revision.restores,
    returnComment: returned?.comment ?? null,
    isHead: doc.graph.heads.some((head) => head.opId === revision.opId),
  };
}

export function sopSummary(doc: SopDoc, me: { memberId: string | null; roles: readonly string[] }, today: string): SopSummary {
  const published = publishedRevision(doc);
  return {
    id: doc.id,
    title: titleOf(doc),
    area: doc.meta.area,
    version: published?.version ?? null,
    publishedAt: published?.publication.at ?? null,
    owner: doc.meta.owner,
    reviewBy: doc.meta.reviewBy,
    reviewOverdue: doc.meta.reviewBy !== null && doc.meta.reviewBy < today,
    fork: doc.fork,
    mustAcknowledge: me.memberId !== null && mustRead(doc, { memberId: me.memberId, roles: me.roles }) && !hasAcknowledgedCurrent(doc, me.memberId),
    submitted: Object.values(doc.status).filter((status) => status === 'submitted').length,
  };
}
