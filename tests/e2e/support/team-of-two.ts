import { call } from './bridge';
import { expect, type Computer } from './fixtures';

interface TeamView {
  teamCode: string | null;
  me: { memberId: string | null; roles: string[] };
  pending: Array<{ id: string; memberName: string }>;
}

/**
 * A team of two on one shared folder, set up through the trust layer's operations: 小林 creates
 * it and takes the editor role (writing handovers needs it), 老王 asks to join and is approved as
 * an editor.
 */
export async function teamOfTwo(first: Computer, second: Computer): Promise<void> {
  await call(first, 'createTeam', { memberName: '小林', teamName: '微博运营组', path: first.shared });
  const mine = await call<TeamView>(first, 'getTeam', {});
  await call(first, 'setMemberRoles', { memberId: mine.me.memberId, roles: ['admin', 'editor'] });
  // The code 小林 reads out to 老王 from her Team screen.
  const teamCode = (await call<TeamView>(first, 'getTeam', {})).teamCode;
  await call(second, 'joinTeam', { memberName: '老王', path: second.shared, teamCode });
  await expect.poll(async () => {
    await call(first, 'syncNow', {});
    return (await call<TeamView>(first, 'getTeam', {})).pending.map((request) => request.memberName);
  }).toContain('老王');
  const request = (await call<TeamView>(first, 'getTeam', {})).pending.find((item) => item.memberName === '老王')!;
  await call(first, 'approveJoin', { requestId: request.id, roles: ['editor'] });
  await call(first, 'syncNow', {});
  await expect.poll(async () => {
    await call(second, 'syncNow', {});
    return (await call<TeamView>(second, 'getTeam', {})).me.roles;
  }).toContain('editor');
  for (const computer of [first, second]) await computer.page.reload();
}
