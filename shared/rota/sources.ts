import { TEAM_SETTINGS_ID, teamSettings, teamSettingsOf, type ShiftType } from '../team-settings';
import type { ReadonlySyncState } from '../sync';
import { rolesForOp, type Roster } from '../team';
import { ROTA_TEAM_ID, rotaCover, rotaLeave, rotaMonth, rotaSlot, rotaSwap, rotaTeam } from './capabilities';
import type { Qualifies } from './eligibility';
import type { AuthorOf } from './leave';
import { rotaSettingsOf, withLegacyShiftExtras } from './settings';
import { rotaWorld, type RotaMember, type RotaWorld } from './world';

/** Who wrote an op, from the roster: the member of its device (from the op id), their roles at its hlc. */
export function rosterAuthors(roster: Roster): AuthorOf {
  return (opId, hlc) => {
    const deviceId = opId.slice(0, opId.indexOf(':'));
    const memberId = roster.devices.get(deviceId)?.memberId ?? null;
    return { memberId, lead: rolesForOp(roster, deviceId, hlc).includes('lead') };
  };
}

/** Members of the roster as the rota lists them (not removed), by name. */
export function rosterMembers(roster: Roster): RotaMember[] {
  return [...roster.members.values()]
    .filter((member) => member.removed === null)
    .map((member) => ({ memberId: member.memberId, name: member.displayName, roles: member.roles }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.memberId < b.memberId ? -1 : 1));
}

const states = <S>(entries: ReadonlyArray<{ state: S }>) => entries.map((entry) => entry.state);

/** The world from the fold: the one way the service, the CLI and tests build it. */
export function rotaWorldOf(state: ReadonlySyncState, roster: { members: readonly RotaMember[]; authorOf: AuthorOf }, qualifies?: Qualifies): RotaWorld {
  const team = teamSettingsOf(state.get(teamSettings, TEAM_SETTINGS_ID));
  return rotaWorld({
    settings: rotaSettingsOf(state.get(rotaTeam, ROTA_TEAM_ID), team),
    members: roster.members,
    authorOf: roster.authorOf,
    slots: states(state.list(rotaSlot)),
    months: states(state.list(rotaMonth)),
    leaves: states(state.list(rotaLeave)),
    covers: states(state.list(rotaCover)),
    swaps: states(state.list(rotaSwap)),
    ...(qualifies ? { qualifies } : {}),
  });
}

/**
 * The team's shift types as the rota uses them: with the people needed and colour a team set in
 * the rota's settings before those were fields of the shift type. Team settings shows these.
 */
export function rotaShiftTypes(state: ReadonlySyncState, shiftTypes: readonly ShiftType[]): ShiftType[] {
  return withLegacyShiftExtras(shiftTypes, state.get(rotaTeam, ROTA_TEAM_ID));
}
