import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { MetaChangesInput, RevisionInput } from '../../../shared/api/sop-contract';
import type { ShiftChecklistPayload, SopChecked, SopViewer } from '../../../shared/api/sop-views';
import { ApiFailure } from '../../../shared/api/result';
import {
  TEAM_SETTINGS_ID,
  currentShift,
  dateInZone,
  proposedShift,
  shiftInstance,
  teamSettings,
  teamSettingsOf,
  wallTimeInZone,
  type Person,
  type ShiftRef,
  type TeamSettings,
} from '../../../shared/team-settings';
import type { ChecklistItem } from '../../../shared/handover';
import {
  acknowledgeOp,
  isWebLink,
  handoverChecklist,
  publishOp,
  returnOp,
  referencedPictures,
  reviseOp,
  setMetaOp,
  shiftChecklist,
  shiftChecklistId,
  shiftChecklistView,
  sop,
  sopBriefsIn,
  sopDocs,
  sopDocsIn,
  sopTeamOf,
  submitOp,
  tickOp,
  untickOp,
  validateRevision,
  type ChecklistDef,
  type ShiftChecklistState,
  type SopBrief,
  type SopDoc,
  type SopState,
  type SopView,
  type SopTeam,
} from '../../../shared/sop';
import type { Roster } from '../../../shared/team';
import type { Role } from '../../../shared/team/roles';
import type { HandoverSync } from '../handover/handover-service';
import type { OpDraft } from '../sync/sync-service';
import type { StarterLanguage } from '../../../shared/sop/starter';
import { detail, diffRevisions, docFor, library, mergeView, type Reader } from './sop-reads';
import { SopSearch } from './sop-search';
import type { SopRotaFacts } from './rota-facts';
import { releaseOps, starterOps } from './starters';

export interface SopServiceOptions {
  readonly sync: Pick<HandoverSync, 'state' | 'record' | 'onChange'>;
  /** The roster the trust layer folded; null without one (then identity rules are not checked). */
  readonly roster: () => Roster | null;
  /** The person on this computer and their roles now. */
  readonly me: () => Person | null;
  readonly roles: () => readonly Role[];
  /** Whether the person on this computer may write `opType` (the trust layer decides in the end). */
  readonly mayWrite: (opType: string) => boolean;
  readonly folderAvailable: () => boolean;
  /** The rota's holiday calendar and who is on a shift; without it every day is an ordinary day and every allowed tick counts. */
  readonly rota?: SopRotaFacts;
  readonly now?: () => number;
}

const newId = () => randomBytes(12).toString('base64url');

/**
 * SOPs and shift checklists: reads the fold through the pure rules of shared/sop, writes ops
 * built there through `sync.record` (durable in the outbox before it returns).
 */
export class SopService {
  private readonly now: () => number;
  private cached: { docs: SopDoc[]; team: SopTeam | null } | null = null;
  /** The briefs (from the summaries: no SOP line read after a restart), until an SOP or the roster changes. */
  private briefsCached: { briefs: SopBrief[]; team: SopTeam | null } | null = null;
  private readonly unsubscribe: () => void;
  private readonly index = new SopSearch();
  private facts: { roster: Roster | null; team: SopTeam | null } = { roster: null, team: null };

  constructor(private readonly options: SopServiceOptions) {
    this.now = options.now ?? Date.now;
    this.unsubscribe = options.sync.onChange((change) => {
      // Roster changes decide which publications and acknowledgements count: re-derive on those too.
      if (change.touchedKinds.some((kind) => kind === sop.kind || kind === 'member' || kind === 'device')) {
        this.cached = null;
        this.briefsCached = null;
      }
    });
  }

  close(): void {
    this.unsubscribe();
  }

  settings(): TeamSettings {
    return teamSettingsOf(this.options.sync.state.get(teamSettings, TEAM_SETTINGS_ID));
  }

  /** The team facts, made again only when the trust layer folded a new roster. */
  private team(): SopTeam | null {
    const roster = this.options.roster();
    if (roster !== this.facts.roster) this.facts = { roster, team: roster && sopTeamOf(roster) };
    return this.facts.team;
  }

  /** Every SOP with a revision, as a brief (or the docs, when built already): what the rota's cover rule and the checklist ask. */
  briefs(): readonly SopView[] {
    const team = this.team();
    if (this.cached && this.cached.team === team) return this.cached.docs;
    if (!this.briefsCached || this.briefsCached.team !== team) this.briefsCached = { briefs: sopBriefsIn(this.options.sync.state, team), team };
    return this.briefsCached.briefs;
  }

  /** The docs of the SOPs named (read from disk if dormant). */
  docsOf(ids: readonly string[]): SopDoc[] {
    const team = this.team();
    if (this.cached && this.cached.team === team) {
      const wanted = new Set(ids);
      return this.cached.docs.filter((doc) => wanted.has(doc.id));
    }
    return sopDocsIn(this.options.sync.state, ids, team);
  }

  docs(): SopDoc[] {
    const team = this.team();
    if (!this.cached || this.cached.team !== team) {
      const states = this.options.sync.state.list(sop).map((entry) => entry.state as SopState);
      this.cached = { docs: sopDocs(states, team), team };
    }
    return this.cached.docs;
  }

  private reader(): Reader {
    const me = this.options.me();
    const viewer: SopViewer = { memberId: me?.memberId ?? null, isLead: this.options.mayWrite('sop.published'), canWrite: this.options.mayWrite('sop.revised') };
    return { docs: this.docs(), team: this.team(), viewer, roles: this.options.roles(), today: dateInZone(this.now(), this.settings().timeZone) };
  }

  library(since: number | undefined) {
    return library(this.reader(), since ?? this.now() - 7 * 24 * 3600_000);
  }

  detail(id: string) {
    return detail(this.reader(), id);
  }

  diff(id: string, from: string | null, to: string) {
    return diffRevisions(this.reader(), id, from, to);
  }

  merge(id: string) {
    return mergeView(this.reader(), id);
  }

  private stamp(): { by: Person; at: number } {
    const me = this.options.me();
    if (!me) throw new ApiFailure('unavailable', 'this computer has no member name yet (finish the first run)');
    return { by: me, at: this.now() };
  }

  private require(opType: string, message: string): void {
    if (!this.options.mayWrite(opType)) throw new ApiFailure('forbidden', message);
  }

  private record(drafts: OpDraft[]): { queued: boolean } {
    this.options.sync.record(drafts);
    return { queued: !this.options.folderAvailable() };
  }

  /** A new revision (a new SOP when `id` is null). Everything wrong is answered at once; the editor keeps the text. */
  saveRevision(input: z.output<typeof RevisionInput>): SopChecked<{ id: string; revision: string; queued: boolean }> {
    this.require('sop.revised', 'only editors and leads write SOPs');
    const issues = validateRevision(input, this.settings().shiftTypes);
    if (issues.length > 0) return { ok: false, issues };
    const id = input.id ?? newId();
    if (input.id !== null) docFor(this.reader(), input.id);
    const draft = reviseOp(
      id,
      {
        parents: input.parents,
        title: input.title.trim(),
        body: input.body,
        checklist: input.checklist as ChecklistDef[],
        pictures: referencedPictures(input.body, input.pictures ?? []),
        ...(input.id === null ? { area: input.area ?? 'content' } : {}),
        ...(input.restores ? { restores: input.restores } : {}),
      },
      this.stamp(),
    );
    const [op] = this.options.sync.record([draft]);
    return { ok: true, id, revision: op!.id, queued: !this.options.folderAvailable() };
  }

  submit(id: string, revision: string) {
    this.require('sop.submitted', 'only editors and leads submit SOP drafts');
    this.revisionOf(id, revision);
    return this.record([submitOp(id, revision, this.stamp())]);
  }

  publish(id: string, revision: string, minor: boolean) {
    this.require('sop.published', 'only a lead publishes SOPs');
    this.revisionOf(id, revision);
    return this.record([publishOp(id, revision, minor, this.stamp())]);
  }

  returnRevision(id: string, revision: string, comment: string): SopChecked<{ queued: boolean }> {
    this.require('sop.returned', 'only a lead returns SOP drafts');
    this.revisionOf(id, revision);
    const text = comment.trim();
    if (text.length === 0) return { ok: false, issues: [{ code: 'required', path: ['comment'], params: {} }] };
    if (text.length > 2000) return { ok: false, issues: [{ code: 'too-long', path: ['comment'], params: { max: 2000, length: text.length } }] };
    return { ok: true, ...this.record([returnOp(id, revision, text, this.stamp())]) };
  }

  acknowledge(id: string, revision: string) {
    this.require('sop.acknowledged', 'your roles do not include acknowledging SOPs');
    const doc = docFor(this.reader(), id);
    if (!doc.versions.some((version) => version.revision === revision)) throw new ApiFailure('conflict', 'only a published version can be acknowledged');
    return this.record([acknowledgeOp(id, revision, this.stamp())]);
  }

  setMeta(id: string, changes: z.output<typeof MetaChangesInput>) {
    this.require('sop.metaSet', 'only a lead sets owners, review dates and who must read an SOP');
    const doc = docFor(this.reader(), id);
    return this.record([setMetaOp(doc.state, id, changes, this.stamp())]);
  }

  private revisionOf(id: string, revision: string) {
    const found = docFor(this.reader(), id).graph.byId.get(revision);
    if (!found) throw new ApiFailure('not-found', 'that revision is not here (yet)');
    return found;
  }

  search(query: string) {
    return { groups: this.index.search(this.docs(), query) };
  }

  /** A new team's nine starter SOPs, published at once by a team's only lead (submitted for review otherwise). */
  addStarters(language: StarterLanguage) {
    this.require('sop.metaSet', 'only a lead adds the starter SOPs');
    const stamp = this.stamp();
    const perSop = starterOps(language, { ...stamp, shiftTypes: this.settings().shiftTypes });
    const recorded = this.options.sync.record(perSop.flat());
    // Each SOP recorded its revision first, then its metadata.
    const sops = perSop.map((drafts, index) => ({ id: drafts[0]!.entity.slice('sop:'.length), revision: recorded[index * 2]!.id }));
    const released = this.record(releaseOps(sops, { ...stamp, onlyLead: (this.team()?.leadCount ?? 1) <= 1 }));
    return { added: sops.length, ...released };
  }

  /** The checklist of a shift (the current one, or the one a note is being written for). */
  checklistFor(ref: ShiftRef | null): ShiftChecklistPayload {
    const settings = this.settings();
    const now = this.now();
    const shift = ref ? shiftInstance(ref, settings.shiftTypes, settings.timeZone) : (currentShift(now, settings.shiftTypes, settings.timeZone) ?? proposedShift(now, settings.shiftTypes, settings.timeZone));
    if (!shift) return { shift: null, shiftName: null, timeZone: settings.timeZone, entries: [], next: null, pastDue: 0, truncated: false, setAside: [], tickRefusal: null };
    const shiftType = settings.shiftTypes.find((type) => type.id === shift.shiftTypeId)!;
    const ticks = (this.options.sync.state.get(shiftChecklist, shiftChecklistId(shift)) as ShiftChecklistState | undefined) ?? null;
    const { rota } = this.options;
    const calendar = rota?.calendar() ?? { holidays: new Set<string>(), workdays: new Set<string>() };
    const judge = { team: this.team(), onShift: rota?.onShift ?? (() => null) };
    const view = shiftChecklistView(this.briefs(), { shift, shiftType, timeZone: settings.timeZone, ...calendar }, ticks, now, judge);
    return {
      shift,
      shiftName: shiftType.name,
      timeZone: settings.timeZone,
      entries: view.entries,
      next: view.next,
      pastDue: view.pastDue.length,
      truncated: view.truncated,
      setAside: view.setAside.map(({ tick, reason }) => ({ opId: tick.opId, key: tick.key, by: tick.by, at: tick.at, reason })),
      tickRefusal: this.tickRefusal(shift),
    };
  }

  /** The screen says why before a person tries; a tick made anyway (the rota changed meanwhile) is judged again on every device. */
  private tickRefusal(shift: ShiftRef): 'role' | 'not-on-shift' | null {
    if (!this.options.mayWrite('shiftChecklist.ticked')) return 'role';
    const me = this.options.me();
    if (me && !this.options.mayWrite('sop.published') && this.options.rota?.onShift(me.memberId, shift) === false) return 'not-on-shift';
    return null;
  }

  /** The handover note's `checklist` for a shift: what was done against the plan. */
  handoverChecklist(ref: ShiftRef): ChecklistItem[] {
    const { timeZone } = this.settings();
    const payload = this.checklistFor(ref);
    const time = (at: number) => wallTimeInZone(at, timeZone).slice(11);
    return handoverChecklist(payload, time);
  }

  tick(input: { date: string; shiftTypeId: string; key: string; done: boolean; link?: string | undefined; note?: string | undefined }): SopChecked<{ queued: boolean }> {
    this.require('shiftChecklist.ticked', 'only editors and leads tick the checklist');
    const shift = { date: input.date, shiftTypeId: input.shiftTypeId };
    // Spares the person a tick every device would set aside (shared/sop/tick-rules.ts judges it again).
    if (this.tickRefusal(shift) === 'not-on-shift') {
      throw new ApiFailure('forbidden', 'only the people on this shift in the rota (and the leads) tick its checklist');
    }
    if (!input.done) return { ok: true, ...this.record([untickOp(shift, input.key, this.stamp())]) };
    const link = input.link?.trim() || undefined;
    if (link !== undefined && !isWebLink(link)) return { ok: false, issues: [{ code: 'invalid', path: ['link'], params: { message: 'not-a-link' } }] };
    const note = input.note?.trim() || undefined;
    if (note !== undefined && note.length > 1000) return { ok: false, issues: [{ code: 'too-long', path: ['note'], params: { max: 1000, length: note.length } }] };
    return { ok: true, ...this.record([tickOp(shift, input.key, { link, note }, this.stamp())]) };
  }
}
