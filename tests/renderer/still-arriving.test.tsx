// @vitest-environment jsdom
import { act, createElement, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../renderer/i18n/i18n';
import { HandoverToWriteCard } from '../../renderer/briefing/HandoverCards';
import { ChecksList } from '../../renderer/rota/ChecksList';
import { SlotChip } from '../../renderer/rota/MonthGrid';
import { OnNow } from '../../renderer/rota/OnNow';
import { useRota } from '../../renderer/rota/rota-store';
import { ArrivingNote, UnlessArriving } from '../../renderer/sync/StillArriving';
import { useSync } from '../../renderer/sync/sync-store';
import type { OnDutyView, RotaSlotView, RotaView } from '../../shared/api/rota-views';
import { syncStatus } from './sync-status-fixture';

// A bridge that answers nothing: the store holds what each test puts in it.
vi.hoisted(() => {
  const quiet = new Proxy({}, { get: (_, name) => (String(name).startsWith('on') ? () => () => undefined : () => new Promise(() => undefined)) });
  Object.assign(window, { baton: quiet });
});

const status = syncStatus;

// Rendered into a document, as the app is: the store's state is read as the app reads it (a server render would read its initial state).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
function renderToStaticMarkup(element: ReactElement): string {
  const container = document.createElement('div');
  const root = createRoot(container);
  act(() => root.render(element));
  const html = container.innerHTML;
  act(() => root.unmount());
  return html;
}

const empty = createElement('p', { className: 'muted' }, '还没有交接班记录');
const render = (props: Parameters<typeof UnlessArriving>[0]) => renderToStaticMarkup(createElement(UnlessArriving, props));

describe('an empty list while the team is still being opened', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('zh-CN');
  });
  afterEach(() => useSync.setState({ status: null }));

  it('says the records are still being read, in every phase of the open, not that there are none', () => {
    for (const opening of [
      { phase: 'folder', done: 0, total: 0 },
      { phase: 'snapshot', done: 10, total: 100 },
      { phase: 'segments', done: 29, total: 100 },
    ] as const) {
      useSync.setState({ status: status(opening) });
      const html = render({ children: empty });
      expect(html).toContain('记录还在读取中…');
      expect(html).toContain('团队的记录还没读完');
      expect(html).not.toContain('还没有交接班记录');
    }
  });

  it('is the screen’s own empty state once open, and while the status is not known yet', () => {
    useSync.setState({ status: status(null) });
    expect(render({ children: empty })).toBe('<p class="muted">还没有交接班记录</p>');
    useSync.setState({ status: null });
    expect(render({ children: empty })).toBe('<p class="muted">还没有交接班记录</p>');
  });

  it('a line stands where a card’s "none" stood, with its classes, and the words follow the language', async () => {
    useSync.setState({ status: status({ phase: 'segments', done: 1, total: 2 }) });
    expect(render({ children: empty, variant: 'line', className: 'muted history__count' })).toBe('<p class="muted history__count still-arriving" role="status">记录还在读取中…</p>');
    await i18n.changeLanguage('en');
    expect(render({ children: empty, variant: 'line' })).toBe(`<p class="muted still-arriving" role="status">Still reading the team's records…</p>`);
    await i18n.changeLanguage('zh-CN');
  });

  it('says nothing where a note just above says it already', () => {
    useSync.setState({ status: status({ phase: 'segments', done: 1, total: 2 }) });
    expect(render({ children: empty, variant: 'hidden' })).toBe('');
    useSync.setState({ status: status(null) });
    expect(render({ children: empty, variant: 'hidden' })).toBe('<p class="muted">还没有交接班记录</p>');
  });

  it('the note on its own shows only while opening, with the place’s own second line', () => {
    const note = () => renderToStaticMarkup(createElement(ArrivingNote, { body: '简报里暂时没有的内容' }));
    useSync.setState({ status: status(null) });
    expect(note()).toBe('');
    useSync.setState({ status: status({ phase: 'snapshot', done: 0, total: 0 }) });
    expect(note()).toContain('简报里暂时没有的内容');
  });

  it('the briefing’s "note not written yet" says it may only not be read yet while opening', () => {
    const section = { kind: 'handoverToWrite' as const, shift: { date: '2026-12-07', shiftTypeId: 'late', startAt: 0, endAt: 1 }, place: { screen: 'handover' } };
    const card = () => renderToStaticMarkup(createElement(HandoverToWriteCard, { section, timeZone: 'Asia/Shanghai', shiftTypes: [{ id: 'late', name: { 'zh-CN': '晚班', en: 'late shift' }, start: '15:00', end: '23:00' }] as never }));
    useSync.setState({ status: status({ phase: 'segments', done: 1, total: 2 }) });
    expect(card()).toContain('晚班的交接班记录可能还没写（记录还在读取中）');
    useSync.setState({ status: status(null) });
    expect(card()).toContain('晚班的交接班记录还没写');
    expect(card()).not.toContain('可能');
  });
});

describe('the rota while the team is still being opened', () => {
  const early = { id: 'early', name: { 'zh-CN': '早班', en: 'Early' }, start: '08:00', end: '16:00', needed: 1, colour: '#36c', retired: false };
  const duty = { key: '2026-12-08/early', date: '2026-12-08', shiftTypeId: 'early', startAt: 2, endAt: 3, people: [{ memberId: 'm1', via: 'rota' }], backup: null, onLeave: [], needed: 1 };
  const onDuty = (now: readonly unknown[], next: readonly unknown[]) =>
    ({ timeZone: 'Asia/Shanghai', shiftTypes: [early], names: { m1: '小林' }, now, next, myNext: [], news: [], myCovers: [] }) as unknown as OnDutyView;
  const slot: RotaSlotView = { key: '2026-12-07/early', date: '2026-12-07', shiftTypeId: 'early', startAt: 0, endAt: 1, duty: null, draft: null, conflicts: [], unpublished: false, checks: [] };
  const view = (planned: boolean, lead = false) =>
    ({
      timeZone: 'Asia/Shanghai',
      shiftTypes: [early],
      members: [{ memberId: 'm1', name: '小林' }],
      me: { memberId: 'm1', lead, member: true },
      days: [{ date: '2026-12-07', holiday: null, weekend: false, slots: [slot] }],
      checks: [],
      unplanned: planned ? [] : ['2026-12'],
      months: [{ month: '2026-12', publishedAt: null, unpublished: 0, planned }],
    }) as unknown as RotaView;
  const onNow = () => renderToStaticMarkup(createElement(OnNow));
  const chip = (planned: boolean) => renderToStaticMarkup(createElement(SlotChip, { slot, view: view(planned) }));
  const opening = () => useSync.setState({ status: status({ phase: 'segments', done: 1, total: 2 }) });

  beforeAll(async () => {
    await i18n.changeLanguage('zh-CN');
  });
  afterEach(() => {
    useSync.setState({ status: null });
    useRota.setState({ onDuty: null });
  });

  it('the header does not say nobody is on duty, but that the rota is still being read', async () => {
    useRota.setState({ onDuty: onDuty([], [duty]) });
    opening();
    expect(onNow()).toContain('值班表还在读取中…');
    expect(onNow()).not.toContain('现在无人当班');
    expect(onNow()).toContain('下一班');
    await i18n.changeLanguage('en');
    expect(onNow()).toContain('still reading the rota…');
    expect(onNow()).not.toContain('nobody on duty');
    await i18n.changeLanguage('zh-CN');
  });

  it('says so even before any shift is known, and says nothing once open with no shift at all', () => {
    for (const known of [null, onDuty([], [])]) {
      useRota.setState({ onDuty: known });
      opening();
      expect(onNow()).toContain('值班表还在读取中…');
      useSync.setState({ status: status(null) });
      expect(onNow()).toBe('');
    }
  });

  it('once open, "nobody on duty" again; someone on duty is named either way', () => {
    useRota.setState({ onDuty: onDuty([], [duty]) });
    useSync.setState({ status: status(null) });
    expect(onNow()).toContain('现在无人当班');
    expect(onNow()).not.toContain('还在读取');
    useRota.setState({ onDuty: onDuty([duty], []) });
    opening();
    expect(onNow()).toContain('早班 小林');
    expect(onNow()).not.toContain('还在读取');
  });

  it('an empty shift in the grid is neither "not planned" nor a gap while the records are read', async () => {
    opening();
    for (const planned of [false, true]) {
      expect(chip(planned)).toContain('还在读取…');
      expect(chip(planned)).not.toContain('未排班');
      expect(chip(planned)).not.toContain('空缺');
    }
    await i18n.changeLanguage('en');
    expect(chip(false)).toContain('Still reading…');
    expect(chip(false)).not.toContain('Not planned');
    await i18n.changeLanguage('zh-CN');
    useSync.setState({ status: status(null) });
    expect(chip(false)).toContain('未排班');
    expect(chip(true)).toContain('空缺');
    expect(chip(false)).not.toContain('还在读取');
  });

  it('the lead’s checks do not name a month as having nothing planned while the records are read', () => {
    const checks = () => renderToStaticMarkup(createElement(ChecksList, { view: view(false, true) }));
    opening();
    expect(checks()).not.toContain('还没有排班');
    expect(checks()).toContain('记录还在读取中…');
    useSync.setState({ status: status(null) });
    expect(checks()).toContain('2026年12月还没有排班');
  });
});
