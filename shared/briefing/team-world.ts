import type { Role, Roster } from '../team';
import type { ReadonlySyncState } from '../sync/trust-plug';
import { isOnApprovedLeave, rosterAuthors, rosterMembers, rotaWorldAround, rotaWorldOf, type RotaWorld } from '../rota/queries';
import { hasAcknowledgedShiftSops, sopBriefsIn, sopDocsIn, sopTeamOf, type SopBrief, type SopDoc } from '../sop/queries';
import { campaignsOf, prizeSettingsIn, prizeViews, teamFactsOf, type Campaign, type PrizeSettings, type RequestView } from '../prizes/queries';

/**
 * What the rota, the SOPs and the prize approvals say, built once per briefing through each
 * capability's documented queries. Without a roster (a folder with no team yet, or tests of the
 * handover part alone) there is no rota and no prize request anyone may be asked to decide.
 */
export interface BriefingWorld {
  readonly rota: RotaWorld | null;
  /** Every SOP with a revision, as a brief (from the summaries: a restart reads no SOP's line for these). */
  readonly sops: readonly SopBrief[];
  /** The docs of the SOPs named (their lines read if dormant): for what shows bodies, diffs or history. */
  readonly sopDocs: (ids: readonly string[]) => readonly SopDoc[];
  /**
   * The prize requests still moving (closed ones may stay on disk); for a member's briefing, those
   * it may show them (`prizeViews`' `concerning`: their own unless they may decide a step).
   */
  readonly prizes: readonly RequestView[];
  readonly prizeSettings: PrizeSettings;
  readonly campaigns: readonly Campaign[];
  /** My roles now (which SOPs I must read, which steps I may decide). */
  readonly myRoles: readonly Role[];
}

export interface BriefingWorldOptions {
  /**
   * The rota from the months around `now` only (`rotaWorldAround`): what the briefing asks about.
   * Off for a caller that may ask about any shift (the stand-in pack).
   */
  readonly rotaAroundNow?: boolean;
}

export function briefingWorld(state: ReadonlySyncState, roster: Roster | null, memberId: string | null, now: number, options: BriefingWorldOptions = {}): BriefingWorld {
  const team = roster ? sopTeamOf(roster) : null;
  const sops = sopBriefsIn(state, team);
  const common = { sops, sopDocs: (ids: readonly string[]) => sopDocsIn(state, ids, team), prizeSettings: prizeSettingsIn(state), campaigns: campaignsOf(state) };
  if (!roster) return { ...common, rota: null, prizes: [], myRoles: [] };
  // Cover eligibility asks the SOPs: a colleague must have acknowledged what the shift type requires.
  const people = { members: rosterMembers(roster), authorOf: rosterAuthors(roster) };
  const qualifies = (member: string, shiftTypeId: string) => hasAcknowledgedShiftSops(sops, member, shiftTypeId);
  const rota = options.rotaAroundNow ? rotaWorldAround(state, people, now, qualifies) : rotaWorldOf(state, people, qualifies);
  // The briefing shows requests still moving (closed ones may stay on disk), and a member's only those that may concern them.
  const prizes = prizeViews(state, { facts: teamFactsOf(roster), onLeave: (member, atMs) => isOnApprovedLeave(rota, member, atMs), now, live: true, ...(memberId === null ? {} : { concerning: memberId }) });
  const me = memberId ? roster.members.get(memberId) : undefined;
  return { ...common, rota, prizes, myRoles: me && me.removed === null ? me.roles : [] };
}
