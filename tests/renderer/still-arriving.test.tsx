// @vitest-environment jsdom
import { act, createElement, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../renderer/i18n/i18n';
import { HandoverToWriteCard } from '../../renderer/briefing/HandoverCards';
import { ArrivingNote, UnlessArriving } from '../../renderer/sync/StillArriving';
import { useSync } from '../../renderer/sync/sync-store';
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
