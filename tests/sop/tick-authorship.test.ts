import { describe, expect, it } from 'vitest';
import { shiftOn, type ShiftType } from '../../shared/team-settings';
import { publishOp, reviseOp, shiftChecklist, shiftChecklistId, shiftChecklistView, tickOp, untickOp, type OnShift, type ShiftChecklistState } from '../../shared/sop';
import type { Op } from '../../shared/sync';
import { LI, WANG, ZHAO, docsOf, li, postItem, replica, shanghai, team, wang, zhao } from './harness';

const TZ = 'Asia/Shanghai';
const EARLY: ShiftType = { id: 'early', name: { 'zh-CN': '早班', en: 'Early' }, start: '08:00', end: '16:00' };
const SHIFT = shiftOn('2026-01-05', EARLY, TZ);
const CONTEXT = { shift: SHIFT, shiftType: EARLY, timeZone: TZ, holidays: new Set<string>() };
const KEY = 's1/product-posts/10:00';

/** The rota puts Li on the 5 January early shift; Zhao is not on it. */
const rota: OnShift = (memberId, shift) => (shift.date === SHIFT.date && shift.shiftTypeId === 'early' ? memberId === LI.memberId : null);

function published(lead = wang()): Op[] {
  const first = lead.write(0, reviseOp('s1', { parents: [], title: '内容发布规范', body: '', checklist: [postItem()], area: 'content' }, lead.stamp));
  return [first, lead.write(1, publishOp('s1', first.id, false, lead.stamp))];
}

function viewOf(ticks: Op[], onShift: OnShift = rota, ops = published()) {
  const state = replica([...ops, ...ticks]).get(shiftChecklist, shiftChecklistId(SHIFT)) as ShiftChecklistState | undefined;
  return shiftChecklistView(docsOf(ops), CONTEXT, state ?? null, shanghai('2026-01-05', '11:00'), { team: team(), onShift });
}

const at = (time: string) => shanghai('2026-01-05', time);

describe('who may tick a shift checklist (in the fold, on every device)', () => {
  it("the person the rota puts on the shift ticks; someone not on it is set aside and does not undo the shift's tick", () => {
    const onShift = li();
    const other = zhao();
    const view = viewOf([
      onShift.write(at('10:01'), tickOp(SHIFT, KEY, { link: 'https://weibo.com/1/a' }, onShift.stamp)),
      other.write(at('10:05'), untickOp(SHIFT, KEY, other.stamp)),
      other.write(at('10:06'), tickOp(SHIFT, 's1/product-posts/15:00', {}, other.stamp)),
    ]);
    expect(view.entries.map((entry) => [entry.slot, entry.state, entry.tick?.by.name ?? null])).toEqual([
      ['10:00', 'done', LI.name],
      ['15:00', 'open', null],
    ]);
    expect(view.setAside.map((entry) => [entry.tick.by.memberId, entry.reason])).toEqual([
      [ZHAO.memberId, 'not-on-shift'],
      [ZHAO.memberId, 'not-on-shift'],
    ]);
  });

  it('a lead may tick any shift (correcting the record)', () => {
    const lead = wang();
    const ops = published(lead);
    const view = viewOf([lead.write(at('10:01'), tickOp(SHIFT, KEY, {}, lead.stamp))], rota, ops);
    expect(view.entries[0]).toMatchObject({ state: 'done', tick: { by: WANG } });
    expect(view.setAside).toEqual([]);
  });

  it("a tick in another member's name is set aside, whoever is on the shift", () => {
    const forger = zhao();
    const forged = forger.write(at('10:01'), tickOp(SHIFT, KEY, {}, { by: LI, at: 0 }));
    const view = viewOf([forged], () => true);
    expect(view.entries[0]!.state).toBe('past-due');
    expect(view.setAside).toMatchObject([{ tick: { opId: forged.id }, reason: 'not-own-tick' }]);
  });

  it('a shift the rota does not publish: every allowed role may tick', () => {
    const other = zhao();
    const view = viewOf([other.write(at('10:01'), tickOp(SHIFT, KEY, {}, other.stamp))], () => null);
    expect(view.entries[0]).toMatchObject({ state: 'done', tick: { by: ZHAO } });
  });
});
