import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lints a made-up file at a path in a given layer, as if it were part of the project. */
async function lintAt(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it('shared/ may not import Node built-ins, Electron, React or higher layers', async () => {
    expect(await lintAt('shared/x/probe.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n")).toHaveLength(1);
    expect(await lintAt('shared/x/probe.ts', "import { join } from 'path';\nexport const a = join;\n")).toHaveLength(1);
    expect(await lintAt('shared/x/probe.ts', "import { useState } from 'react';\nexport const a = useState;\n")).toHaveLength(1);
    expect(await lintAt('shared/x/probe.ts', "import { x } from '../../renderer/y';\nexport const a = x;\n")).toHaveLength(1);
    expect(await lintAt('shared/x/probe.ts', "import { x } from '../../electron/services/y';\nexport const a = x;\n")).toHaveLength(1);
  });

  it('shared/ may import its own modules even when they share a built-in name', async () => {
    expect(await lintAt('shared/x/probe.ts', "import { x } from './crypto';\nexport const a = x;\n")).toHaveLength(0);
  });

  it('renderer/ may not import electron/ or Node built-ins', async () => {
    expect(await lintAt('renderer/x/probe.ts', "import { x } from '../../electron/services/y';\nexport const a = x;\n")).toHaveLength(1);
    expect(await lintAt('renderer/x/probe.ts', "import { readFile } from 'node:fs/promises';\nexport const a = readFile;\n")).toHaveLength(1);
    expect(await lintAt('renderer/x/probe.ts', "import { z } from 'zod';\nexport const a = z;\n")).toHaveLength(0);
  });

  it('electron/ may not import the renderer; services may not import electron', async () => {
    expect(await lintAt('electron/main/probe.ts', "import { x } from '../../renderer/y';\nexport const a = x;\n")).toHaveLength(1);
    expect(await lintAt('electron/services/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await lintAt('electron/main/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(0);
  });
});
