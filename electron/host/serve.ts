import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { createAppServices } from '../services/app-services';
import { codeVersionOf } from '../services/code-version';
import { createFileLogger } from '../services/log';
import { createConfSettingsStore } from '../services/settings/conf-store';
import { startWebHost } from './web-host';
import { webPlatform } from './web-platform';

const usage = 'usage: npm run serve -- --shared <dir> --profile <dir> [--port <n>]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { shared: { type: 'string' }, profile: { type: 'string' }, port: { type: 'string' } },
    strict: true,
  });
  if (!values.profile) throw new Error(`--profile is required\n${usage}`);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number\n${usage}`);
  const profileDir = resolve(values.profile);
  mkdirSync(profileDir, { recursive: true });
  const log = createFileLogger(profileDir);
  const services = createAppServices({
    profileDir,
    appVersion: version,
    codeVersion: codeVersionOf(version, fileURLToPath(import.meta.url)),
    platform: webPlatform,
    settingsStore: createConfSettingsStore(profileDir, version),
    log,
    ...(values.shared ? { sharedDir: resolve(values.shared) } : {}),
  });
  const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  const host = await startWebHost({ services, rendererDir, log, port });
  process.stdout.write(`Baton web host: ${host.url}\n`);
  log.info('web-host', `serving ${rendererDir} for profile ${profileDir}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await services.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
