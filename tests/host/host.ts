import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { webPlatform } from '../../electron/host/web-platform';
import { startWebHost, type WebHost } from '../../electron/host/web-host';
import { createAppServices, type AppServices } from '../../electron/services/app-services';
import { createFileLogger } from '../../electron/services/log';
import type { Platform } from '../../electron/services/platform';
import { createConfSettingsStore } from '../../electron/services/settings/conf-store';
import { tempDir } from '../sync-service/helpers';

export interface RunningHost {
  readonly host: WebHost;
  readonly services: AppServices;
  readonly profileDir: string;
  readonly sharedDir: string;
  readonly logFile: string;
  /** POSTs an operation as the renderer's HTTP transport does; returns the status and the JSON answer. */
  op(name: string, body: unknown): Promise<{ status: number; text: string; json: unknown }>;
  /** GETs a path (raw: no URL normalisation by the client) with the token. */
  get(path: string): Promise<{ status: number; text: string }>;
}

const running: RunningHost[] = [];
afterEach(async () => {
  for (const { host, services } of running.splice(0)) {
    await host.close();
    await services.close();
  }
});

/**
 * The web host as `npm run serve` starts it (the app's real services, a file log in the
 * profile), in this process, serving a tiny stand-in of the built renderer.
 */
export async function startHost(options: { platform?: Partial<Platform>; root?: string } = {}): Promise<RunningHost> {
  // `root`: a host started before (stopped with `stopHost`), started again on the same profile.
  const root = options.root ?? tempDir('host');
  const profileDir = join(root, 'profile');
  const sharedDir = join(root, 'shared');
  const rendererDir = join(root, 'renderer');
  for (const dir of [profileDir, sharedDir, rendererDir]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Baton</title>');
  writeFileSync(join(rendererDir, 'app.js'), 'export {};');
  const log = createFileLogger(profileDir, { echo: false });
  const services = createAppServices({
    profileDir,
    appVersion: '0.1.0-test',
    platform: { ...webPlatform, ...options.platform },
    settingsStore: createConfSettingsStore(profileDir, '0.1.0-test'),
    log,
    syncOptions: { watch: false, flushDelayMs: 3_600_000, cacheDelayMs: 3_600_000 },
  });
  const host = await startWebHost({ services, rendererDir, log });
  const origin = new URL(host.url).origin;
  const headers = { 'X-Baton-Token': host.token };
  const started: RunningHost = {
    host,
    services,
    profileDir,
    sharedDir,
    logFile: join(profileDir, 'logs', 'baton.log'),
    async op(name, body) {
      const response = await fetch(`${origin}/api/op/${name}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, text, json: JSON.parse(text) as unknown };
    },
    async get(path) {
      // fetch would normalise the path; a raw request line is what an attacker sends.
      const { request } = await import('node:http');
      return new Promise((resolve, reject) => {
        const req = request(`${origin}/`, { path, headers }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on('error', reject);
        req.end();
      });
    },
  };
  running.push(started);
  return started;
}

/** Stops a host and its services now (to start it again on the same profile). */
export async function stopHost(started: RunningHost): Promise<void> {
  running.splice(running.indexOf(started), 1);
  await started.host.close();
  await started.services.close();
}
