import type { LwwFields } from '../sync';
import type { ChecklistDef } from './checklist-schedule';
import type { SopArea } from './fields';
import { countedPublications, metaOf, publishersOf, requiredIndexOf, type SopDoc } from './rules';
import type { SopMeta, SopPublication, SopState } from './sop-state';
import type { SopTeam } from './team-facts';
import { diffCounts, readableDiff } from './diff';

/** The lines "what changed" shows as added against no earlier version (the whole text). */
export function addedLines(body: string): number {
  return diffCounts(readableDiff('', body)).added;
}

/**
 * A small view of one SOP's folded state: what the briefing, the rota's cover eligibility and the
 * checklist ask, without revision bodies and with the acknowledgements reduced to which revisions
 * each named member acknowledged from which signing device. At the bench's L team an SOP holds ~650
 * acknowledgements (92% of its bytes); its summary holds a few numbers per member. Plain JSON and
 * a function of the state alone (no team): the team's rules are applied to it by `sopBriefOf`,
 * as `sopDoc` applies them to the state, and they say the same (tests/sop/summary.property.test.ts).
 */
export interface SopSummary {
  readonly id: string;
  /**
   * Every revision, in the state's order, without its body, pictures or parents. `lines`: the lines
   * "what changed" counts as added for someone who never acknowledged a version (`linesOf`).
   */
  readonly revisions: ReadonlyArray<{ readonly opId: string; readonly deviceId: string; readonly title: string; readonly checklist: readonly ChecklistDef[]; readonly area: SopArea | null; readonly lines: number }>;
  readonly publications: readonly SopPublication[];
  /**
   * Per named member (keys sorted), the acknowledgements in their name: each signing device's id
   * (sorted) followed by the indexes in `revisions` it acknowledged, ascending, each once
   * (`["dev1", 0, 2, "dev2", 5]`). Keyed by member so that a brief answers one member without
   * reading the others' (`SopBrief.acknowledgedIndexOf`); one flat array per member, since the
   * local base's index is parsed at every restart (225 SOPs at the bench's L team).
   */
  readonly acknowledgedBy: Readonly<Record<string, ReadonlyArray<string | number>>>;
  readonly fields: LwwFields<SopMeta>;
}

export function sopSummaryOf(state: SopState): SopSummary {
  const at = new Map(state.revisions.map((revision, index) => [revision.opId, index]));
  const byMember = new Map<string, Map<string, Set<number>>>();
  for (const ack of state.acknowledgements) {
    // An acknowledgement of a revision not held never counts (it names no published version).
    const index = at.get(ack.revision);
    if (index === undefined) continue;
    const member = ack.by.memberId;
    const devices = byMember.get(member) ?? new Map<string, Set<number>>();
    byMember.set(member, devices);
    const indexes = devices.get(ack.deviceId) ?? new Set<number>();
    devices.set(ack.deviceId, indexes);
    indexes.add(index);
  }
  const acknowledgedBy: Record<string, Array<string | number>> = {};
  for (const member of [...byMember.keys()].sort()) {
    const devices = byMember.get(member)!;
    acknowledgedBy[member] = [...devices.keys()].sort().flatMap((deviceId) => [deviceId, ...[...devices.get(deviceId)!].sort((x, y) => x - y)]);
  }
  return {
    id: state.id,
    revisions: state.revisions.map(({ opId, deviceId, title, checklist, area, body }) => ({ opId, deviceId, title, checklist, area, lines: addedLines(body) })),
    publications: state.publications,
    acknowledgedBy,
    fields: state.fields,
  };
}

/** What `sopDoc` says of an SOP that the briefing asks, from its summary (null before its first revision, as `sopDoc`). */
export interface SopBrief {
  readonly id: string;
  readonly meta: SopMeta;
  /** Valid publications, oldest first: version n is `versions[n - 1]`. */
  readonly versions: readonly SopPublication[];
  readonly publishers: ReadonlySet<string>;
  readonly requiredIndex: number;
  /**
   * Per member, the highest version index they acknowledged (acknowledgements that count), as
   * `sopDoc`'s: every member's, worked out when first read. What asks about one member (the
   * briefing, the rota's cover rule) asks `acknowledgedIndexOf` instead (`lastAcknowledgedIndex`).
   */
  readonly acknowledged: Readonly<Record<string, number>>;
  /** `acknowledged[memberId]`, from that member's entries of the summary alone. */
  acknowledgedIndexOf(memberId: string): number | undefined;
  /** Title and checklist of each published revision, by revision id. */
  readonly published: ReadonlyMap<string, { readonly title: string; readonly checklist: readonly ChecklistDef[]; readonly lines: number }>;
}

export function sopBriefOf(summary: SopSummary, team: SopTeam | null): SopBrief | null {
  const first = summary.revisions[0];
  if (!first) return null;
  const byId = new Map(summary.revisions.map((revision) => [revision.opId, revision]));
  const { versions } = countedPublications(summary.publications, (id) => byId.get(id)?.deviceId, team);
  const versionIndex = new Map(versions.map((version, index) => [version.revision, index]));
  // Per revision (its index in `revisions`), its version index; -1: it is no version.
  const versionOf = summary.revisions.map((revision) => versionIndex.get(revision.opId) ?? -1);
  const entries = summary.acknowledgedBy;
  // As sopDoc: an acknowledgement counts when its signing device is the member it names, and names a version.
  const acknowledgedIndexOf = (member: string): number | undefined => {
    if (!Object.hasOwn(entries, member)) return undefined;
    let counts = false;
    let highest = -1;
    for (const item of entries[member]!) {
      if (typeof item === 'string') counts = !team || team.memberOfDevice(item) === member;
      else if (counts && (versionOf[item] ?? -1) > highest) highest = versionOf[item]!;
    }
    return highest < 0 ? undefined : highest;
  };
  let acknowledged: Record<string, number> | null = null;
  const everyMember = (): Record<string, number> => {
    const all: Record<string, number> = {};
    for (const member of Object.keys(entries)) {
      const index = acknowledgedIndexOf(member);
      if (index !== undefined) all[member] = index;
    }
    return all;
  };
  const published = new Map(versions.map((version) => {
    const { title, checklist, lines } = byId.get(version.revision)!;
    return [version.revision, { title, checklist, lines }];
  }));
  return {
    id: summary.id,
    meta: metaOf(summary.fields, first.area),
    versions,
    publishers: publishersOf(versions, team),
    requiredIndex: requiredIndexOf(versions),
    get acknowledged() {
      acknowledged ??= everyMember();
      return acknowledged;
    },
    acknowledgedIndexOf,
    published,
  };
}

/** An SOP as a doc (the whole state, bodies and history) or as a brief (its summary): what both answer alike. */
export type SopView = SopDoc | SopBrief;

/** Title and checklist of a published revision of `view` (`revision` one of its `versions`). */
export function publishedContentOf(view: SopView, revision: string): { readonly title: string; readonly checklist: readonly ChecklistDef[] } {
  return 'graph' in view ? view.graph.byId.get(revision)! : view.published.get(revision)!;
}

/** What `addedLines` gives for a published revision of `view`. */
export function linesOf(view: SopView, revision: string): number {
  return 'graph' in view ? addedLines(view.graph.byId.get(revision)!.body) : view.published.get(revision)!.lines;
}
