import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../../shared/security/csp';
import type { AppServices } from '../services/app-services';
import { capEcho } from '../services/echo';
import type { Logger } from '../services/log';

const maxBodyBytes = 64 * 1024 * 1024;
const tokenCookie = 'baton_token';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebHostOptions {
  services: AppServices;
  rendererDir: string;
  log: Logger;
  port?: number;
}

export interface WebHost {
  url: string;
  token: string;
  close(): Promise<void>;
}

function sameSecret(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

async function readBody(req: IncomingMessage): Promise<string | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves the built renderer and the bridge's operations over HTTP on 127.0.0.1 only, for tests and
 * for looking at the UI where no Electron binary exists. Every request needs the per-run token.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { services, log } = options;
  const token = randomBytes(24).toString('base64url');
  const root = resolve(options.rendererDir);
  let origin = '';

  const authorised = (req: IncomingMessage, url: URL) =>
    sameSecret(url.searchParams.get('token'), token) ||
    sameSecret(req.headers['x-baton-token'] as string | undefined, token) ||
    sameSecret(cookieValue(req, tokenCookie), token);

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string) {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'invalid-input', message: 'Use POST' } });
    // A page of another origin must not drive the services, even with the cookie.
    if (req.headers.origin && req.headers.origin !== origin) return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'Foreign origin' } });
    const body = await readBody(req);
    if (body === 'too-large') return sendJson(res, 413, { ok: false, error: { code: 'too-large', message: 'Request too large' } });
    let payload: unknown;
    try {
      payload = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      log.warn('web-host', `malformed JSON for ${capEcho(name)}`);
      return sendJson(res, 400, { ok: false, error: { code: 'invalid-input', message: 'The request is not valid JSON' } });
    }
    sendJson(res, 200, await services.dispatch(name, payload));
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse) {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    const stop = services.hub.listen((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const keepAlive = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      stop();
    });
  }

  async function handleStatic(res: ServerResponse, pathname: string) {
    const decoded = decodedPath(pathname);
    // A malformed escape (/%ff, /%, /%zz) is the caller's mistake: 400, not a crash with a stack.
    if (decoded === null) return sendJson(res, 400, { error: 'bad request' });
    const relative = pathname === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const file = resolve(root, relative);
    if (file !== root && !file.startsWith(root + sep)) return sendJson(res, 404, { error: 'not found' });
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
    } catch {
      return sendJson(res, 404, { error: 'not found' });
    }
    res.writeHead(200, {
      'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': relative === 'index.html' ? 'no-store' : 'private, max-age=3600',
    });
    createReadStream(file).pipe(res);
  }

  const server = createServer((req, res) => {
    securityHeaders(res);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', origin);
    } catch {
      return sendJson(res, 400, { error: 'bad request' });
    }
    // DNS rebinding: only our own loopback origin is served.
    if (req.headers.host !== new URL(origin).host) return sendJson(res, 403, { error: 'wrong host' });
    if (!authorised(req, url)) return sendJson(res, 401, { error: 'token required' });
    if (url.searchParams.has('token')) {
      res.setHeader('Set-Cookie', `${tokenCookie}=${token}; HttpOnly; SameSite=Strict; Path=/`);
    }
    const work = url.pathname === '/api/events'
      ? Promise.resolve(handleEvents(req, res))
      : url.pathname.startsWith('/api/op/')
        ? handleApi(req, res, url.pathname.slice('/api/op/'.length))
        : handleStatic(res, url.pathname);
    work.catch((error: unknown) => {
      log.error('web-host', `request ${capEcho(url.pathname)} failed`, error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error' } });
      else res.end();
    });
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    token,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
