import { describe, expect, it } from 'vitest';
import type { TeamView } from '../../shared/api/team-schemas';
import { assignableMembers } from '../../renderer/team/assignable-members';

type Member = TeamView['members'][number];

const member = (memberId: string, displayName: string, statuses: Array<Member['devices'][number]['status']>): Member => ({
  memberId,
  displayName,
  roles: ['editor'],
  isRoot: false,
  isMe: false,
  rolesConflict: false,
  joinedAt: memberId,
  devices: statuses.map((status, index) => ({ deviceId: `${memberId}-${index}`, status, lastSeenAt: null, isThisDevice: false })),
});

const view = (members: Member[]): TeamView => ({
  available: true,
  opening: false,
  trustActive: true,
  teamId: 't',
  teamName: '微博运营组',
  teamCode: null,
  me: { deviceId: 'lin-0', memberId: 'lin', status: 'approved', roles: ['editor'], displayName: '小林', isAdmin: false },
  members,
  pending: [],
  adminCount: 1,
  setAside: [],
});

const LIN = { memberId: 'lin', name: '小林' };

describe('who a follow-up can be given to', () => {
  it('members with an approved computer, in the order of the team view', () => {
    const team = view([member('lin', '小林', ['approved']), member('wang', '老王', ['revoked', 'approved']), member('zhao', '赵敏', ['revoked'])]);
    expect(assignableMembers(team, LIN)).toEqual([LIN, { memberId: 'wang', name: '老王' }]);
  });

  it('the person on this computer, even before the team view has them', () => {
    expect(assignableMembers(null, LIN)).toEqual([LIN]);
    expect(assignableMembers(view([member('wang', '老王', ['approved'])]), LIN)).toEqual([LIN, { memberId: 'wang', name: '老王' }]);
    expect(assignableMembers(null, null)).toEqual([]);
  });

  it('a member without a name yet is not offered (a person has a name)', () => {
    expect(assignableMembers(view([member('x', '', ['approved'])]), null)).toEqual([]);
  });
});
