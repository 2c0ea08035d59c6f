import type { Role } from '../team';
import type { CoverState, LeaveState, MonthState, Publication, SlotState, SwapState } from './capabilities';
import { everyoneQualifies, type DutyLookup, type Qualifies } from './eligibility';
import { approvedLeaveIndex, leaveView, type AuthorOf, type LeaveView, type RotaSetAside } from './leave';
import { applyCover, applySwap, type CoverView, type DutyPeople, type DutyPerson, type SwapView } from './requests';
import type { Assignment } from './schemas';
import type { RotaSettings } from './settings';
import { compareKeys, parseSlotKey, slotInstance } from './slots';

/**
 * The rota as everyone sees it, derived from the folded entities and the roster: published
 * assignments, then swaps and covers in fold order, then approved leave turning people into gaps.
 * Every device with the same ops derives the same world.
 */

export interface RotaMember {
  readonly memberId: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

export interface RotaSources {
  readonly settings: RotaSettings;
  readonly members: readonly RotaMember[];
  /** The draft's slots, or how to read them: only the rota screen's draft asks (`RotaWorld.draft`, read then once). */
  readonly slots: readonly SlotState[] | (() => readonly SlotState[]);
  readonly months: readonly MonthState[];
  readonly leaves: readonly LeaveState[];
  readonly covers: readonly CoverState[];
  readonly swaps: readonly SwapState[];
  readonly authorOf: AuthorOf;
  /** The SOP capability's "has acknowledged what this shift type requires"; default: everyone. */
  readonly qualifies?: Qualifies;
}

export interface Duty {
  readonly key: string;
  readonly date: string;
  readonly shiftTypeId: string;
  readonly startAt: number;
  readonly endAt: number;
  /** Who works it (leave already taken out). */
  readonly people: readonly DutyPerson[];
  readonly backup: string | null;
  /** People the rota puts on it who are on approved leave and not covered: gaps. */
  readonly onLeave: readonly string[];
  readonly needed: number;
}

export interface DraftSlot {
  readonly assignment: Assignment;
  /** A lead's edit the winner had not seen (two leads, one day, offline): to resolve. */
  readonly conflicts: readonly Assignment[];
}

export interface RotaWorld {
  readonly settings: RotaSettings;
  readonly members: readonly RotaMember[];
  /** What the lead edits: every slot written, whether published or not (read when first asked). */
  readonly draft: ReadonlyMap<string, DraftSlot>;
  /** Per month, the publication in force and the one before it (for "what changed for me"). */
  readonly publications: ReadonlyMap<string, { readonly latest: Publication; readonly previous: Publication | null }>;
  readonly published: ReadonlyMap<string, Assignment>;
  /** Published shifts with swaps, covers and leave applied, by slot key. */
  readonly duties: ReadonlyMap<string, Duty>;
  readonly leaves: readonly LeaveView[];
  readonly covers: readonly CoverView[];
  readonly swaps: readonly SwapView[];
  readonly setAside: readonly RotaSetAside[];
  onLeave(memberId: string, date: string): boolean;
  /** The eligibility lookup over the final duties (for listing who may take an open cover). */
  readonly lookup: DutyLookup;
}

const byHlc = <T extends { hlc: string; opId: string }>(a: T, b: T) => compareKeys(a.hlc, b.hlc) || compareKeys(a.opId, b.opId);

function draftOf(slots: readonly SlotState[]): Map<string, DraftSlot> {
  const draft = new Map<string, DraftSlot>();
  for (const slot of slots) {
    const { primary, backup } = slot.fields;
    const assignment = { primary: primary?.value ?? [], backup: backup?.value ?? null };
    // One losing edit set both fields: shown as the one assignment it wrote.
    const losing = new Map<string, Assignment>();
    for (const conflict of primary?.conflicts ?? []) losing.set(conflict.hlc, { ...assignment, primary: conflict.value });
    for (const conflict of backup?.conflicts ?? []) losing.set(conflict.hlc, { ...(losing.get(conflict.hlc) ?? assignment), backup: conflict.value });
    const conflicts = [...losing.values()];
    draft.set(slot.id, { assignment, conflicts });
  }
  return draft;
}

export function rotaWorld(sources: RotaSources): RotaWorld {
  const { settings, authorOf } = sources;
  const setAside: RotaSetAside[] = [];
  const aside = (entry: RotaSetAside) => setAside.push(entry);

  const publications = new Map<string, { latest: Publication; previous: Publication | null }>();
  const published = new Map<string, Assignment>();
  for (const month of sources.months) {
    const list = month.publications;
    if (list.length === 0) continue;
    publications.set(month.month, { latest: list[list.length - 1]!, previous: list[list.length - 2] ?? null });
    for (const [key, assignment] of Object.entries(list[list.length - 1]!.assignments)) published.set(key, assignment);
  }

  const leaves = sources.leaves.flatMap((state) => leaveView(state, authorOf, aside) ?? []);
  const onLeave = approvedLeaveIndex(leaves);
  const rolesById = new Map(sources.members.map((member) => [member.memberId, member.roles]));

  const people: DutyPeople = new Map();
  for (const [key, assignment] of published) {
    people.set(key, assignment.primary.map((memberId): DutyPerson => ({ memberId, via: 'rota', for: null })));
  }
  const lookup: DutyLookup = {
    settings,
    peopleOn: (key) => people.get(key)?.map((person) => person.memberId),
    onLeave,
    rolesOf: (memberId) => rolesById.get(memberId) ?? [],
    qualifies: sources.qualifies ?? everyoneQualifies,
  };

  // Swaps and covers in one fold order, so that a cover of a swapped shift meets the swap.
  type Request = { hlc: string; opId: string; apply: () => void };
  const swaps: SwapView[] = [];
  const covers: CoverView[] = [];
  const requests: Request[] = [];
  for (const swap of sources.swaps) {
    if (!swap.proposal) continue;
    requests.push({ hlc: swap.proposal.hlc, opId: swap.proposal.opId, apply: () => { const view = applySwap(swap, people, settings, authorOf, aside); if (view) swaps.push(view); } });
  }
  for (const cover of sources.covers) {
    if (!cover.request) continue;
    requests.push({ hlc: cover.request.hlc, opId: cover.request.opId, apply: () => { const view = applyCover(cover, people, lookup, authorOf, aside); if (view) covers.push(view); } });
  }
  for (const request of requests.sort(byHlc)) request.apply();

  const duties = new Map<string, Duty>();
  for (const [key, list] of people) {
    const instance = slotInstance(key, settings);
    if (!instance) continue;
    const { date, shiftTypeId } = parseSlotKey(key);
    const working = list.filter((person) => !onLeave(person.memberId, date));
    const backup = published.get(key)?.backup ?? null;
    duties.set(key, {
      key,
      date,
      shiftTypeId,
      startAt: instance.startAt,
      endAt: instance.endAt,
      people: working,
      backup: backup !== null && onLeave(backup, date) ? null : backup,
      onLeave: list.filter((person) => onLeave(person.memberId, date)).map((person) => person.memberId),
      needed: settings.extras[shiftTypeId]?.needed ?? 1,
    });
  }

  let draft: Map<string, DraftSlot> | null = null;
  const slots = sources.slots;
  return {
    settings,
    members: sources.members,
    get draft() {
      draft ??= draftOf(typeof slots === 'function' ? slots() : slots);
      return draft;
    },
    publications,
    published,
    duties,
    leaves: leaves.sort((a, b) => compareKeys(a.from, b.from) || compareKeys(a.id, b.id)),
    covers: covers.sort((a, b) => compareKeys(a.key, b.key) || compareKeys(a.id, b.id)),
    swaps,
    setAside,
    onLeave,
    lookup,
  };
}
