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
 * each (signing device, named member) pair acknowledged. At the bench's L team an SOP holds ~650
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
  /** `<signing device> <named member>` → indexes in `revisions` that pair acknowledged, ascending, each once. */
  readonly acknowledged: Readonly<Record<string, readonly number[]>>;
  readonly fields: LwwFields<SopMeta>;
}

export function sopSummaryOf(state: SopState): SopSummary {
  const at = new Map(state.revisions.map((revision, index) => [revision.opId, index]));
  const pairs = new Map<string, Set<number>>();
  for (const ack of state.acknowledgements) {
    // An acknowledgement of a revision not held never counts (it names no published version).
    const index = at.get(ack.revision);
    if (index === undefined) continue;
    const key = `${ack.deviceId} ${ack.by.memberId}`;
    const set = pairs.get(key) ?? new Set<number>();
    set.add(index);
    pairs.set(key, set);
  }
  const acknowledged: Record<string, number[]> = {};
  for (const key of [...pairs.keys()].sort()) acknowledged[key] = [...pairs.get(key)!].sort((a, b) => a - b);
  return {
    id: state.id,
    revisions: state.revisions.map(({ opId, deviceId, title, checklist, area, body }) => ({ opId, deviceId, title, checklist, area, lines: addedLines(body) })),
    publications: state.publications,
    acknowledged,
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
  /** Per member, the highest version index they acknowledged (acknowledgements that count). */
  readonly acknowledged: Readonly<Record<string, number>>;
  /** Title and checklist of each published revision, by revision id. */
  readonly published: ReadonlyMap<string, { readonly title: string; readonly checklist: readonly ChecklistDef[]; readonly lines: number }>;
}

export function sopBriefOf(summary: SopSummary, team: SopTeam | null): SopBrief | null {
  const first = summary.revisions[0];
  if (!first) return null;
  const byId = new Map(summary.revisions.map((revision) => [revision.opId, revision]));
  const { versions } = countedPublications(summary.publications, (id) => byId.get(id)?.deviceId, team);
  const versionIndex = new Map(versions.map((version, index) => [version.revision, index]));
  const acknowledged: Record<string, number> = {};
  for (const [key, indexes] of Object.entries(summary.acknowledged)) {
    const space = key.indexOf(' ');
    const deviceId = key.slice(0, space);
    const member = key.slice(space + 1);
    // As sopDoc: an acknowledgement counts when its signing device is the member it names.
    if (team && team.memberOfDevice(deviceId) !== member) continue;
    for (const index of indexes) {
      const version = versionIndex.get(summary.revisions[index]!.opId);
      if (version === undefined) continue;
      const before = acknowledged[member];
      if (before === undefined || version > before) acknowledged[member] = version;
    }
  }
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
    acknowledged,
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
