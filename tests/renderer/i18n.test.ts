import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, messageModules, zhCN } from '../../renderer/i18n/messages';
import { systemLanguage } from '../../renderer/i18n/detect-language';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    if (value !== null && typeof value === 'object') for (const entry of flatten(value, `${prefix}${key}.`)) out.set(...entry);
    else out.set(`${prefix}${key}`, value);
  }
  return out;
}

const languages = { 'zh-CN': flatten(zhCN), en: flatten(en) };
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('translations', () => {
  for (const [language, messages] of Object.entries(languages)) {
    const other = language === 'en' ? languages['zh-CN'] : languages.en;

    it(`${language} has every key the other language has`, () => {
      const missing = [...other.keys()].filter((key) => !messages.has(key));
      expect(missing).toEqual([]);
    });

    it(`${language} has no empty or non-text messages`, () => {
      const bad = [...messages].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
      expect(bad).toEqual([]);
    });
  }

  it('no two modules claim the same top-level key, and each module has the same keys in both languages', () => {
    for (const modules of Object.values(messageModules)) {
      const keys = modules.flatMap((module) => Object.keys(module));
      expect(keys.length).toBe(new Set(keys).size);
    }
    const moduleKeys = (module: object) => Object.keys(module).sort().join();
    expect(messageModules.en.map(moduleKeys)).toEqual(messageModules['zh-CN'].map(moduleKeys));
  });

  it('both languages fill in the same placeholders', () => {
    const differing = [...languages['zh-CN']]
      .filter(([key, value]) => {
        const english = languages.en.get(key);
        return typeof english === 'string' && placeholders(String(value)).join() !== placeholders(english).join();
      })
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('every message key named in the renderer sources exists in both languages', () => {
    const used = new Set<string>();
    for (const file of sourceFiles('renderer')) {
      const source = readFileSync(file, 'utf8');
      // t('key') calls, and message keys given to the nav registry (title / description).
      for (const match of source.matchAll(/\bt\(\s*['"`]([^'"`$]+)['"`]/g)) used.add(match[1]!);
      for (const match of source.matchAll(/\b(?:title|description):\s*'([\w.]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    const unknown = [...used].filter((key) => !languages['zh-CN'].has(key) || !languages.en.has(key));
    expect(unknown).toEqual([]);
  });
});

describe('systemLanguage', () => {
  it('maps any Chinese variant to zh-CN and everything else to English', () => {
    expect(systemLanguage(['zh-CN', 'en'])).toBe('zh-CN');
    expect(systemLanguage(['zh-TW'])).toBe('zh-CN');
    expect(systemLanguage(['zh'])).toBe('zh-CN');
    expect(systemLanguage(['en-US', 'zh-CN'])).toBe('en');
    expect(systemLanguage(['fr-FR'])).toBe('en');
    expect(systemLanguage([])).toBe('en');
  });
});
