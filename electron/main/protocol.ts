import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../../shared/security/csp';
import type { Logger } from '../services/log';

export const appScheme = 'app';
export const appHost = 'baton';
/** The one page the window may show; every other navigation is refused (see security.ts). */
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Must run before `app` is ready. `standard` gives the pages a real origin (storage, relative
 * URLs), `secure` makes it a secure context like https, `supportFetchAPI` lets the page fetch
 * its own assets. Nothing else: no CORS bypass, no service workers.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Every answer carries the CSP, so even an error page cannot run foreign code. */
function headersFor(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

const notFound = () => new Response('Not found', { status: 404, headers: headersFor('text/plain; charset=utf-8') });

/**
 * Maps a URL path onto a file inside `root`, or null. Chromium already folds `..` and `%2e%2e`
 * segments, but the handler must not rely on that: it decodes once, refuses anything that could
 * climb out (`..` after decoding, e.g. `..%2f`), backslashes (Windows separators), NUL bytes
 * and drive or UNC paths, then checks the resolved path is still below `root`.
 */
export function resolveInside(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (isAbsolute(relative) || /^[a-z]:/i.test(relative)) return null;
  if (relative.split('/').some((segment) => segment === '..')) return null;
  const file = resolve(root, relative);
  return file.startsWith(root + sep) ? file : null;
}

/** Request → Response for `app://baton/...`; exported for the direct test of the handler. */
export async function serveFromBundle(request: Pick<Request, 'url' | 'method'>, root: string, log: Logger): Promise<Response> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return notFound();
  }
  if (url.host !== appHost || (request.method !== 'GET' && request.method !== 'HEAD')) return notFound();
  const file = resolveInside(root, url.pathname);
  if (!file) {
    log.warn('protocol', `refused path ${JSON.stringify(url.pathname.slice(0, 200))}`);
    return notFound();
  }
  try {
    // Plain fs reads work inside app.asar: Electron patches fs for archives.
    const body = await readFile(file);
    const headers = headersFor(contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream');
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  } catch {
    return notFound();
  }
}

/** Serves the built renderer (`dist/renderer`, next to this bundle's folder) on `app://baton/`. */
export function handleAppProtocol(rendererDir: string, log: Logger): void {
  const root = resolve(rendererDir);
  protocol.handle(appScheme, (request) => serveFromBundle(request, root, log));
}
