// `npm start` after the build: opens the desktop app. Where Electron's binary cannot be
// downloaded (a proxy, no internet, a blocked github.com), it says so in one sentence with what
// to do, and offers the same app in the browser through the web host instead of two stack traces.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';

const electronDir = join('node_modules', 'electron');
const DOWNLOAD_TIMEOUT_MS = 180_000;

/** The binary Electron's own launcher would run, or null while it has not been downloaded. */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
  const binary = join(electronDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

/** Downloads the binary as `npm install` would have; the last line of its output says why it failed. */
function download() {
  process.stderr.write('Downloading Electron (the desktop shell), once…\n');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8', timeout: DOWNLOAD_TIMEOUT_MS });
  const lines = `${result.stderr ?? ''}\n${result.stdout ?? ''}`.split('\n').map((line) => line.trim());
  const reason = result.error?.message ?? lines.find((line) => /error|ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN|status code|certificate/i.test(line)) ?? `exit ${result.status}`;
  return { ok: result.status === 0 && electronBinary() !== null, reason };
}

/** Where the desktop app keeps this computer's profile (Electron's userData for productName Baton). */
function profileDir() {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Baton');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Baton');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Baton');
}

async function offerBrowser() {
  const command = `npm run serve -- --profile "${profileDir()}"`;
  if (!process.stdin.isTTY) {
    process.stderr.write(`Or use the same app in your browser now: ${command}\n`);
    process.exit(1);
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  const answer = (await prompt.question('Open the same app in your browser instead (served on this computer only)? [Y/n] ')).trim().toLowerCase();
  prompt.close();
  if (answer !== '' && answer !== 'y' && answer !== 'yes') {
    process.stderr.write(`Later: ${command}\n`);
    process.exit(1);
  }
  // The web host prints "Baton web host: <url>"; open that address in a browser.
  const host = spawn(process.execPath, ['dist/host/serve.mjs', '--profile', profileDir()], { stdio: 'inherit' });
  host.on('exit', (code) => process.exit(code ?? 0));
}

let binary = electronBinary();
if (binary === null) {
  const attempt = download();
  if (!attempt.ok) {
    process.stderr.write(
      `\nBaton could not download Electron, the desktop shell, from ${process.env.ELECTRON_MIRROR ?? 'github.com'} (${attempt.reason}): set ELECTRON_MIRROR to a mirror you can reach ` +
        '(e.g. ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/), or behind a proxy ELECTRON_GET_USE_PROXY=1 with ' +
        'GLOBAL_AGENT_HTTPS_PROXY=http://<proxy>:<port>, or ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron 45 you already have, ' +
        'then run npm start again.\n',
    );
    await offerBrowser();
  }
  binary = electronBinary();
}
if (binary !== null) {
  const app = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  app.on('exit', (code) => process.exit(code ?? 0));
}
