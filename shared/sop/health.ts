import { SOP_AREAS, type SopArea } from './fields';
import { hasAcknowledgedCurrent, publishedRevision, titleOf, type SopDoc } from './rules';
import type { SopTeam } from './team-facts';

/**
 * The two health checks of the SOP library: periodic review (an SOP past its review-by date is
 * flagged to its owner and the leads) and the bus factor per area (an area only one person knows
 * is the seed's story waiting to happen again).
 */

export interface ReviewDue {
  readonly sopId: string;
  readonly title: string;
  readonly reviewBy: string;
  readonly ownerId: string | null;
  /** Who is told: the owner and every lead. */
  readonly notify: readonly string[];
}

/** SOPs whose review-by date (yyyy-MM-dd, team zone) is before `today`. */
export function reviewsDue(docs: readonly SopDoc[], today: string, team: SopTeam | null): ReviewDue[] {
  const leads = team?.members.filter((member) => member.roles.includes('lead')).map((member) => member.memberId) ?? [];
  return docs
    .filter((doc) => doc.meta.reviewBy !== null && doc.meta.reviewBy < today)
    .map((doc) => {
      const ownerId = doc.meta.owner?.memberId ?? null;
      return { sopId: doc.id, title: titleOf(doc), reviewBy: doc.meta.reviewBy!, ownerId, notify: [...new Set([...(ownerId ? [ownerId] : []), ...leads])] };
    })
    .sort((a, b) => (a.reviewBy < b.reviewBy ? -1 : a.reviewBy > b.reviewBy ? 1 : 0));
}

/**
 * The review flags one person sees (the briefing and the SOP screens): SOPs past their review-by
 * date whose owner they are, or every such SOP for a lead.
 */
export function reviewsDueFor(docs: readonly SopDoc[], memberId: string, today: string, team: SopTeam | null): ReviewDue[] {
  return reviewsDue(docs, today, team).filter((due) => due.notify.includes(memberId));
}

export interface AreaBusFactor {
  readonly area: SopArea;
  /** Published SOPs in the area. */
  readonly sops: number;
  readonly owners: readonly string[];
  readonly backups: readonly string[];
  /** The newest publication in the area (the last time its procedures were reviewed), null for none. */
  readonly lastReviewAt: number | null;
  /** Members who acknowledged the current version of every published SOP in the area. */
  readonly acknowledged: number;
  /** Members who could run the area: those, plus the owners and backups. */
  readonly couldRun: number;
  /** Only one person (or nobody) knows the area. */
  readonly flagged: boolean;
}

export function busFactor(docs: readonly SopDoc[], team: SopTeam): AreaBusFactor[] {
  return SOP_AREAS.map((area) => {
    const inArea = docs.filter((doc) => doc.meta.area === area && publishedRevision(doc) !== null);
    const owners = [...new Set(inArea.flatMap((doc) => (doc.meta.owner ? [doc.meta.owner.name] : [])))];
    const backups = [...new Set(inArea.flatMap((doc) => (doc.meta.backupOwner ? [doc.meta.backupOwner.name] : [])))];
    const knowing = new Set<string>();
    let acknowledged = 0;
    for (const member of team.members) {
      if (inArea.length > 0 && inArea.every((doc) => (doc.acknowledged[member.memberId] ?? -1) >= 0 && hasAcknowledgedCurrent(doc, member.memberId))) {
        acknowledged += 1;
        knowing.add(member.memberId);
      }
    }
    for (const doc of inArea) {
      if (doc.meta.owner) knowing.add(doc.meta.owner.memberId);
      if (doc.meta.backupOwner) knowing.add(doc.meta.backupOwner.memberId);
    }
    const times = inArea.map((doc) => doc.versions.at(-1)!.at);
    return {
      area,
      sops: inArea.length,
      owners,
      backups,
      lastReviewAt: times.length > 0 ? Math.max(...times) : null,
      acknowledged,
      couldRun: knowing.size,
      flagged: knowing.size <= 1,
    };
  });
}
