import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventNames, ipcChannel, ipcEventChannel, operationNames, subscriptionName } from '../../shared/api/names';
import { buildElectronBundles, type BuiltApp } from './support/build-bundles';

type Listener = (...args: unknown[]) => void;

/**
 * Runs the built preload the way a sandboxed renderer does: a bare context whose `require`
 * knows only 'electron'. Anything else the bundle tried to require would throw here, as it
 * would in Electron's sandbox.
 */
function runPreload(source: string) {
  const exposed = new Map<string, unknown>();
  const invoked: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, Set<Listener>>();
  const requested: string[] = [];
  const ipcRenderer = {
    invoke: async (channel: string, ...args: unknown[]) => {
      invoked.push({ channel, args });
      if (channel === ipcChannel('pickFolder')) throw new Error('An object could not be cloned.');
      return { ok: true, value: { channel } };
    },
    on: (channel: string, listener: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
      return ipcRenderer;
    },
    removeListener: (channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer,
  };
  const sandboxRequire = (id: string) => {
    requested.push(id);
    if (id === 'electron') return electron;
    throw new Error(`module not found in the preload sandbox: ${id}`);
  };
  const module = { exports: {} };
  const context = vm.createContext({ require: sandboxRequire, module, exports: module.exports, console });
  vm.runInContext(source, context, { filename: 'preload.cjs' });
  return { exposed, invoked, listeners, requested, ipcRenderer };
}

let built: BuiltApp;
let preload: ReturnType<typeof runPreload>;
let baton: Record<string, (...args: unknown[]) => unknown>;

beforeAll(async () => {
  built = await buildElectronBundles();
  preload = runPreload(readFileSync(join(built.electronDir, 'preload.cjs'), 'utf8'));
  baton = preload.exposed.get('baton') as typeof baton;
});

afterAll(() => built?.cleanup());

describe('the built preload bundle', () => {
  it('requires nothing but electron', () => {
    expect(preload.requested).toEqual(['electron']);
  });

  it('exposes only `baton`, with every operation and subscription as a function', () => {
    expect([...preload.exposed.keys()]).toEqual(['baton']);
    const expected = [...operationNames, ...eventNames.map(subscriptionName)];
    expect(Object.keys(baton).sort()).toEqual([...expected].sort());
    for (const name of expected) expect(typeof baton[name], name).toBe('function');
  });

  it('never hands ipcRenderer (or any of its functions) to the page', () => {
    const values = Object.values(baton);
    expect(values).not.toContain(preload.ipcRenderer);
    for (const fn of Object.values(preload.ipcRenderer)) expect(values).not.toContain(fn);
    expect(JSON.stringify(Object.keys(baton))).not.toMatch(/ipc/i);
  });

  it('invokes the operation on its own channel', async () => {
    for (const name of operationNames.filter((n) => n !== 'pickFolder')) {
      const input = name === 'openExternal' ? { url: 'https://weibo.com/' } : {};
      expect(await baton[name]!(input)).toEqual({ ok: true, value: { channel: ipcChannel(name) } });
      expect(preload.invoked.at(-1)).toEqual({ channel: ipcChannel(name), args: [input] });
    }
    await baton.getSettings!();
    expect(preload.invoked.at(-1)).toEqual({ channel: ipcChannel('getSettings'), args: [{}] });
  });

  it('turns a broken channel into a typed result instead of a throw', async () => {
    expect(await baton.pickFolder!({})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('subscribes to pushes and unsubscribes cleanly', () => {
    const channel = ipcEventChannel('settingsChanged');
    const received: unknown[] = [];
    const unsubscribe = baton.onSettingsChanged!((payload: unknown) => received.push(payload)) as () => void;
    const registered = [...(preload.listeners.get(channel) ?? [])];
    expect(registered).toHaveLength(1);
    registered[0]!({ sender: 'the ipc event must not reach the page' }, { theme: 'dark' });
    expect(received).toEqual([{ theme: 'dark' }]);
    unsubscribe();
    expect(preload.listeners.get(channel)?.size).toBe(0);
  });
});
