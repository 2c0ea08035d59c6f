import { describe, expect, it } from 'vitest';
import { teamCapabilities } from '../../shared/capabilities';
import { shiftBriefing } from '../../shared/briefing';
import { acknowledgeOp, publishOp, reviseOp } from '../../shared/sop/builders';
import { lwwSetData } from '../../shared/sync';
import { followUpData } from '../handover/harness';
import { restartedFrom } from '../sync/restarted';
import { healthySync } from './seeded-team';
import { CHEN, LEAD, WANG, ZHAO, at, me, roster, seededWholeTeam, withRotaRequests } from './whole-team';

/**
 * After a restart the briefing reads the SOPs from the summaries the local base's index stores
 * (shared/sync/README.md "Summaries"): it must show what a fold of everything shows, reading whole
 * only the SOPs whose diff it counts (one I acknowledged an earlier version of).
 */
function team() {
  const team = seededWholeTeam();
  withRotaRequests(team);
  const stamp = (member: typeof LEAD, wall: number) => ({ by: me(member), at: wall });
  // A second SOP: 赵敏 acknowledged version 1, version 2 (major) is out: she must re-acknowledge, with a diff.
  const first = team.write(LEAD, reviseOp('sop-replies', { parents: [], title: '回复规范', body: '# 回复\n\n先致谢。\n再回答。', checklist: [] }, stamp(LEAD, at('09:00', '2025-12-22'))), at('09:00', '2025-12-22'));
  team.write(LEAD, publishOp('sop-replies', first.id, false, stamp(LEAD, at('09:05', '2025-12-22'))), at('09:05', '2025-12-22'));
  team.write(ZHAO, acknowledgeOp('sop-replies', first.id, stamp(ZHAO, at('10:00', '2025-12-22'))), at('10:00', '2025-12-22'));
  const second = team.write(LEAD, reviseOp('sop-replies', { parents: [first.id], title: '回复规范', body: '# 回复\n\n先致谢。\n再回答，附链接。\n最后署名。', checklist: [] }, stamp(LEAD, at('09:00', '2026-01-03'))), at('09:00', '2026-01-03'));
  team.write(LEAD, publishOp('sop-replies', second.id, false, stamp(LEAD, at('09:05', '2026-01-03'))), at('09:05', '2026-01-03'));
  // A third, published and acknowledged by everyone who must: nothing of it is read.
  const third = team.write(LEAD, reviseOp('sop-tone', { parents: [], title: '语气', body: '亲切、简短。', checklist: [] }, stamp(LEAD, at('09:00', '2025-12-23'))), at('09:00', '2025-12-23'));
  team.write(LEAD, publishOp('sop-tone', third.id, true, stamp(LEAD, at('09:05', '2025-12-23'))), at('09:05', '2025-12-23'));
  for (const member of [ZHAO, WANG]) team.write(member, acknowledgeOp('sop-tone', third.id, stamp(member, at('10:00', '2025-12-23'))), at('10:00', '2025-12-23'));
  // Follow-ups: one overdue, one escalated and waiting, one done (closed: not listed).
  const followUps = [
    { id: 'fu-overdue', owner: ZHAO, title: '回复粉丝关于物流的私信', dueAt: at('07:00'), status: null },
    { id: 'fu-waiting', owner: WANG, title: '投诉：赠品未收到', dueAt: at('20:00'), status: 'waiting' as const },
    { id: 'fu-done', owner: WANG, title: '整理本周活动数据', dueAt: at('18:00'), status: 'done' as const },
  ];
  for (const { id, owner, title, dueAt, status } of followUps) {
    team.write(LEAD, { type: 'followUp.created', entity: `followUp:${id}`, data: followUpData({ title, owner: me(owner), dueAt, createdBy: me(LEAD), at: at('06:00') }) }, at('06:00'));
    if (status) team.write(LEAD, { type: 'followUp.updated', entity: `followUp:${id}`, data: { ...lwwSetData(undefined, { status }), by: me(LEAD), at: at('06:30') } }, at('06:30'));
  }
  return team;
}

describe('a restart\'s briefing from the SOP summaries', () => {
  it('shows what a fold of everything shows, reading only the SOPs whose diff it counts', () => {
    const whole = team();
    const source = whole.state();
    for (const who of [ZHAO, WANG, LEAD, CHEN]) {
      for (const now of [at('07:50'), at('10:05'), at('16:10'), at('09:00', '2026-01-07')]) {
        const { state, woken } = restartedFrom(source, teamCapabilities, undefined, { summaries: true });
        const input = { me: me(who), now, sync: healthySync, roster: roster() };
        const restarted = shiftBriefing({ ...input, state });
        expect(restarted).toEqual(shiftBriefing({ ...input, state: source }));
        const sopsRead = woken.filter((entity) => entity.startsWith('sop:'));
        expect(sopsRead).toEqual(who === ZHAO ? ['sop:sop-replies'] : []);
        // Running follow-ups come from their summaries too: none is read.
        expect(woken.filter((entity) => entity.startsWith('followUp:'))).toEqual([]);
      }
    }
    // The follow-ups it lists are the running ones, read from summaries.
    const followUps = shiftBriefing({ state: source, me: me(ZHAO), now: at('10:05'), sync: healthySync, roster: roster() }).sections.find((section) => section.kind === 'followUps');
    expect(followUps).toMatchObject({ kind: 'followUps', items: [{ id: 'fu-overdue', overdue: true }, { id: 'fu-waiting' }], more: 0 });
    // 赵敏's briefing names both SOPs to acknowledge, with the diff's counts for the one she read before.
    const briefing = shiftBriefing({ state: source, me: me(ZHAO), now: at('07:50'), sync: healthySync, roster: roster() });
    const sops = briefing.sections.find((section) => section.kind === 'sops');
    expect(sops).toMatchObject({ toAcknowledge: [{ sopId: 'sop-posts', lastAcknowledgedVersion: null }, { sopId: 'sop-replies', version: 2, lastAcknowledgedVersion: 1, linesAdded: 2, linesRemoved: 1 }] });
  });
});
