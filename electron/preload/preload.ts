import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBatonApi } from '../../shared/api/client';
import type { BatonApi, BatonTransport } from '../../shared/api/contract';
import { ipcChannel, ipcEventChannel } from '../../shared/api/names';
import type { ApiResult } from '../../shared/api/result';

// Sandboxed preloads can require only 'electron' (and a few Node built-ins): esbuild inlines
// everything else into this one CommonJS file, and the test checks that nothing else is required.

const transport: BatonTransport = {
  async invoke(name, input): Promise<ApiResult<unknown>> {
    try {
      return (await ipcRenderer.invoke(ipcChannel(name), input)) as ApiResult<unknown>;
    } catch (error) {
      // The main process answers every call with a result; a rejection means the channel broke
      // (e.g. the payload could not be cloned). The page still gets a result, never a throw.
      return { ok: false, error: { code: 'unavailable', message: error instanceof Error ? error.message : String(error) } };
    }
  },
  subscribe(event, listener) {
    // Only the payload crosses over: the IPC event (with `sender`) stays on this side.
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    const channel = ipcEventChannel(event);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
};

contextBridge.exposeInMainWorld('baton', createBatonApi(transport) satisfies BatonApi);
