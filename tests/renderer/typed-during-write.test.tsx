// @vitest-environment jsdom
import { act as reactAct, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestDetail } from '../../shared/api/prizes-contract';
import type { ApiResult } from '../../shared/api/result';
import { deferred } from '../support/deferred';

/**
 * What a person does while a write is under way survives its answer. The prizes spec under the
 * full suite: the first winner showed (a push's refresh came back first), the second name was typed,
 * then the first add's own refresh answered and emptied the field, and an empty name was sent.
 * The sop-editor spec: "back to the library" clicked while a save was under way was undone when the
 * save answered and opened the document.
 */


const bridge = vi.hoisted(() => ({
  sent: [] as unknown[],
  getPrizes: null as (() => Promise<unknown>) | null,
  getSopLibrary: null as (() => Promise<unknown>) | null,
}));

vi.mock('../../renderer/bridge/baton', () => ({
  baton: {
    addPrizeWinners: (input: unknown) => {
      bridge.sent.push(input);
      return Promise.resolve({ ok: true, value: { ok: true } });
    },
    getPrizes: () => bridge.getPrizes!(),
    saveSopRevision: () => Promise.resolve({ ok: true, value: { ok: true, id: 'sop-1', revision: 'rev-1' } }),
    getSopLibrary: () => bridge.getSopLibrary!(),
    getSop: () => new Promise(() => undefined),
    getTeamSettings: () => new Promise(() => undefined),
    onTeamDataChanged: () => () => undefined,
    onSyncStatusChanged: () => () => undefined,
    // The empty states ask whether the team is still opening: never answered here, so they are the screens' own.
    getSyncStatus: () => new Promise(() => undefined),
  },
}));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const { FulfilmentPanel } = await import('../../renderer/prizes/FulfilmentPanel');
const { EditorView } = await import('../../renderer/sop/EditorView');
const { useSop, editSop, showLibrary } = await import('../../renderer/sop/sop-store');

const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });
const settle = () => reactAct(() => new Promise((done) => setTimeout(done, 0)));

function type(input: HTMLInputElement, text: string): void {
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input) as object, 'value')!.set!.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const button = (container: HTMLElement, label: string) => {
  const found = [...container.querySelectorAll('button')].find((b) => b.textContent === label);
  if (!found) throw new Error(`no button ${label} among ${[...container.querySelectorAll('button')].map((b) => b.textContent).join(', ')}`);
  return found;
};

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  bridge.sent = [];
});
afterEach(() => {
  reactAct(() => root.unmount());
  container.remove();
});

describe('typed or clicked while a write is under way', () => {
  it("the next winner's name, typed before the first add's refresh answered, is kept and sent", async () => {
    const detail = {
      view: { id: 'req-1', status: 'approved', winners: [], lines: [{ id: 'l1', prize: '蓝牙耳机' }] },
      can: { fulfil: true, close: false },
    } as unknown as RequestDetail;
    await reactAct(async () => root.render(createElement(FulfilmentPanel, { detail })));
    const name = container.querySelector<HTMLInputElement>('form.prize-form__row input')!;
    const refresh = deferred<ApiResult<unknown>>();
    bridge.getPrizes = () => refresh.promise;

    await reactAct(async () => type(name, '小蓝'));
    await reactAct(async () => container.querySelector<HTMLButtonElement>('form.prize-form__row button[type="submit"]')!.click());
    await settle();
    // 小蓝 is in (a push's refresh showed it); the add's own refresh has not answered yet.
    await reactAct(async () => type(name, '阿紫'));
    refresh.resolve(ok({}));
    await settle();
    expect(name.value).toBe('阿紫');

    bridge.getPrizes = () => Promise.resolve(ok({}));
    await reactAct(async () => container.querySelector<HTMLButtonElement>('form.prize-form__row button[type="submit"]')!.click());
    await settle();
    expect(bridge.sent).toEqual([
      { id: 'req-1', winners: [{ weiboName: '小蓝', lineId: 'l1' }] },
      { id: 'req-1', winners: [{ weiboName: '阿紫', lineId: 'l1' }] },
    ]);
    // Nothing typed after it: the field is emptied for the next one.
    expect(name.value).toBe('');
  });

  it('"back to the library", clicked while a new SOP is saving, is not undone by the save', async () => {
    editSop(null);
    await reactAct(async () => root.render(createElement(EditorView, { id: null })));
    const title = container.querySelector<HTMLInputElement>('#sop-title')!;
    await reactAct(async () => type(title, '直播间控评规范'));
    const library = deferred<ApiResult<unknown>>();
    bridge.getSopLibrary = () => library.promise;
    await reactAct(async () => button(container, 'Save draft').click());
    await settle();
    showLibrary();
    library.resolve(ok({}));
    await settle();
    expect(useSop.getState().tab).toBe('library');
  });

  it('a save left alone opens the saved document', async () => {
    editSop(null);
    await reactAct(async () => root.render(createElement(EditorView, { id: null })));
    bridge.getSopLibrary = () => Promise.resolve(ok({}));
    await reactAct(async () => button(container, 'Save draft').click());
    await settle();
    expect(useSop.getState()).toMatchObject({ tab: 'document', sopId: 'sop-1' });
  });
});
