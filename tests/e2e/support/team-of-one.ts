import { call } from './bridge';
import type { Computer } from './fixtures';

/** A team of one: 小林 creates it on the computer's shared folder and takes the admin and editor roles. */
export async function teamOfOne(computer: Computer, name = '小林'): Promise<void> {
  await call(computer, 'createTeam', { memberName: name, teamName: '微博运营组', path: computer.shared });
  const team = await call<{ me: { memberId: string } }>(computer, 'getTeam', {});
  await call(computer, 'setMemberRoles', { memberId: team.me.memberId, roles: ['admin', 'editor'] });
  await computer.page.reload();
}
