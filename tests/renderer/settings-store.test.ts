// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../shared/api/result';
import { defaultSettings, type Settings } from '../../shared/settings/schema';
import { deferred } from '../support/deferred';

/**
 * The settings a page shows follow the service's pushes even when an answer given before a change
 * arrives after that change's push: the race behind the date-fields spec (a language chosen over
 * the bridge right after the first run's reload was not followed by the page).
 */


const bridge = vi.hoisted(() => ({
  push: null as ((settings: unknown) => void) | null,
  getAppInfo: null as (() => Promise<unknown>) | null,
  getSettings: null as (() => Promise<unknown>) | null,
  updateSettings: null as ((patch: unknown) => Promise<unknown>) | null,
}));

vi.mock('../../renderer/bridge/baton', () => ({
  baton: {
    getAppInfo: () => bridge.getAppInfo!(),
    getSettings: () => bridge.getSettings!(),
    updateSettings: (patch: unknown) => bridge.updateSettings!(patch),
    onSettingsChanged: (listener: (settings: unknown) => void) => {
      bridge.push = listener;
      return () => (bridge.push = null);
    },
  },
}));

const { useBoot } = await import('../../renderer/app/stores/boot-store');
const { followSettingsChanges, settingsFromService, useSettings } = await import('../../renderer/app/stores/settings-store');

const english: Settings = { ...defaultSettings, language: 'en', firstRunDone: true };
const chinese: Settings = { ...english, language: 'zh-CN' };
const ok = <T,>(value: T): ApiResult<T> => ({ ok: true, value });
const info = { name: 'Baton', version: '0', host: 'web', versions: {}, platform: 'linux', canPickFolder: false, profileDir: '/p', embeddedSharedDir: '/s' };
const settled = () => new Promise((done) => setTimeout(done, 0));

describe('settings answers and pushes travel apart', () => {
  beforeEach(() => useSettings.setState({ settings: null }));

  it("the boot's read, answered before a language change and arriving after its push, does not undo it", async () => {
    const stop = followSettingsChanges();
    const appInfo = deferred<ApiResult<typeof info>>();
    // The service answers the read at once (English), the app info later.
    bridge.getSettings = () => Promise.resolve(ok(english));
    bridge.getAppInfo = () => appInfo.promise;
    const boot = useBoot.getState().start();
    await settled();
    // Meanwhile Chinese is chosen over the bridge: the service pushes it.
    bridge.push!(chinese);
    appInfo.resolve(ok(info));
    await boot;
    expect(useBoot.getState().phase).toEqual({ kind: 'ready' });
    expect(useSettings.getState().settings?.language).toBe('zh-CN');
    stop();
  });

  it('with no push meanwhile, the answer is shown', async () => {
    const stop = followSettingsChanges();
    bridge.getSettings = () => Promise.resolve(ok(english));
    bridge.getAppInfo = () => Promise.resolve(ok(info));
    await useBoot.getState().start();
    expect(useSettings.getState().settings).toEqual(english);
    stop();
  });

  it("the first run's answer (or the sample team's, or a save's) yields to a push that arrived meanwhile", async () => {
    const stop = followSettingsChanges();
    const answer = deferred<ApiResult<Settings>>();
    const call = settingsFromService(() => answer.promise);
    bridge.push!(chinese);
    answer.resolve(ok(english));
    await call;
    expect(useSettings.getState().settings?.language).toBe('zh-CN');
    bridge.updateSettings = () => Promise.resolve(ok({ ...chinese, theme: 'dark' }));
    await useSettings.getState().save({ theme: 'dark' });
    expect(useSettings.getState().settings).toEqual({ ...chinese, theme: 'dark' });
    stop();
  });
});
