import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { ipcChannel, ipcEventChannel, operationNames } from '../../shared/api/names';
import type { ApiResult } from '../../shared/api/result';
import type { AppServices } from '../services/app-services';
import type { Logger } from '../services/log';
import { isAppUrl } from './security';

/**
 * Only Baton's own top-level page may call the services. Navigation is already locked to
 * app://baton, but a sender check here means a slip there (or an iframe) still gets nothing.
 */
function senderUrl(event: IpcMainInvokeEvent): string | null {
  try {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return null;
    return frame.url;
  } catch {
    // A frame that navigated away or was destroyed mid-call: treat as untrusted.
    return null;
  }
}

const forbidden: ApiResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This page may not use the Baton bridge' },
};

/** One `baton:<name>` handler per operation; validation and errors live in `services.dispatch`. */
export function registerIpcHandlers(services: AppServices, log: Logger): void {
  for (const name of operationNames) {
    ipcMain.handle(ipcChannel(name), (event, payload: unknown) => {
      const url = senderUrl(event);
      if (url === null || !isAppUrl(url)) {
        log.warn('ipc', `refused ${name} from ${JSON.stringify((url ?? 'a sub-frame or gone frame').slice(0, 200))}`);
        return forbidden;
      }
      return services.dispatch(name, payload);
    });
  }
}

/** Forwards service events to the window; returns the unsubscribe for shutdown. */
export function forwardEvents(services: AppServices, currentWindow: () => BrowserWindow | null): () => void {
  return services.hub.listen((event, payload) => {
    const window = currentWindow();
    if (window && !window.isDestroyed()) window.webContents.send(ipcEventChannel(event), payload);
  });
}
