import { TEAM_SETTINGS_ID, teamSettings, teamSettingsOf, type Person } from '../team-settings';
import type { SyncStatus } from '../sync/status';
import type { ReadonlySyncState } from '../sync/trust-plug';
import { defaultDuty, myMoment, myNextShift, type BriefingQuery, type DutySource } from './duty';
import { changesSection, followUpsSection, handoverToWriteSection, lastSeenAt, noteSummariesOf, notesNeededFrom, notesOf, previousHandoverSection, previousShiftNotesFrom } from './handover-sections';
import { syncSection } from './sync-section';
import type { Roster } from '../team';
import { campaignsSection, prizesSection } from './prize-sections';
import { rotaDuty } from './rota-duty';
import { rotaRequestsSection } from './rota-sections';
import { checklistSection, sopsSection } from './sop-sections';
import { briefingWorld } from './team-world';
import type { Briefing, BriefingSection } from './types';

export interface BriefingInput {
  readonly state: ReadonlySyncState;
  /** The person on this computer; null before they have a name and a member id. */
  readonly me: Person | null;
  readonly now: number;
  readonly sync: SyncStatus;
  /** Sync notices up to this instant were seen on the sync screen. */
  readonly noticesSeenAt?: number;
  /** The team's roster as the trust layer folded it: who is who, with which roles. Null: no team yet. */
  readonly roster?: Roster | null;
  /** Who is on which shift; by default the published rota, or `defaultDuty` while the team keeps none. */
  readonly duty?: DutySource;
}

/**
 * The shift briefing: a pure function of (state, me, now) and the sync status, the same on every
 * computer holding the same files. Each capability contributes its sections through its
 * documented queries; what a moment shows is decided here.
 */
export function shiftBriefing(input: BriefingInput): Briefing {
  const settings = teamSettingsOf(input.state.get(teamSettings, TEAM_SETTINGS_ID));
  const query: BriefingQuery = { state: input.state, me: input.me, now: input.now, settings };
  const world = briefingWorld(input.state, input.roster ?? null, input.me?.memberId ?? null, input.now, { rotaAroundNow: true });
  const keepsRota = world.rota !== null && world.rota.published.size > 0;
  const duty = (input.duty ?? (keepsRota ? rotaDuty(world.rota!, input.me) : defaultDuty))(query);
  const { moment, mine } = myMoment(duty, input.now);
  // Only the notes this briefing shows: a restart leaves years of older ones on disk. "When was I
  // last here" and the changes come from the notes' summaries; the shift before mine (and my own
  // note for my shift) from the notes of its 3-day window, read only when I have a shift.
  const summaries = noteSummariesOf(query, notesNeededFrom(query, mine, duty.lastShiftEndedAt));
  const notes = mine ? notesOf(query, previousShiftNotesFrom(mine)) : null;
  const since = lastSeenAt(query, duty.lastShiftEndedAt, summaries);

  const previous = notes && previousHandoverSection(query, mine, moment, notes);
  const shown = new Set(previous?.notes.map((note) => note.id) ?? []);
  const sync = syncSection(input.sync, input.noticesSeenAt ?? 0);
  const sections: Array<BriefingSection | null> = [
    {
      kind: 'duty',
      mine,
      onNow: duty.onNow,
      onNext: duty.onNext,
      myNext: mine ? null : myNextShift(duty, input.now),
      leaveUntil: moment === 'leave' ? duty.leaveUntil : null,
    },
    handoverToWriteSection(query, mine, moment, notes?.recent ?? []),
    previous,
    checklistSection(query, world, input.roster ?? null, mine, moment),
    followUpsSection(query, moment),
    prizesSection(query, world),
    rotaRequestsSection(query, world),
    sopsSection(query, world, since),
    changesSection(query, since, summaries, shown),
    campaignsSection(query, world, moment),
    sync,
  ];
  const present = sections.filter((section): section is BriefingSection => section !== null);
  // A folder away or files set aside change what every other section can be trusted to show.
  const ordered = sync.health === 'unavailable' || sync.health === 'problems' ? [sync, ...present.filter((section) => section !== sync)] : present;
  return { now: input.now, timeZone: settings.timeZone, me: input.me, moment, sections: ordered };
}
