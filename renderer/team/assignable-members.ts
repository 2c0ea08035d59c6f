import type { TeamView } from '../../shared/api/team-schemas';
import type { Person } from '../../shared/team-settings';

/**
 * The people work can be given to: members with an approved computer, in order of joining.
 * Pending and declined requests are not members, removed members are not in the view, and a
 * member whose every computer was revoked cannot act on anything. The person on this computer is
 * always there (a team of one, or a view not loaded yet).
 */
export function assignableMembers(view: TeamView | null, me: Person | null): Person[] {
  const members = (view?.members ?? [])
    .filter((member) => member.displayName !== '' && member.devices.some((device) => device.status === 'approved'))
    .map((member) => ({ memberId: member.memberId, name: member.displayName }));
  return me && !members.some((member) => member.memberId === me.memberId) ? [me, ...members] : members;
}
