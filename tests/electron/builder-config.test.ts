import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/build-bundles';

// electron-builder's own loader and validator (the JSON schema in app-builder-lib/scheme.json),
// the same code `electron-builder` runs before packaging; no network, no Electron binary.
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: unknown): Promise<Record<string, any>>;
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const quietLogger = { isEnabled: false, add() {} };

const loadConfig = () => getConfig(repoRoot, null, null);

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema validation', async () => {
    await expect(validateConfiguration(await loadConfig(), quietLogger)).resolves.toBeUndefined();
  });

  it('the validator is real: a misspelt fuse is rejected', async () => {
    const config = await loadConfig();
    config.electronFuses.runAsnode = false;
    await expect(validateConfiguration(config, quietLogger)).rejects.toThrow(/configuration/i);
  });

  it('names the app and writes to release/', async () => {
    const config = await loadConfig();
    expect(config).toMatchObject({ appId: 'com.baton.app', productName: 'Baton', asar: true, directories: { output: 'release/' } });
  });

  it('flips the hardening fuses', async () => {
    const { electronFuses } = await loadConfig();
    expect(electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage and deb (with a maintainer), NSIS and dmg', async () => {
    const config = await loadConfig();
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toMatch(/\S+ <[^@\s]+@[^@\s]+>/);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('packs only the built bundles and package.json', async () => {
    const config = await loadConfig();
    const patterns = (config.files as (string | { filter: string[] })[]).flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.filter));
    expect(patterns).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/**/*', 'package.json', '!**/node_modules/**/*']));
    expect(patterns.filter((p) => !p.startsWith('!') && !p.startsWith('dist/') && p !== 'package.json')).toEqual([]);
  });
});
