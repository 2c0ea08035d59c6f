import type { Role } from '../team';
import { rolesForOp, type Roster } from '../team';

/**
 * What the workflow needs of the team, as plain functions so that tests can state a team in a few
 * lines and the service can build it from the roster the trust layer folded. Who did something is
 * always the member of the op's signing device (the id is `<deviceId>:<counter>`).
 */
export interface TeamFacts {
  memberOfDevice(deviceId: string): string | null;
  /** The roles the device's member held when the op stamped `hlc` was written. */
  rolesAt(deviceId: string, hlc: string): readonly Role[];
  /** Members in the team now, in a stable order. */
  members(): ReadonlyArray<{ readonly memberId: string; readonly name: string; readonly roles: readonly Role[] }>;
}

/** "Is this member on approved leave at this instant": the rota's query, or nobody by default. */
export type OnLeave = (memberId: string, atMs: number) => boolean;
export const nobodyOnLeave: OnLeave = () => false;

export function authorDevice(opId: string): string {
  return opId.slice(0, opId.indexOf(':'));
}

export function teamFactsOf(roster: Roster): TeamFacts {
  const members = [...roster.members.values()]
    .filter((member) => member.removed === null)
    .sort((a, b) => (a.joinedAt < b.joinedAt ? -1 : a.joinedAt > b.joinedAt ? 1 : a.memberId < b.memberId ? -1 : 1))
    .map((member) => ({ memberId: member.memberId, name: member.displayName, roles: member.roles }));
  return {
    memberOfDevice: (deviceId) => {
      const device = roster.devices.get(deviceId);
      // A revoked device's ops up to its revocation still count (the trust layer cuts the rest).
      return device && (device.status === 'approved' || device.status === 'revoked') ? device.memberId : null;
    },
    rolesAt: (deviceId, hlc) => rolesForOp(roster, deviceId, hlc),
    members: () => members,
  };
}

export function rolesNow(facts: TeamFacts, memberId: string): readonly Role[] {
  return facts.members().find((member) => member.memberId === memberId)?.roles ?? [];
}

export function nameOf(facts: TeamFacts, memberId: string): string {
  return facts.members().find((member) => member.memberId === memberId)?.name ?? memberId;
}
