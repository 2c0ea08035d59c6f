import { describe, expect, it } from 'vitest';
import type { TeamView } from '../../shared/api/team-schemas';
import { askToJoin, openApp, team, teamOfThree } from './team-apps';

/** Issue #17 item 7: the admin is told at once, and nothing is written that every device would set aside. */
describe('contradictory roles (只读 with a role that writes)', () => {
  it('are refused when set or approved, naming the roles, and the member keeps theirs', async () => {
    const { sharedDir, admin } = await teamOfThree();
    const before = await team(admin);
    const editor = before.members.find((member) => member.displayName === '李雷')!;
    await expect(admin.dispatch('setMemberRoles', { memberId: editor.memberId, roles: ['editor', 'viewer'] })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input', issues: [{ path: 'roles' }] },
    });
    const newcomer = openApp(sharedDir, 'newcomer');
    const request = await askToJoin(admin, newcomer, '新人', sharedDir);
    await expect(admin.dispatch('approveJoin', { requestId: request.id, roles: ['viewer', 'approver'] })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    const after: TeamView = await team(admin);
    expect(after.members.find((member) => member.memberId === editor.memberId)?.roles).toEqual(['editor']);
    expect(after.pending.map((pending) => pending.id)).toEqual([request.id]);
    expect(after.setAside).toEqual(before.setAside);
  });
});
