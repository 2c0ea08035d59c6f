import { describe, expect, it } from 'vitest';
import { conflictCopyOriginal, isSyncEngineTempName } from '../../shared/sync';

const SEALED = '000000000042-deadbeef.jsonl';
const COMPACTED = 'c-000000000001-000000000040-0123abcd.jsonl';

describe('isSyncEngineTempName', () => {
  it.each([
    ['Syncthing', `.syncthing.${SEALED}.tmp`],
    ['Syncthing on Windows', `~syncthing~${SEALED}.tmp`],
    ['Dropbox', '.dropbox'],
    ['Dropbox cache', '.dropbox.cache'],
    ['OneDrive / Office temp', '~WRL0003.tmp'],
    ['Office owner file', '~$report.docx'],
    ['LibreOffice lock', '.~lock.report.odt#'],
    ['SMB hidden temp', '.~0001.tmp'],
    ['a writer temp file', `${SEALED}.tmp`],
    ["Baton's own temp file (durable-fs)", `.baton-tmp-${SEALED}.1a2b3c4d`],
    ['Nutstore/other partial download', `${SEALED}.part`],
    ['macOS AppleDouble on SMB', `._${SEALED}`],
    ['NFS silly rename', '.nfs000000000123abcd00000001'],
    ['Finder', '.DS_Store'],
    ['Explorer thumbnails', 'Thumbs.db'],
    ['folder settings', 'desktop.ini'],
    ['folder settings, another case', 'Desktop.ini'],
    ['an editor backup', `${SEALED}~`],
  ])('recognises %s: %j', (_, name) => {
    expect(isSyncEngineTempName(name)).toBe(true);
  });

  it.each([SEALED, COMPACTED, 'device.json', `${SEALED.slice(0, -6)} (1).jsonl`, 'notes.md'])(
    'leaves %j alone',
    (name) => {
      expect(isSyncEngineTempName(name)).toBe(false);
    },
  );
});

describe('conflictCopyOriginal', () => {
  const stem = SEALED.slice(0, -'.jsonl'.length);
  const compactedStem = COMPACTED.slice(0, -'.jsonl'.length);

  it.each([
    ['Dropbox', `${stem} (Alice's conflicted copy 2026-01-02).jsonl`, SEALED],
    ['Dropbox, numbered', `${stem} (Alice's conflicted copy 2026-01-02 (1)).jsonl`, SEALED],
    ['Dropbox, unnamed', `${stem} (conflicted copy 2026-01-02).jsonl`, SEALED],
    ['Dropbox, Chinese', `${stem} (张三 的冲突副本 2026-01-02).jsonl`, SEALED],
    ['Dropbox, case conflict', `${stem} (Case Conflict).jsonl`, SEALED],
    ['Syncthing', `${stem}.sync-conflict-20260102-030405-ABCDEFG.jsonl`, SEALED],
    ['OneDrive', `${stem}-DESKTOP-ABC.jsonl`, SEALED],
    ['OneDrive, numbered', `${stem}-DESKTOP-ABC-2.jsonl`, SEALED],
    ['OneDrive on a Mac', `${stem}-Alices-MacBook-Pro.jsonl`, SEALED],
    ['Nutstore, Windows', `${stem}-conflict-张三.jsonl`, SEALED],
    ['Nutstore, macOS', `${stem}-NSConflict-张三.jsonl`, SEALED],
    ['generic numbered copy', `${stem} (1).jsonl`, SEALED],
    ['generic numbered copy, no space', `${stem}(2).jsonl`, SEALED],
    ['a compacted segment', `${compactedStem}.sync-conflict-20260102-030405-ABCDEFG.jsonl`, COMPACTED],
  ])('maps a %s copy back', (_, name, original) => {
    expect(conflictCopyOriginal(name)).toBe(original);
  });

  it.each([
    SEALED,
    COMPACTED,
    'device.json',
    'notes (1).md',
    `${stem.toUpperCase()} (1).jsonl`,
    `${stem} (1).json`,
    `${stem}.sync-conflict-20260102-0304-ABCDEFG.jsonl`,
    `0000000042-deadbeef (1).jsonl`,
    `${stem} (Alice's copy).jsonl`,
  ])('returns null for %j', (name) => {
    expect(conflictCopyOriginal(name)).toBeNull();
  });
});
