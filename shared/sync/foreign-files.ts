/**
 * Names that sync engines, file shares and operating systems leave next to Baton's files.
 * Readers skip them quietly; nothing here is ever deleted by Baton.
 */
const ENGINE_TEMP_NAMES: readonly RegExp[] = [
  // Hidden files are never Baton's: .syncthing.*.tmp, .dropbox*, .~lock.*#, ._* (macOS on SMB),
  // .nfs* and .smbdelete* (files deleted while open), .DS_Store, .stfolder.
  /^\./,
  // ~syncthing~*.tmp, ~$* (Office owner files), ~*.tmp (Office and OneDrive temporaries).
  /^~/,
  /\.(?:tmp|temp|part|partial|download|crdownload|!sync)$/i,
  /~$/,
  /^(?:desktop\.ini|thumbs\.db|ehthumbs\.db|icon\r)$/i,
];

export function isSyncEngineTempName(name: string): boolean {
  return ENGINE_TEMP_NAMES.some((pattern) => pattern.test(name));
}

const SEGMENT_STEM = String.raw`(\d{12}-[0-9a-f]{8}|c-\d{12}-\d{12}-[0-9a-f]{8})`;

const CONFLICT_MARKS: readonly string[] = [
  // Dropbox: " (Alice's conflicted copy 2026-01-02)", "… (1))", localized, " (Case Conflict)".
  String.raw` \((?:[^()]|\(\d+\))*(?:conflicted copy|冲突副本|Case Conflict)(?:[^()]|\(\d+\))*\)`,
  // Syncthing: ".sync-conflict-20260102-030405-ABCDEFG" (before the extension).
  String.raw`\.sync-conflict-\d{8}-\d{6}-[A-Z2-7]{7}`,
  // Nutstore: "-conflict…" on Windows, "-NSConflict…" elsewhere, with the author's nickname.
  String.raw`-(?:NS)?[Cc]onflict.*`,
  // OneDrive: "-<computer name>" and "-<computer name>-2".
  String.raw`-[A-Za-z0-9][A-Za-z0-9-]*`,
  // Nutstore, SMB clients and most others: " (1)", "(2)".
  String.raw` ?\(\d+\)`,
];

const CONFLICT_COPY = new RegExp(`^${SEGMENT_STEM}(?:${CONFLICT_MARKS.join('|')})\\.jsonl$`, 'u');

/** The segment name an engine's conflict copy was made from, or null if `name` is not one. */
export function conflictCopyOriginal(name: string): string | null {
  const match = CONFLICT_COPY.exec(name);
  return match ? `${match[1]}.jsonl` : null;
}
