import { app, shell, type Session, type WebContents } from 'electron';
import { isExternalWebUrl } from '../../shared/security/csp';
import type { Logger } from '../services/log';
import { appHost, appScheme } from './protocol';

/**
 * Node's URL gives custom schemes the origin "null", so the app's own pages are recognised by
 * scheme and host instead of by `origin`.
 */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${appScheme}:` && url.host === appHost;
  } catch {
    return false;
  }
}

const short = (url: string) => JSON.stringify(url.slice(0, 200));

/**
 * The page may only ever be Baton itself: a link or redirect elsewhere would run a remote page
 * with the bridge's preload, so it is stopped here and web links go to the system browser.
 */
export function hardenWebContents(contents: WebContents, log: Logger): void {
  const stayOnApp = (event: { preventDefault(): void; url: string }, kind: string) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    log.warn('security', `blocked ${kind} to ${short(event.url)}`);
  };
  contents.on('will-navigate', (event) => stayOnApp(event, 'navigation'));
  contents.on('will-frame-navigate', (event) => stayOnApp(event, 'frame navigation'));
  contents.on('will-redirect', (event) => stayOnApp(event, 'redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) {
      shell.openExternal(url).catch((error: unknown) => log.error('security', `could not open ${short(url)}`, error));
    } else {
      log.warn('security', `blocked new window for ${short(url)}`);
    }
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('security', 'blocked a <webview>');
  });
}

/** Applies the rules to every web contents ever created, the main window's included. */
export function hardenAllWebContents(log: Logger): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
}

/**
 * Baton needs no camera, microphone, notifications, geolocation, HID, USB or serial: every
 * permission is refused, whether asked for or merely checked. Web requests leave the machine
 * only through the system browser, so any http(s)/ws/file load from a page is cancelled too.
 */
export function lockDownSession(session: Session, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('security', `denied permission request "${permission}"`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file:///*'] },
    (details, callback) => {
      log.warn('security', `cancelled request to ${short(details.url)}`);
      callback({ cancel: true });
    },
  );
}
