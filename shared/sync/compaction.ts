import { parseSegmentFileName } from './segment-name';

/**
 * Which of a device's own files to compact (SYNC-DESIGN "Keeping the file count small"): sync
 * engines and shares slow down with many small files, and every file costs a reader an open and
 * a signature check. A device merges a run of its sealed segments into one `c-<first>-<last>-…`
 * segment holding the same ops; a small earlier compaction right before the run is merged again,
 * so files grow to a few MiB and a device keeps tens of files after years, not thousands.
 */
export interface LogFile {
  readonly name: string;
  readonly size: number;
}

export interface CompactionPolicy {
  /** Sealed segments waiting before a run is worth a new file. */
  readonly minRun: number;
  /** The compacted file's size cap: well below a segment's 16 MiB limit. */
  readonly maxBytes: number;
  /** An earlier compacted file smaller than this is merged again with the next run. */
  readonly growBelowBytes: number;
}

export const COMPACTION_POLICY: CompactionPolicy = { minRun: 32, maxBytes: 8 * 1024 * 1024, growBelowBytes: 2 * 1024 * 1024 };

export interface CompactionRun {
  /** In seq order; the first may be an earlier compacted file. */
  readonly files: readonly LogFile[];
  readonly firstSeq: number;
  readonly lastSeq: number;
}

export interface CompactionPlan {
  readonly run: CompactionRun | null;
  /** Files a compacted file already holds (sealed ones, or a compacted one it grew from): left behind by an interrupted compaction. */
  readonly leftovers: ReadonlyArray<{ readonly name: string; readonly coveredBy: string }>;
}

interface Sealed extends LogFile {
  readonly seq: number;
}

interface Compacted extends LogFile {
  readonly firstSeq: number;
  readonly lastSeq: number;
}

export function planCompaction(files: readonly LogFile[], policy: CompactionPolicy = COMPACTION_POLICY): CompactionPlan {
  const sealed: Sealed[] = [];
  const compacted: Compacted[] = [];
  for (const file of files) {
    const parsed = parseSegmentFileName(file.name);
    if (parsed?.kind === 'sealed') sealed.push({ ...file, seq: parsed.seq });
    else if (parsed?.kind === 'compacted') compacted.push({ ...file, firstSeq: parsed.firstSeq, lastSeq: parsed.lastSeq });
  }
  sealed.sort((a, b) => a.seq - b.seq);
  const leftovers: Array<{ name: string; coveredBy: string }> = [];
  // An earlier compacted file that a later, wider one grew out of is a leftover too.
  const widerThan = (file: Compacted) =>
    compacted.find((other) => other !== file && other.firstSeq <= file.firstSeq && file.lastSeq <= other.lastSeq && other.lastSeq - other.firstSeq > file.lastSeq - file.firstSeq);
  const current: Compacted[] = [];
  for (const file of compacted) {
    const wider = widerThan(file);
    if (wider) leftovers.push({ name: file.name, coveredBy: wider.name });
    else current.push(file);
  }
  const coveringOf = (seq: number) => current.find((file) => file.firstSeq <= seq && seq <= file.lastSeq);
  const candidates: Sealed[] = [];
  for (const file of sealed) {
    const covering = coveringOf(file.seq);
    if (covering) leftovers.push({ name: file.name, coveredBy: covering.name });
    else candidates.push(file);
  }
  // The newest segment stays as it is: it names the device's last seq for anyone reading its log.
  candidates.pop();
  const window = firstWindow(candidates, policy);
  if (!window) return { run: null, leftovers };
  const first = window[0]!;
  const runBytes = window.reduce((sum, file) => sum + file.size, 0);
  const before = current.find((file) => file.lastSeq === first.seq - 1);
  const grow = before !== undefined && before.size < policy.growBelowBytes && before.size + runBytes <= policy.maxBytes;
  return {
    run: {
      files: grow ? [before, ...window] : window,
      firstSeq: grow ? before.firstSeq : first.seq,
      lastSeq: window.at(-1)!.seq,
    },
    leftovers,
  };
}

/** The first run of consecutive seqs, cut at `maxBytes`, holding at least `minRun` segments. */
function firstWindow(candidates: readonly Sealed[], policy: CompactionPolicy): Sealed[] | null {
  let start = 0;
  while (start < candidates.length) {
    const window: Sealed[] = [];
    let bytes = 0;
    for (let index = start; index < candidates.length; index += 1) {
      const file = candidates[index]!;
      if (window.length > 0 && (file.seq !== window.at(-1)!.seq + 1 || bytes + file.size > policy.maxBytes)) break;
      window.push(file);
      bytes += file.size;
    }
    if (window.length >= policy.minRun) return window;
    start += window.length;
  }
  return null;
}
