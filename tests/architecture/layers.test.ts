import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** Lints a made-up file at a path in a given layer, as if it were part of the project: the boundary messages. */
async function lintAt(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'baton/layers' || m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const importing = (specifier: string) => `import { x } from '${specifier}';\nexport const a = x;\n`;

/** Each zone: a file that must fail, however the path is spelt, and one that must pass. */
describe('layer rules, judged on the resolved file', () => {
  it('shared/sync imports no capability, not even the roster', async () => {
    expect(await lintAt('shared/sync/probe.ts', importing('../handover'))).toHaveLength(1);
    expect(await lintAt('shared/sync/probe.ts', importing('../team/roster'))).toHaveLength(1);
    expect(await lintAt('shared/sync/probe.ts', importing('../team-settings'))).toHaveLength(1);
    expect(await lintAt('shared/sync/probe.ts', importing('./lww'))).toHaveLength(0);
  });

  it('a capability imports the sync core, the team and the team settings, and another capability only through its queries', async () => {
    expect(await lintAt('shared/rota/probe.ts', importing('../handover'))).toHaveLength(1);
    expect(await lintAt('shared/rota/probe.ts', importing('../handover/follow-up-rules'))).toHaveLength(1);
    expect(await lintAt('shared/rota/deep/probe.ts', importing('../../handover/handover'))).toHaveLength(1);
    expect(await lintAt('shared/rota/probe.ts', importing('../api/contract'))).toHaveLength(1);
    expect(await lintAt('shared/rota/probe.ts', importing('../handover/queries'))).toHaveLength(0);
    expect(await lintAt('shared/rota/probe.ts', importing('../sync'))).toHaveLength(0);
    expect(await lintAt('shared/rota/probe.ts', importing('../team'))).toHaveLength(0);
    expect(await lintAt('shared/rota/probe.ts', importing('../team-settings/shifts'))).toHaveLength(0);
    expect(await lintAt('shared/rota/probe.ts', importing('./rota'))).toHaveLength(0);
  });

  it("renderer/i18n and renderer/bridge are the renderer's ground floor: no import of renderer/app or a screen module", async () => {
    expect(await lintAt('renderer/i18n/probe.ts', importing('../app/stores/settings-store'))).toHaveLength(1);
    expect(await lintAt('renderer/bridge/probe.ts', importing('../handover/handover-store'))).toHaveLength(1);
    expect(await lintAt('renderer/i18n/probe.ts', importing('../app/i18n/en.json'))).toHaveLength(0);
    expect(await lintAt('renderer/i18n/probe.ts', importing('./detect-language'))).toHaveLength(0);
    expect(await lintAt('renderer/app/probe.ts', importing('../i18n/use-language'))).toHaveLength(0);
  });

  it('the team and the team settings sit below every capability', async () => {
    expect(await lintAt('shared/team/probe.ts', importing('../handover'))).toHaveLength(1);
    expect(await lintAt('shared/team-settings/probe.ts', importing('../handover/limits'))).toHaveLength(1);
    expect(await lintAt('shared/team-settings/probe.ts', importing('../sync'))).toHaveLength(0);
    expect(await lintAt('shared/text/probe.ts', importing('../sync'))).toHaveLength(1);
    expect(await lintAt('shared/team/probe.ts', importing('../text/one-line'))).toHaveLength(0);
  });

  it('the contract and the search may read every capability', async () => {
    expect(await lintAt('shared/api/probe.ts', importing('../handover'))).toHaveLength(0);
    expect(await lintAt('shared/search/probe.ts', importing('../handover'))).toHaveLength(0);
  });

  it('shared/ imports neither electron/ nor renderer/', async () => {
    expect(await lintAt('shared/x/probe.ts', importing('../../renderer/y'))).toHaveLength(1);
    expect(await lintAt('shared/x/probe.ts', importing('../../electron/services/y'))).toHaveLength(1);
    expect(await lintAt('shared/x/probe.ts', "import { useState } from 'react';\nexport const a = useState;\n")).toHaveLength(1);
  });

  it('services never import a host or the composition root, by any spelling', async () => {
    expect(await lintAt('electron/services/probe.ts', importing('../main/ipc'))).toHaveLength(1);
    expect(await lintAt('electron/services/team/probe.ts', importing('../../preload/preload'))).toHaveLength(1);
    expect(await lintAt('electron/services/probe.ts', importing('../host/web-host'))).toHaveLength(1);
    expect(await lintAt('electron/services/team/probe.ts', importing('../../cli/team'))).toHaveLength(1);
    expect(await lintAt('electron/services/team/probe.ts', importing('../app-services'))).toHaveLength(1);
    expect(await lintAt('electron/services/probe.ts', importing('./app-services.ts'))).toHaveLength(1);
    expect(await lintAt('electron/services/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await lintAt('electron/services/team/probe.ts', importing('../sync/sync-service'))).toHaveLength(0);
    expect(await lintAt('electron/host/probe.ts', importing('../services/app-services'))).toHaveLength(0);
    expect(await lintAt('electron/main/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(0);
  });

  it('electron/ never imports the renderer, nor the renderer electron/', async () => {
    expect(await lintAt('electron/main/probe.ts', importing('../../renderer/y'))).toHaveLength(1);
    expect(await lintAt('renderer/x/probe.ts', importing('../../electron/services/y'))).toHaveLength(1);
    expect(await lintAt('renderer/x/probe.ts', importing('../../shared/api/contract'))).toHaveLength(0);
  });

  for (const layer of ['shared/x/probe.ts', 'renderer/x/probe.tsx']) {
    it(`${layer.split('/')[0]}/ uses no Node built-in or Node-only package: static, dynamic or require`, async () => {
      expect(await lintAt(layer, "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toHaveLength(1);
      expect(await lintAt(layer, "import { join } from 'path';\nexport const a = join;\n")).toHaveLength(1);
      expect(await lintAt(layer, "export const a = () => import('node:child_process');\n")).toHaveLength(1);
      expect(await lintAt(layer, 'export const a = () => import(`fs/promises`);\n')).toHaveLength(1);
      expect(await lintAt(layer, "declare const require: (id: string) => unknown;\nexport const a = require('fs');\n")).toHaveLength(1);
      for (const name of ['chokidar', 'electron-store', 'conf', 'electron']) {
        expect(await lintAt(layer, `export const a = () => import('${name}');\n`), name).toHaveLength(1);
      }
      expect(await lintAt(layer, importing('./crypto'))).toHaveLength(0);
      expect(await lintAt(layer, "import { z } from 'zod';\nexport const a = z;\n")).toHaveLength(0);
    });
  }
});
