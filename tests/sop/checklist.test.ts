import { describe, expect, it } from 'vitest';
import { shiftOn, type ShiftType } from '../../shared/team-settings';
import { handoverChecklist, publishOp, reviseOp, scheduleIssues, shiftChecklist, shiftChecklistView, tickOp, type ChecklistDef } from '../../shared/sop';
import { LI, docsOf, li, postItem, replica, shanghai, team, wang } from './harness';

const TZ = 'Asia/Shanghai';
/** A team without a rota: every tick an allowed role makes counts. */
const NO_ROTA = { team: team(), onShift: () => null };
const EARLY: ShiftType = { id: 'early', name: { 'zh-CN': '早班', en: 'Early' }, start: '08:00', end: '16:00' };
const NIGHT: ShiftType = { id: 'night', name: { 'zh-CN': '夜班', en: 'Night' }, start: '22:00', end: '06:00' };

function published(checklist: ChecklistDef[]) {
  const lead = wang();
  const first = lead.write(0, reviseOp('s1', { parents: [], title: '内容发布规范', body: '', checklist, area: 'content' }, lead.stamp));
  return [first, lead.write(1, publishOp('s1', first.id, false, lead.stamp))];
}

function plan(checklist: ChecklistDef[], date: string, type: ShiftType, holidays: string[] = [], now = 0) {
  const context = { shift: shiftOn(date, type, TZ), shiftType: type, timeZone: TZ, holidays: new Set(holidays) };
  return shiftChecklistView(docsOf(published(checklist)), context, null, now, NO_ROTA);
}

const sweep = postItem({ id: 'sweep', title: '舆情巡查', kind: 'sweep', contentType: null, times: [], everyMinutes: 120, shiftTypeIds: [], days: 'everyday', holidays: 'include' });
const once = postItem({ id: 'dm', title: '清空私信', kind: 'once', contentType: null, times: [], shiftTypeIds: [], days: 'everyday', holidays: 'include' });

describe("a shift's checklist", () => {
  it('two product posts at 10:00 and 15:00 on a weekday early shift', () => {
    const view = plan([postItem()], '2026-01-05', EARLY);
    expect(view.entries.map((entry) => [entry.slot, entry.title, entry.contentType])).toEqual([
      ['10:00', '产品博文', 'product'],
      ['15:00', '产品博文', 'product'],
    ]);
    expect(view.entries[0]!.dueAt).toBe(shanghai('2026-01-05', '10:00'));
  });

  it('not on a Saturday, not on a holiday, not on another shift type', () => {
    expect(plan([postItem()], '2026-01-10', EARLY).entries).toEqual([]);
    expect(plan([postItem()], '2026-01-05', EARLY, ['2026-01-05']).entries).toEqual([]);
    expect(plan([postItem()], '2026-01-05', NIGHT).entries).toEqual([]);
    expect(plan([postItem({ days: 'weekends' })], '2026-01-10', EARLY).entries).toHaveLength(2);
    expect(plan([postItem({ holidays: 'only' })], '2026-01-05', EARLY, ['2026-01-05']).entries).toHaveLength(2);
  });

  it('a weekend day made a working day (调休) takes the weekday items, not the weekend ones', () => {
    const saturday = { shift: shiftOn('2026-01-10', EARLY, TZ), shiftType: EARLY, timeZone: TZ, holidays: new Set<string>(), workdays: new Set(['2026-01-10']) };
    const docs = docsOf(published([postItem(), postItem({ id: 'weekend', days: 'weekends' })]));
    expect(shiftChecklistView(docs, saturday, null, 0, NO_ROTA).entries.map((entry) => entry.itemId)).toEqual(['product-posts', 'product-posts']);
  });

  it('a sweep every 2 hours and a once-per-shift task', () => {
    const view = plan([sweep, once], '2026-01-05', EARLY);
    expect(view.entries.map((entry) => `${entry.slot} ${entry.title}`)).toEqual([
      '10:00 舆情巡查',
      '12:00 舆情巡查',
      '14:00 舆情巡查',
      '16:00 清空私信',
      '16:00 舆情巡查',
    ]);
  });

  it('a shift crossing midnight: a 01:00 post falls on the next day, the weekday is the start date', () => {
    const night = postItem({ id: 'late-post', times: ['23:30', '01:00'], shiftTypeIds: ['night'] });
    const view = plan([night], '2026-01-09', NIGHT); // Friday night into Saturday
    expect(view.entries.map((entry) => entry.dueAt)).toEqual([shanghai('2026-01-09', '23:30'), shanghai('2026-01-10', '01:00')]);
    expect(plan([night], '2026-01-10', NIGHT).entries).toEqual([]);
  });

  it('flags items past their time, shows the next due, and ticks go into the handover', () => {
    const ops = published([postItem()]);
    const shift = shiftOn('2026-01-05', EARLY, TZ);
    const editor = li();
    const tick = editor.write(shanghai('2026-01-05', '10:02'), tickOp(shift, 's1/product-posts/10:00', { link: 'https://weibo.com/123/abc' }, editor.stamp));
    const state = replica([...ops, tick]);
    const ticks = state.get(shiftChecklist, `${shift.date}.${shift.shiftTypeId}`) ?? null;
    const context = { shift, shiftType: EARLY, timeZone: TZ, holidays: new Set<string>() };
    const late = shiftChecklistView(docsOf(ops), context, ticks as never, shanghai('2026-01-05', '15:30'), NO_ROTA);
    expect(late.entries.map((entry) => entry.state)).toEqual(['done', 'past-due']);
    expect(late.next).toBeNull();
    const early = shiftChecklistView(docsOf(ops), context, ticks as never, shanghai('2026-01-05', '11:00'), NO_ROTA);
    expect(early.next?.slot).toBe('15:00');
    expect(handoverChecklist(late, () => '10:02')).toEqual([
      { id: 's1/product-posts/10:00', text: `10:00 产品博文 — ${LI.name} 10:02 https://weibo.com/123/abc`, done: true },
      { id: 's1/product-posts/15:00', text: '15:00 产品博文', done: false },
    ]);
  });

  it('only published versions make the checklist', () => {
    const lead = wang();
    const draft = lead.write(0, reviseOp('s1', { parents: [], title: 't', body: '', checklist: [postItem()], area: 'content' }, lead.stamp));
    const context = { shift: shiftOn('2026-01-05', EARLY, TZ), shiftType: EARLY, timeZone: TZ, holidays: new Set<string>() };
    expect(shiftChecklistView(docsOf([draft]), context, null, 0, NO_ROTA).entries).toEqual([]);
  });
});

describe('schedules a person types wrong', () => {
  it('a sweep every minute is too frequent; a time outside every shift never fires', () => {
    expect(scheduleIssues({ ...sweep, everyMinutes: 1 }, [EARLY])).toEqual([{ code: 'too-frequent', path: ['everyMinutes'], params: { min: 15, everyMinutes: 1 } }]);
    expect(scheduleIssues(postItem({ times: ['20:00'] }), [EARLY])).toEqual([{ code: 'never-fires', path: ['times'], params: { time: '20:00' } }]);
    expect(scheduleIssues(postItem({ times: [] }), [EARLY])).toEqual([{ code: 'no-times', path: ['times'], params: {} }]);
    expect(scheduleIssues(postItem({ shiftTypeIds: ['gone'] }), [EARLY])[0]).toMatchObject({ code: 'unknown-shift-type' });
    expect(scheduleIssues(postItem({ times: ['01:00'], shiftTypeIds: ['night'] }), [EARLY, NIGHT])).toEqual([]);
    expect(scheduleIssues(postItem(), [EARLY])).toEqual([]);
  });
});
