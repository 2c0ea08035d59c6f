import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeVersionOf } from '../../electron/services/code-version';
import { tempDir } from './helpers';

describe('the running build', () => {
  it('is the app version and its bundle: the same bundle gives the same, another bundle of the same version another', () => {
    const dir = tempDir('build');
    const bundle = join(dir, 'main.cjs');
    writeFileSync(bundle, 'reduce(a)');
    const first = codeVersionOf('1.0.0', bundle);
    expect(first).toMatch(/^1\.0\.0\+[0-9a-f]{16}$/);
    expect(codeVersionOf('1.0.0', bundle)).toBe(first);
    writeFileSync(bundle, 'reduce(b)');
    expect(codeVersionOf('1.0.0', bundle)).not.toBe(first);
  });
});
