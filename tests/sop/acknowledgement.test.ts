import { describe, expect, it } from 'vitest';
import {
  acknowledgeOp,
  busFactor,
  hasAcknowledgedShiftSops,
  pendingAcknowledgements,
  pendingBySop,
  publishOp,
  publishedSince,
  reviewsDue,
  reviewsDueFor,
  reviseOp,
  setMetaOp,
} from '../../shared/sop';
import type { Op } from '../../shared/sync';
import { HOUR, LI, MINUTE, WANG, ZHAO, docsOf, li, shanghai, team, wang, zhao } from './harness';

const T = shanghai('2026-01-05', '09:00');

/** Wang writes and publishes v1 (required for the early shift, for editors); Li acknowledges it. */
function v1() {
  const lead = wang();
  const first = lead.write(T, reviseOp('s1', { parents: [], title: '粉丝互动规范', body: '私信 2 小时内回复。', checklist: [], area: 'fans' }, lead.stamp));
  const meta = lead.write(T, setMetaOp(null, 's1', { requiredRoles: ['editor'], shiftTypeIds: ['early'], owner: WANG, backupOwner: LI }, lead.stamp));
  const published = lead.write(T + MINUTE, publishOp('s1', first.id, false, lead.stamp));
  const editor = li();
  const ack = editor.write(T + HOUR, acknowledgeOp('s1', first.id, editor.stamp));
  return { lead, editor, ops: [first, meta, published, ack] as Op[], first };
}

function v2(minor: boolean) {
  const { lead, editor, ops, first } = v1();
  const second = lead.write(T + 2 * HOUR, reviseOp('s1', { parents: [first.id], title: '粉丝互动规范', body: '私信 1 小时内回复。', checklist: [] }, lead.stamp));
  const published = lead.write(T + 2 * HOUR + MINUTE, publishOp('s1', second.id, minor, lead.stamp));
  return { lead, editor, ops: [...ops, second, published], second };
}

describe('read and acknowledge', () => {
  it('asks the members whose roles the SOP names, until they acknowledge', () => {
    const docs = docsOf(v1().ops);
    expect(pendingAcknowledgements(docs, { memberId: LI.memberId, roles: ['editor'] })).toEqual([]);
    const zhaoPending = pendingAcknowledgements(docs, { memberId: ZHAO.memberId, roles: ['editor'] });
    expect(zhaoPending).toMatchObject([{ sopId: 's1', version: 1, lastAcknowledgedVersion: null }]);
    expect(zhaoPending[0]!.diff).toEqual([{ kind: 'added', text: '私信 2 小时内回复。' }]);
    // A viewer is not named by the SOP's roles.
    expect(pendingAcknowledgements(docs, { memberId: 'm-guest', roles: ['viewer'] })).toEqual([]);
    expect(pendingBySop(docs, team())).toEqual([{ sopId: 's1', title: '粉丝互动规范', waiting: [{ memberId: WANG.memberId, name: WANG.name }, { memberId: ZHAO.memberId, name: ZHAO.name }] }]);
  });

  it('the lead who published it must acknowledge it too, even when the roles it names are not theirs', () => {
    const docs = docsOf(v1().ops, team([WANG.memberId], { [WANG.memberId]: ['lead'] }));
    expect(pendingAcknowledgements(docs, { memberId: WANG.memberId, roles: ['lead'] })).toMatchObject([{ sopId: 's1', version: 1 }]);
    // Another lead who did not publish it is not asked (the SOP names editors only).
    expect(pendingAcknowledgements(docs, { memberId: 'm-other-lead', roles: ['lead'] })).toEqual([]);
    expect(pendingBySop(docs, team([WANG.memberId], { [WANG.memberId]: ['lead'] }))[0]!.waiting.map((member) => member.memberId)).toEqual([WANG.memberId, ZHAO.memberId]);
  });

  it('a new version asks again, showing the diff since the version last acknowledged', () => {
    const docs = docsOf(v2(false).ops);
    const pending = pendingAcknowledgements(docs, { memberId: LI.memberId, roles: ['editor'] });
    expect(pending).toMatchObject([{ version: 2, lastAcknowledgedVersion: 1 }]);
    expect(pending[0]!.diff).toEqual([
      { kind: 'removed', text: '私信 2 小时内回复。' },
      { kind: 'added', text: '私信 1 小时内回复。' },
    ]);
    expect(hasAcknowledgedShiftSops(docs, LI.memberId, 'early')).toBe(false);
  });

  it('a minor change does not ask again, but someone who never acknowledged is still asked', () => {
    const docs = docsOf(v2(true).ops);
    expect(pendingAcknowledgements(docs, { memberId: LI.memberId, roles: ['editor'] })).toEqual([]);
    expect(hasAcknowledgedShiftSops(docs, LI.memberId, 'early')).toBe(true);
    expect(pendingAcknowledgements(docs, { memberId: ZHAO.memberId, roles: ['editor'] })).toMatchObject([{ version: 2 }]);
  });

  it("the rota's question: every SOP the shift type requires, acknowledged in its current version", () => {
    const { ops, second, editor } = v2(false);
    const docs = docsOf(ops);
    expect(hasAcknowledgedShiftSops(docs, LI.memberId, 'early')).toBe(false);
    expect(hasAcknowledgedShiftSops(docs, LI.memberId, 'late')).toBe(true);
    const ack = editor.write(T + 3 * HOUR, acknowledgeOp('s1', second.id, editor.stamp));
    expect(hasAcknowledgedShiftSops(docsOf([...ops, ack]), LI.memberId, 'early')).toBe(true);
  });

  it('lists versions published since an instant', () => {
    const docs = docsOf(v2(true).ops);
    expect(publishedSince(docs, T + HOUR).map((entry) => [entry.version, entry.minor, entry.publishedBy])).toEqual([[2, true, WANG.name]]);
    expect(publishedSince(docs, 0)).toHaveLength(2);
  });
});

describe('periodic review and bus factor', () => {
  it('flags an SOP past its review-by date to its owner and the leads', () => {
    const { ops, lead } = v1();
    const dated = lead.write(T + HOUR, setMetaOp(null, 's1', { reviewBy: '2026-01-01' }, lead.stamp));
    const docs = docsOf([...ops, dated]);
    expect(reviewsDue(docs, '2026-01-05', team())).toEqual([{ sopId: 's1', title: '粉丝互动规范', reviewBy: '2026-01-01', ownerId: WANG.memberId, notify: [WANG.memberId] }]);
    expect(reviewsDue(docs, '2025-12-31', team())).toEqual([]);
  });

  it("shows each person only the review flags that are theirs: the owner's, and every one to a lead", () => {
    const { ops, lead } = v1();
    const owned = lead.write(T + HOUR, setMetaOp(null, 's1', { reviewBy: '2026-01-01', owner: ZHAO }, lead.stamp));
    const docs = docsOf([...ops, owned]);
    expect(reviewsDueFor(docs, ZHAO.memberId, '2026-01-05', team()).map((due) => due.sopId)).toEqual(['s1']);
    expect(reviewsDueFor(docs, WANG.memberId, '2026-01-05', team()).map((due) => due.sopId)).toEqual(['s1']);
    expect(reviewsDueFor(docs, LI.memberId, '2026-01-05', team())).toEqual([]);
    expect(reviewsDueFor(docs, ZHAO.memberId, '2026-01-01', team())).toEqual([]);
  });

  it('counts per area who acknowledged and who could run it; an area one person knows is flagged', () => {
    const { ops, lead } = v1();
    const other = zhao();
    const solo = lead.write(T, reviseOp('s2', { parents: [], title: '舆情日报', body: '每天 17:00 前发出。', checklist: [], area: 'monitoring' }, lead.stamp));
    const soloMeta = lead.write(T, setMetaOp(null, 's2', { owner: ZHAO }, lead.stamp));
    const soloPublished = lead.write(T + MINUTE, publishOp('s2', solo.id, false, lead.stamp));
    const soloAck = other.write(T + HOUR, acknowledgeOp('s2', solo.id, other.stamp));
    const areas = busFactor(docsOf([...ops, solo, soloMeta, soloPublished, soloAck]), team());
    const fans = areas.find((area) => area.area === 'fans')!;
    expect(fans).toMatchObject({ sops: 1, owners: [WANG.name], backups: [LI.name], acknowledged: 1, couldRun: 2, flagged: false, lastReviewAt: T + MINUTE });
    const monitoring = areas.find((area) => area.area === 'monitoring')!;
    expect(monitoring).toMatchObject({ sops: 1, acknowledged: 1, couldRun: 1, flagged: true });
    expect(areas.find((area) => area.area === 'partnerships')).toMatchObject({ sops: 0, couldRun: 0, flagged: true });
  });
});
