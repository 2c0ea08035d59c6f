import { randomBytes } from 'node:crypto';
import type { RotaSettingsChanges, TakeCoverOutcome } from '../../../shared/api/rota-contract';
import type { CoverCandidatesView, FairnessView, OnDutyView, RotaMe, RotaRequestsView, RotaSettingsView, RotaView } from '../../../shared/api/rota-views';
import { ApiFailure } from '../../../shared/api/result';
import { TEAM_SETTINGS_ID, addDaysToDate, dateInZone, teamSettings, teamSettingsOf } from '../../../shared/team-settings';
import type { Op } from '../../../shared/sync/op';
import type { ReadonlySyncState } from '../../../shared/sync/trust-plug';
import type { OpDraft } from '../../../shared/sync';
import type { Roster } from '../../../shared/team';
import {
  ROTA_TEAM_ID,
  applyPattern,
  coverCandidates,
  coverRequestOp,
  coverTakeOp,
  decisionOp,
  everyoneQualifies,
  fairness,
  leaveRequestOp,
  monthDraft,
  publishMonthOp,
  rosterAuthors,
  rosterMembers,
  rotaSlot,
  rotaTeam,
  rotaTeamSetOp,
  rotaWorldAround,
  rotaWorldOf,
  addMonths,
  ROTA_WINDOW_MONTHS_AHEAD,
  ROTA_WINDOW_MONTHS_BACK,
  slotKey,
  slotSetOp,
  standInOps,
  swapAnswerOp,
  swapProposeOp,
  withdrawOp,
  type Assignment,
  type LeaveType,
  type Qualifies,
  type RequestKind,
  type RotaTeamFields,
  type RotaWorld,
} from '../../../shared/rota';
import type { SyncChange } from '../sync/sync-service';
import { onDutyView, rotaView, rulesOf, shiftTypesOf } from './rota-views';

export interface RotaSync {
  readonly state: ReadonlySyncState;
  record(drafts: readonly OpDraft[]): Op[];
  onChange(listener: (change: SyncChange) => void): () => void;
}

export interface RotaServiceOptions {
  readonly sync: RotaSync;
  /** The roster the trust layer folded last; null without a team (nothing is judged then). */
  readonly roster: () => Roster | null;
  /** This computer's member id (its sync identity); null before it has one. */
  readonly memberId: () => string | null;
  /** Whether this computer may write `opType` (the trust layer decides in the end). */
  readonly mayWrite: (opType: string) => boolean;
  readonly folderAvailable: () => boolean;
  readonly now?: () => number;
  /** The SOP capability's "has acknowledged what this shift type requires", asked once per world built. */
  readonly qualifies?: () => Qualifies;
}

const newId = () => randomBytes(9).toString('base64url');

/**
 * The duty rota: reads one world built from the fold (rebuilt when the team's data changes),
 * writes ops through `sync.record`. What a person may do is checked here to spare them an op set
 * aside; the rules in shared/rota judge every op again on every device.
 */
export class RotaService {
  private cached: { world: RotaWorld; roster: Roster | null; version: number } | null = null;
  private cachedAround: { world: RotaWorld; roster: Roster | null; version: number; month: string } | null = null;
  private version = 0;
  private readonly unsubscribe: () => void;
  private readonly now: () => number;

  constructor(private readonly options: RotaServiceOptions) {
    this.now = options.now ?? Date.now;
    this.unsubscribe = options.sync.onChange(() => {
      this.version += 1;
    });
  }

  close(): void {
    this.unsubscribe();
  }

  private people(roster: Roster | null) {
    return roster
      ? { members: rosterMembers(roster), authorOf: rosterAuthors(roster) }
      : { members: [], authorOf: () => ({ memberId: this.options.memberId(), lead: true }) };
  }

  world(): RotaWorld {
    const roster = this.options.roster();
    if (this.cached && this.cached.version === this.version && this.cached.roster === roster) return this.cached.world;
    const world = rotaWorldOf(this.options.sync.state, this.people(roster), this.options.qualifies?.() ?? everyoneQualifies);
    this.cached = { world, roster, version: this.version };
    return world;
  }

  /**
   * The world of the months around now (`rotaWorldAround`), for what a shift opens first (who is
   * on, my next shifts, the rota of this month and the next): a restart then leaves years of rota
   * on disk. Once the whole world is built it is that one (already read, and the same answers).
   */
  private worldAround(): RotaWorld {
    const roster = this.options.roster();
    if (this.cached && this.cached.version === this.version && this.cached.roster === roster) return this.cached.world;
    const now = this.now();
    const month = dateInZone(now, this.timeZone()).slice(0, 7);
    const around = this.cachedAround;
    if (around && around.version === this.version && around.roster === roster && around.month === month) return around.world;
    const world = rotaWorldAround(this.options.sync.state, this.people(roster), now, this.options.qualifies?.() ?? everyoneQualifies);
    this.cachedAround = { world, roster, version: this.version, month };
    return world;
  }

  private timeZone(): string {
    return teamSettingsOf(this.options.sync.state.get(teamSettings, TEAM_SETTINGS_ID)).timeZone;
  }

  /** Whether the rota of `from` and `days` after is answered by the world around now (a month after its first, whose checks look back a week). */
  private inWindow(from: string, days: number): boolean {
    const month = dateInZone(this.now(), this.timeZone()).slice(0, 7);
    const to = addDaysToDate(from, Math.max(days - 1, 0)).slice(0, 7);
    return from.slice(0, 7) >= addMonths(month, 1 - ROTA_WINDOW_MONTHS_BACK) && to <= addMonths(month, ROTA_WINDOW_MONTHS_AHEAD);
  }

  me(): RotaMe {
    const memberId = this.options.memberId();
    const { mayWrite } = this.options;
    return { memberId, lead: mayWrite('rota.slotSet'), member: memberId !== null && mayWrite('rota.coverTaken') };
  }

  getRota(from: string, days: number): RotaView {
    const world = this.inWindow(from, days) ? this.worldAround() : this.world();
    return rotaView(world, this.me(), from, days, dateInZone(this.now(), world.settings.timeZone));
  }

  getOnDuty(): OnDutyView {
    return onDutyView(this.worldAround(), this.options.memberId(), this.now());
  }

  getRequests(): RotaRequestsView {
    const world = this.world();
    const me = this.me();
    return { me, leaves: world.leaves, covers: world.covers, swaps: world.swaps, setAside: me.lead ? world.setAside : world.setAside.filter((entry) => entry.memberId === me.memberId) };
  }

  getCandidates(id: string): CoverCandidatesView {
    const world = this.world();
    const cover = world.covers.find((candidate) => candidate.id === id);
    if (!cover) throw new ApiFailure('not-found', 'no such cover request');
    return { cover, candidates: coverCandidates(world, cover) };
  }

  getFairness(period: string): FairnessView {
    const world = this.world();
    const result = fairness(world, period);
    const names = new Map(world.members.map((member) => [member.memberId, member.name]));
    return { period, rows: result.rows.map((row) => ({ ...row, name: names.get(row.memberId) ?? row.memberId })), mean: result.mean };
  }

  getSettings(): RotaSettingsView {
    const world = this.world();
    return { rules: rulesOf(world), shiftTypes: shiftTypesOf(world), holidays: world.settings.holidays, patterns: world.settings.patterns };
  }

  // ---- writes ----

  private write(opType: string, drafts: OpDraft[], refusal: string): { queued: boolean } {
    if (!this.options.mayWrite(opType)) throw new ApiFailure('forbidden', refusal);
    this.options.sync.record(drafts);
    return { queued: !this.options.folderAvailable() };
  }

  private needMe(): string {
    const memberId = this.options.memberId();
    if (!memberId) throw new ApiFailure('unavailable', 'this computer has no member id yet: join or create a team first');
    return memberId;
  }

  private shiftTypeKnown(shiftTypeId: string): void {
    if (!this.world().settings.shiftTypes.some((type) => type.id === shiftTypeId)) throw new ApiFailure('invalid-input', `no shift type "${shiftTypeId}"`);
  }

  setSlot(date: string, shiftTypeId: string, assignment: Assignment): { queued: boolean } {
    this.shiftTypeKnown(shiftTypeId);
    const current = this.options.sync.state.get(rotaSlot, slotKey(date, shiftTypeId));
    return this.write('rota.slotSet', [slotSetOp(current, date, shiftTypeId, assignment)], 'only a lead edits the rota');
  }

  /** Writes many slots as one batch: all of them or, on a bad one, none. */
  setSlots(slots: ReadonlyMap<string, Assignment>): { queued: boolean } {
    const drafts = [...slots].map(([key, assignment]) => slotSetOp(this.options.sync.state.get(rotaSlot, key), key.slice(0, 10), key.slice(11), assignment));
    return this.write('rota.slotSet', drafts, 'only a lead edits the rota');
  }

  publishMonth(month: string): { queued: boolean } {
    return this.write('rota.monthPublished', [publishMonthOp(month, monthDraft(this.world(), month), this.now())], 'only a lead publishes the rota');
  }

  requestLeave(input: { memberId?: string | undefined; leaveType: LeaveType; from: string; to: string; note: string }): { id: string; queued: boolean } {
    const memberId = input.memberId ?? this.needMe();
    if (memberId !== this.options.memberId() && !this.me().lead) throw new ApiFailure('forbidden', 'a member asks leave only for themselves');
    const id = newId();
    return { id, ...this.write('rota.leaveRequested', [leaveRequestOp(id, { ...input, memberId }, this.now())], 'only team members ask for leave') };
  }

  decide(kind: RequestKind, id: string, approved: boolean, note: string): { queued: boolean } {
    return this.write(`rota.${kind}Decided`, [decisionOp(kind, id, approved, note, this.now())], 'only a lead decides');
  }

  withdraw(kind: RequestKind, id: string): { queued: boolean } {
    return this.write(`rota.${kind}Withdrawn`, [withdrawOp(kind, id, this.now())], 'only team members withdraw requests');
  }

  requestCover(input: { date: string; shiftTypeId: string; memberId?: string | undefined; note: string }): { id: string; queued: boolean } {
    const memberId = input.memberId ?? this.needMe();
    if (memberId !== this.options.memberId() && !this.me().lead) throw new ApiFailure('forbidden', 'a member asks cover only for their own shift');
    const duty = this.world().duties.get(slotKey(input.date, input.shiftTypeId));
    if (!duty?.people.some((person) => person.memberId === memberId) && !duty?.onLeave.includes(memberId)) {
      throw new ApiFailure('invalid-input', 'that person is not on this shift');
    }
    const id = newId();
    const shift = { date: input.date, shiftTypeId: input.shiftTypeId, memberId };
    return { id, ...this.write('rota.coverRequested', [coverRequestOp(id, shift, input.note, this.now())], 'only team members ask for cover') };
  }

  /** Takes a cover and says at once how it stands as far as this computer knows. */
  takeCover(id: string): TakeCoverOutcome {
    const me = this.needMe();
    const before = this.world().covers.find((cover) => cover.id === id);
    if (!before) throw new ApiFailure('not-found', 'no such cover request');
    if (before.takenBy !== null && before.takenBy !== me) return { outcome: 'taken-first', takenBy: before.takenBy };
    this.write('rota.coverTaken', [coverTakeOp(id, this.now())], 'only editors take covers');
    const after = this.world().covers.find((cover) => cover.id === id);
    if (after?.takenBy === me) return { outcome: after.status === 'awaiting-approval' ? 'awaiting-approval' : 'taken' };
    const mine = after?.refusedTakes.findLast((take) => take.memberId === me);
    if (mine?.reason === 'not-eligible') return { outcome: 'not-eligible', reasons: mine.why };
    return { outcome: 'taken-first', takenBy: after?.takenBy ?? null };
  }

  assignStandIn(input: { date: string; shiftTypeId: string; memberId: string; standIn: string; note: string }): { id: string; queued: boolean } {
    this.shiftTypeKnown(input.shiftTypeId);
    const id = newId();
    const shift = { date: input.date, shiftTypeId: input.shiftTypeId, memberId: input.memberId };
    return { id, ...this.write('rota.standInAssigned', standInOps(id, shift, input.standIn, input.note, this.now()), 'only a lead names a stand-in') };
  }

  proposeSwap(from: { date: string; shiftTypeId: string }, to: { date: string; shiftTypeId: string; memberId: string }, note: string): { id: string; queued: boolean } {
    const me = this.needMe();
    const id = newId();
    return { id, ...this.write('rota.swapProposed', [swapProposeOp(id, { ...from, memberId: me }, to, note, this.now())], 'only team members propose swaps') };
  }

  answerSwap(id: string, accepted: boolean): { queued: boolean } {
    return this.write('rota.swapAnswered', [swapAnswerOp(id, accepted, this.now())], 'only team members answer swaps');
  }

  setSettings(input: RotaSettingsChanges): { queued: boolean } {
    const current = this.options.sync.state.get(rotaTeam, ROTA_TEAM_ID)?.fields;
    const changes: Partial<RotaTeamFields> = {
      ...input.rules,
      ...(input.holidays && { holidays: [...input.holidays].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)) }),
      ...(input.patterns && { patterns: input.patterns }),
    };
    if (Object.keys(changes).length === 0) return { queued: false };
    return this.write('rota.teamSet', [rotaTeamSetOp(current, changes)], 'only a lead changes the rota settings');
  }

  applyPattern(patternId: string, from: string, to: string): { slots: number; queued: boolean } {
    const world = this.world();
    const pattern = world.settings.patterns.find((candidate) => candidate.id === patternId);
    if (!pattern) throw new ApiFailure('not-found', 'no such pattern');
    if (from > to) throw new ApiFailure('invalid-input', 'the range ends before it starts');
    const slots = applyPattern(pattern, from, to, dateInZone(this.now(), world.settings.timeZone));
    if (slots.size === 0) return { slots: 0, queued: false };
    return { slots: slots.size, ...this.setSlots(slots) };
  }
}
