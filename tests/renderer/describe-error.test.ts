import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/result';
import { describeError } from '../../renderer/app/errors/describe-error';
import { resources } from '../../renderer/i18n/resources';

let zh: TFunction;
let en: TFunction;

beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'zh-CN', fallbackLng: false, interpolation: { escapeValue: false } });
  zh = i18n.getFixedT('zh-CN');
  en = i18n.getFixedT('en');
});

/** The error the service sends for a refused input, built by the same schemas it uses. */
function refused(operation: 'updateSettings' | 'completeFirstRun', input: unknown): ApiError {
  const parsed = operations[operation].input.safeParse(input);
  if (parsed.success) throw new Error('expected the input to be refused');
  return {
    code: 'invalid-input',
    message: `Invalid input for ${operation}`,
    issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  };
}

describe('describeError', () => {
  it('says a name is too long in plain words, in both languages', () => {
    const error = refused('updateSettings', { memberName: '林'.repeat(41) });
    expect(describeError(error, zh)).toEqual({ summary: '名字不能超过 40 个字', fields: { memberName: '名字不能超过 40 个字' } });
    expect(describeError(error, en).fields.memberName).toBe('Keep your name to 40 characters or fewer');
  });

  it('asks for what is missing, one message per field', () => {
    const error = refused('completeFirstRun', { memberName: '  ', sharedFolder: { kind: 'path', path: '' } });
    const readable = describeError(error, zh);
    expect(readable.fields).toEqual({ memberName: '请填写名字', 'sharedFolder.path': '请填写文件夹路径' });
    expect(readable.summary).toBe('有内容没填对，请看标出的地方。');
  });

  it('explains invisible characters and values outside the offered options', () => {
    expect(describeError(refused('updateSettings', { memberName: 'a\nb' }), en).summary).toBe(
      'Remove line breaks and other invisible characters from your name',
    );
    expect(describeError(refused('updateSettings', { theme: 'neon' }), zh).summary).toBe('主题只能从给出的选项里选');
    expect(describeError(refused('updateSettings', { pollIntervalSeconds: 0 }), en).summary).toBe(
      'Pick a value for the sync check interval within the allowed range',
    );
  });

  it('never shows the validator wording or a raw code', () => {
    const error = refused('updateSettings', { surprise: true });
    const readable = describeError(error, en);
    expect(readable.fields['']).toBe("Check this field: this value can't be used");
    for (const text of [readable.summary, ...Object.values(readable.fields)]) {
      expect(text).not.toMatch(/invalid-input|Unrecognized|expected/);
    }
  });

  it('turns every error code into a sentence, including codes it does not know', () => {
    const codes = ['unavailable', 'internal', 'conflict', 'not-found', 'from-the-future'] as ApiError['code'][];
    for (const code of codes) {
      const { summary, fields } = describeError({ code, message: 'Error: at Object.<anonymous> (x.js:1:1)' }, zh);
      expect(summary).not.toContain(code);
      expect(summary).not.toContain('x.js');
      expect(summary.length).toBeGreaterThan(5);
      expect(fields).toEqual({});
    }
  });
});
