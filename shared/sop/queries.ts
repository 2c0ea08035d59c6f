import { checklistAt, planChecklist, type ChecklistContext, type ShiftChecklistView } from './checklist';
import { diffCounts, readableDiff, type DiffLine } from './diff';
import { SOP_AREAS, type SopArea } from './fields';
import { hasAcknowledgedCurrent, lastAcknowledgedIndex, mustRead, publishedRevision, sopDoc, titleOf, type SopDoc } from './rules';
import { sop, type SopState } from './sop';
import { linesOf, publishedContentOf, sopBriefOf, type SopBrief, type SopSummary, type SopView } from './summary';
import type { SopTeam } from './team-facts';
import type { ReadonlySyncState } from '../sync/trust-plug';
import { countedTicks, type TickJudge } from './tick-rules';
import type { ShiftChecklistState } from './ticks';

/**
 * The SOP queries other capabilities and the shift briefing call: pure functions over the folded
 * states (`state.list(sop)` / `state.get(shiftChecklist, …)`) and the team facts (`sopTeamOf`).
 * Build the docs once per fold with `sopDocs` and pass them to each query. Queries that take
 * `SopView`s answer alike from docs or from briefs (`sopBriefsIn`: from the summaries the local
 * base's index stores, so a restart reads no SOP's line); those that show bodies, diffs or
 * history take docs: pick which SOPs to wake with the brief-level helpers (`awaitingAcknowledgement`,
 * `requiredForShift`) and build those docs alone (`sopDocsIn`).
 */

/** Every SOP that has a revision, as a brief (what `sopDoc` says of versions, acknowledgements, meta, published titles and checklists). */
export function sopBriefsIn(state: Pick<ReadonlySyncState, 'summaries'>, team: SopTeam | null): SopBrief[] {
  return state.summaries(sop).flatMap((entry) => sopBriefOf(entry.summary as SopSummary, team) ?? []);
}

/** The docs of the SOPs `ids` names (each woken from disk if it was dormant), in that order; an id without a revision gives none. */
export function sopDocsIn(state: Pick<ReadonlySyncState, 'get'>, ids: readonly string[], team: SopTeam | null): SopDoc[] {
  return ids.flatMap((id) => {
    const found = state.get(sop, id);
    return found ? (sopDoc(found, team) ?? []) : [];
  });
}

/** The SOPs `member` must (re-)acknowledge now: `pendingAcknowledgements` of their docs gives the rest (diffs). */
export function awaitingAcknowledgement(views: readonly SopView[], member: { memberId: string; roles: readonly string[] }): string[] {
  return views.filter((view) => mustRead(view, member) && !hasAcknowledgedCurrent(view, member.memberId)).map((view) => view.id);
}

/** The SOPs whose published text `publishedTexts` may give for `filter`: the docs it needs. */
export function textsFor(views: readonly SopView[], filter: { readonly areas: readonly SopArea[]; readonly shiftTypeId: string }): string[] {
  return views.filter((view) => view.versions.length > 0 && (filter.areas.includes(view.meta.area) || view.meta.shiftTypeIds.includes(filter.shiftTypeId))).map((view) => view.id);
}

/** The SOPs required for `shiftTypeId` (by their current setting): the docs `hadAcknowledgedShiftSopsAt` needs. */
export function requiredForShift(views: readonly SopView[], shiftTypeId: string): string[] {
  return views.filter((view) => view.meta.shiftTypeIds.includes(shiftTypeId)).map((view) => view.id);
}

/** Every SOP that has a revision, with the rules applied (which ops count, versions, acknowledgements, fork). */
export function sopDocs(states: readonly SopState[], team: SopTeam | null): SopDoc[] {
  return states.flatMap((state) => sopDoc(state, team) ?? []);
}

/**
 * The rota's cover eligibility: whether `memberId` has acknowledged every SOP required for
 * `shiftTypeId` (its current published version, or the last one not marked minor). An SOP not
 * published yet requires nothing. The rota wraps it as `(memberId, shiftTypeId) => boolean`.
 */
export function hasAcknowledgedShiftSops(docs: readonly SopView[], memberId: string, shiftTypeId: string): boolean {
  return docs.every((doc) => !doc.meta.shiftTypeIds.includes(shiftTypeId) || doc.versions.length === 0 || hasAcknowledgedCurrent(doc, memberId));
}

/**
 * The same, judged at an instant of the fold (an op's `hlc`): only the publications and the
 * acknowledgements ordered before it count. The rota judges a cover take by it, so that a take
 * refused for a missing acknowledgement does not start to count once the colleague acknowledges
 * (it could bump a colleague who took the cover validly in between), and a major version published
 * after a take does not undo it. Which shift types an SOP is required for is its current setting.
 */
export function hadAcknowledgedShiftSopsAt(docs: readonly SopDoc[], memberId: string, shiftTypeId: string, hlc: string): boolean {
  return docs.every((doc) => !doc.meta.shiftTypeIds.includes(shiftTypeId) || acknowledgedAt(doc, memberId, hlc));
}

function acknowledgedAt(doc: SopDoc, memberId: string, hlc: string): boolean {
  const versions = doc.versions.filter((version) => version.hlc < hlc);
  let required = -1;
  versions.forEach((version, index) => {
    if (index === 0 || !version.minor) required = index;
  });
  if (required < 0) return true;
  const index = new Map(versions.map((version, at) => [version.revision, at]));
  return doc.acknowledgements.some((ack) => ack.by.memberId === memberId && ack.hlc < hlc && (index.get(ack.revision) ?? -1) >= required);
}

export interface PendingAcknowledgement {
  readonly sopId: string;
  readonly title: string;
  readonly area: SopArea;
  /** The version to acknowledge (1-based) and its revision. */
  readonly version: number;
  readonly revision: string;
  readonly publishedAt: number;
  /** The version this person last acknowledged, null for never. */
  readonly lastAcknowledgedVersion: number | null;
  /** What changed since that version (the whole text, as added, for never). */
  readonly diff: readonly DiffLine[];
}

/**
 * SOPs `member` must (re-)acknowledge: published, naming one of their roles or published by them,
 * and not acknowledged since the last version that was not a minor change. Oldest publication first.
 */
export function pendingAcknowledgements(docs: readonly SopDoc[], member: { memberId: string; roles: readonly string[] }): PendingAcknowledgement[] {
  const pending: PendingAcknowledgement[] = [];
  for (const doc of docs) {
    if (!mustRead(doc, member) || hasAcknowledgedCurrent(doc, member.memberId)) continue;
    const current = publishedRevision(doc)!;
    const lastIndex = doc.acknowledged[member.memberId];
    const before = lastIndex === undefined ? '' : doc.graph.byId.get(doc.versions[lastIndex]!.revision)!.body;
    pending.push({
      sopId: doc.id,
      title: current.revision.title,
      area: doc.meta.area,
      version: current.version,
      revision: current.revision.opId,
      publishedAt: current.publication.at,
      lastAcknowledgedVersion: lastIndex === undefined ? null : lastIndex + 1,
      diff: readableDiff(before, current.revision.body),
    });
  }
  return pending.sort((a, b) => a.publishedAt - b.publishedAt);
}

export interface PendingCount extends Omit<PendingAcknowledgement, 'diff'> {
  readonly linesAdded: number;
  readonly linesRemoved: number;
}

/**
 * `pendingAcknowledgements` with the diff's counts instead of the diff, from briefs: only the SOPs
 * `member` acknowledged an earlier version of are read whole (`docsOf`); for one never
 * acknowledged, the whole text is added, and the brief knows how many lines that is.
 */
export function pendingAcknowledgementCounts(views: readonly SopView[], member: { memberId: string; roles: readonly string[] }, docsOf: (ids: readonly string[]) => readonly SopDoc[]): PendingCount[] {
  const waiting = new Set(awaitingAcknowledgement(views, member));
  const again = views.filter((view) => waiting.has(view.id) && lastAcknowledgedIndex(view, member.memberId) !== undefined).map((view) => view.id);
  const diffs = new Map(pendingAcknowledgements(docsOf(again), member).map((item) => [item.sopId, diffCounts(item.diff)]));
  const pending: PendingCount[] = [];
  for (const view of views) {
    if (!waiting.has(view.id)) continue;
    const current = view.versions.at(-1)!;
    const lastIndex = lastAcknowledgedIndex(view, member.memberId);
    const counts = lastIndex === undefined ? { added: linesOf(view, current.revision), removed: 0 } : diffs.get(view.id)!;
    pending.push({
      sopId: view.id,
      title: publishedContentOf(view, current.revision).title,
      area: view.meta.area,
      version: view.versions.length,
      revision: current.revision,
      publishedAt: current.at,
      lastAcknowledgedVersion: lastIndex === undefined ? null : lastIndex + 1,
      linesAdded: counts.added,
      linesRemoved: counts.removed,
    });
  }
  return pending.sort((a, b) => a.publishedAt - b.publishedAt);
}

/** Per SOP: the members who must read it and have not acknowledged what they must. */
export function pendingBySop(docs: readonly SopDoc[], team: SopTeam): Array<{ sopId: string; title: string; waiting: Array<{ memberId: string; name: string }> }> {
  return docs
    .filter((doc) => doc.versions.length > 0)
    .map((doc) => ({
      sopId: doc.id,
      title: titleOf(doc),
      waiting: team.members
        .filter((member) => mustRead(doc, member) && !hasAcknowledgedCurrent(doc, member.memberId))
        .map(({ memberId, name }) => ({ memberId, name })),
    }))
    .filter((entry) => entry.waiting.length > 0);
}

export interface PublishedVersion {
  readonly sopId: string;
  readonly title: string;
  readonly version: number;
  readonly revision: string;
  readonly publishedAt: number;
  readonly publishedBy: string;
  readonly minor: boolean;
}

/** SOP versions published at or after `since` (the publisher's clock), oldest first: "SOPs changed since my last shift". */
export function publishedSince(docs: readonly SopView[], since: number): PublishedVersion[] {
  const found: PublishedVersion[] = [];
  for (const doc of docs) {
    doc.versions.forEach((publication, index) => {
      if (publication.at < since) return;
      found.push({
        sopId: doc.id,
        title: publishedContentOf(doc, publication.revision).title,
        version: index + 1,
        revision: publication.revision,
        publishedAt: publication.at,
        publishedBy: publication.by.name,
        minor: publication.minor,
      });
    });
  }
  return found.sort((a, b) => a.publishedAt - b.publishedAt);
}

// Code-point order, the same on every computer whatever its locale.
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface PublishedText {
  readonly sopId: string;
  readonly title: string;
  readonly area: SopArea;
  readonly version: number;
  readonly body: string;
  readonly owner: { readonly memberId: string; readonly name: string } | null;
}

/**
 * The current published text of the SOPs in `areas` or required for `shiftTypeId`, in the order of
 * the nine areas then title: what a stand-in reads before a shift (the account's style, how to
 * answer fans). Drafts never show: only what the team agreed.
 */
export function publishedTexts(docs: readonly SopDoc[], filter: { readonly areas: readonly SopArea[]; readonly shiftTypeId: string }): PublishedText[] {
  return docs
    .filter((doc) => filter.areas.includes(doc.meta.area) || doc.meta.shiftTypeIds.includes(filter.shiftTypeId))
    .flatMap((doc) => {
      const current = publishedRevision(doc);
      if (!current) return [];
      const { title, body } = current.revision;
      return [{ sopId: doc.id, title, area: doc.meta.area, version: current.version, body, owner: doc.meta.owner }];
    })
    .sort((a, b) => SOP_AREAS.indexOf(a.area) - SOP_AREAS.indexOf(b.area) || byCodePoint(a.title, b.title) || byCodePoint(a.sopId, b.sopId));
}

/**
 * This shift's checklist from the published SOPs: each item done (who, when, link), past due,
 * or open, and the next one due. `context.holidays` and `workdays` come from the rota's calendar;
 * `judge` (the team and the rota's who-is-on) decides which ticks count.
 */
export function shiftChecklistView(docs: readonly SopView[], context: ChecklistContext, ticks: ShiftChecklistState | null, now: number, judge: TickJudge): ShiftChecklistView {
  return checklistAt(planChecklist(docs, context), countedTicks(ticks, context.shift, judge), now);
}

/**
 * The checklist as a handover note records it: one line per item, done or not, with who ticked
 * it, when, and the link to the post.
 */
export function handoverChecklist(view: Pick<ShiftChecklistView, 'entries'>, formatTime: (at: number) => string): Array<{ id: string; text: string; done: boolean }> {
  return view.entries.map((entry) => {
    const tick = entry.tick;
    const done = tick ? ` — ${tick.by.name} ${formatTime(tick.at)}${tick.link ? ` ${tick.link}` : ''}${tick.note ? ` (${tick.note})` : ''}` : '';
    return { id: entry.key.slice(0, 128), text: `${entry.slot} ${entry.title}${done}`.slice(0, 500), done: tick !== null };
  });
}

export { busFactor, reviewsDue, reviewsDueFor, type AreaBusFactor, type ReviewDue } from './health';
// What a caller needs to build the docs, so that other capabilities import this file only.
export { sop, type SopState } from './sop';
export { shiftChecklist, shiftChecklistId, type ShiftChecklistState } from './ticks';
export { sopTeamOf, type SopTeam } from './team-facts';
export type { SopDoc } from './rules';
export type { SopBrief, SopView } from './summary';
export type { ShiftChecklistView, ChecklistEntry } from './checklist';
export type { OnShift, TickJudge } from './tick-rules';
