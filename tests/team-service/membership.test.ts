import { describe, expect, it } from 'vitest';
import type { AppServices } from '../../electron/services/app-services';
import type { TeamView } from '../../shared/api/team-schemas';
import { askToJoin, call, keysOf, openApp, team, teamOfThree } from './team-apps';

interface FollowUps { items: Array<{ id: string; title: string }> }

/** A follow-up written through the app (an editor's op, `followUp.*`); returns its id. */
async function addFollowUp(app: AppServices, title: string): Promise<string> {
  const me = (await team(app)).me;
  const created = await call<{ ok: boolean; id?: string; issues?: unknown }>(app, 'createFollowUp', {
    title, owner: { memberId: me.memberId, name: me.displayName || '新人' }, dueAt: Date.UTC(2030, 0, 1), category: 'other', departmentId: null, escalation: null,
  });
  if (!created.ok || !created.id) throw new Error(`createFollowUp: ${JSON.stringify(created)}`);
  return created.id;
}

const followUpTitles = async (app: AppServices) =>
  (await call<FollowUps>(app, 'listFollowUps', { scope: 'all' })).items.map((item) => item.title).sort();

const reasonsOf = (view: TeamView, deviceId: string) =>
  view.setAside.filter((op) => op.deviceId === deviceId).map((op) => [op.type, op.reason]);

describe('membership decisions hold on every computer', () => {
  it("a declined newcomer's ops never count, on the admin's and a third computer", async () => {
    const { sharedDir, admin, editor, viewer, syncAll } = await teamOfThree();
    const newcomer = openApp(sharedDir, 'newcomer');
    const request = await askToJoin(admin, newcomer, '陌生人', sharedDir);
    const keys = keysOf(newcomer.profileDir);
    expect(request).toMatchObject({ deviceId: keys.deviceId, existingMember: false, keyMatches: true });
    // Written through the app while it waits (it would count once approved)...
    await addFollowUp(newcomer, '等待时写的');
    await newcomer.sync.flushNow();

    const declined = await call<TeamView>(admin, 'declineJoin', { requestId: request.id });
    expect(declined.pending).toEqual([]);
    // ...and after the decline, before its computer has heard of it.
    await addFollowUp(newcomer, '被拒之后写的');
    await newcomer.sync.flushNow();
    await syncAll();
    await newcomer.sync.syncNow();

    const mine = await team(newcomer);
    expect(mine.me).toMatchObject({ deviceId: keys.deviceId, status: 'declined' });
    expect(reasonsOf(mine, keys.deviceId)).toEqual([['followUp.created', 'device-declined'], ['followUp.created', 'device-declined']]);
    await expect(newcomer.dispatch('setMyDisplayName', { displayName: '再试' })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const app of [admin, editor, viewer]) {
      const view = await team(app);
      expect(view.pending).toEqual([]);
      expect(view.members.map((member) => member.displayName).sort()).toEqual(['李雷', '王主管', '韩梅'].sort());
      expect(view.members.flatMap((member) => member.devices.map((device) => device.deviceId))).not.toContain(keys.deviceId);
      expect(reasonsOf(view, keys.deviceId).sort()).toEqual([
        ['followUp.created', 'device-declined'],
        ['followUp.created', 'device-declined'],
      ]);
      expect(await followUpTitles(app)).toEqual([]);
    }
  });

  it("a removed member's later ops are refused and their earlier ones still count, on every computer", async () => {
    const { admin, editor, everyone, syncAll } = await teamOfThree();
    const editorKeys = keysOf(editor.profileDir);
    const editorMember = (await team(editor)).me.memberId!;
    await addFollowUp(editor, '移除之前');
    await call(editor, 'setMyDisplayName', { displayName: '李雷雷' });
    await editor.sync.flushNow();
    await syncAll();
    for (const app of everyone) expect(await followUpTitles(app)).toEqual(['移除之前']);

    const after = await call<TeamView>(admin, 'removeMember', { memberId: editorMember });
    expect(after.members.map((member) => member.memberId)).not.toContain(editorMember);
    // The editor's computer has not seen the removal yet: it still writes, and publishes.
    await addFollowUp(editor, '移除之后');
    await call(editor, 'setMyDisplayName', { displayName: '移除之后' });
    await editor.sync.flushNow();
    await syncAll();

    for (const app of everyone) {
      const view = await team(app);
      expect(view.members.map((member) => member.memberId)).not.toContain(editorMember);
      expect(view.members.map((member) => member.displayName).sort()).toEqual(['王主管', '韩梅'].sort());
      expect(view.adminCount).toBe(1);
      expect(reasonsOf(view, editorKeys.deviceId).sort()).toEqual([
        ['followUp.created', 'device-revoked'],
        ['member.profileSet', 'device-revoked'],
      ]);
      expect(await followUpTitles(app)).toEqual(['移除之前']);
    }
    const theirs = await team(editor);
    expect(theirs.me.status).toBe('revoked');
    await expect(editor.dispatch('setMyDisplayName', { displayName: '再来' })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it("a member's second computer, approved as that member, writes as them with their roles", async () => {
    const { sharedDir, admin, editor, viewer, everyone, syncAll } = await teamOfThree();
    const editorMember = (await team(editor)).me.memberId!;
    const editorDevice = keysOf(editor.profileDir).deviceId;
    const laptop = openApp(sharedDir, 'laptop');
    const request = await askToJoin(admin, laptop, '李雷', sharedDir);
    const laptopDevice = keysOf(laptop.profileDir).deviceId;
    expect(request).toMatchObject({ deviceId: laptopDevice, keyMatches: true });
    expect(request.memberId).not.toBe(editorMember);

    // The roles given are ignored for an existing member: they keep their own.
    await call(admin, 'approveJoin', { requestId: request.id, roles: ['viewer'], memberId: editorMember });
    await laptop.sync.syncNow();
    const mine = await team(laptop);
    expect(mine.me).toMatchObject({ status: 'approved', memberId: editorMember, roles: ['editor'], isAdmin: false });
    await addFollowUp(laptop, '笔记本写的');
    await call(laptop, 'setMyDisplayName', { displayName: '李雷（笔记本）' });
    await laptop.sync.flushNow();
    const all = [...everyone, laptop];
    await syncAll();
    await laptop.sync.syncNow();

    for (const app of all) {
      const view = await team(app);
      expect(view.setAside).toEqual([]);
      expect(view.members).toHaveLength(3);
      expect(view.members.map((member) => member.memberId)).not.toContain(request.memberId);
      const member = view.members.find((candidate) => candidate.memberId === editorMember)!;
      expect(member).toMatchObject({ displayName: '李雷（笔记本）', roles: ['editor'] });
      expect(member.devices.map((device) => [device.deviceId, device.status])).toEqual([[editorDevice, 'approved'], [laptopDevice, 'approved']]);
      expect(await followUpTitles(app)).toEqual(['笔记本写的']);
    }
    expect((await team(viewer)).members.find((member) => member.memberId === editorMember)?.devices.map((device) => device.isThisDevice)).toEqual([false, false]);
    expect((await team(laptop)).members.find((member) => member.isMe)?.memberId).toBe(editorMember);
  });
});
