import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { teamFolderLayout } from '../../electron/services/sync/layout';
import { waitFor, writeFileAtomically } from './syncthing-harness';

/** One side of the measure: its copy of the shared folder and the device writing or reading there. */
export interface ProbeSide {
  readonly folder: string;
  readonly deviceId: string;
}

export interface ProbeOptions {
  readonly writer: ProbeSide;
  readonly reader: ProbeSide;
  readonly samples: number;
  /** Records edit `sample` on the writer, as a screen records it (the service's own publish policy). */
  readonly edit: (sample: number) => void;
  /** Whether the reader's state shows edit `sample`. */
  readonly shown: (sample: number) => boolean;
  /** A quiet spell before each sample, longer than the writer's publish delay. */
  readonly quietMs?: number;
}

/** Medians in ms: Baton end to end, split where the time goes, against the engine moving a 1 KB file alone. */
export interface PropagationReport {
  readonly samples: number;
  readonly engineMs: number;
  readonly batonMs: number;
  /** Edit recorded → its segment under its final name in the writer's log folder. */
  readonly writeMs: number;
  /** That file on the writer's copy → the same name on the reader's copy (the engine's part). */
  readonly copyMs: number;
  /** The file on the reader's copy → the edit in the reader's state. */
  readonly readMs: number;
  readonly ratio: number;
}

const STEP_MS = 5;
const TIMEOUT_MS = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const segmentsIn = (dir: string): Set<string> => {
  try {
    return new Set(readdirSync(dir).filter((name) => name.endsWith('.jsonl') && !name.startsWith('.')));
  } catch {
    return new Set();
  }
};

/**
 * Measures, taking turns in the same run, the engine alone moving a 1 KB file written with temp +
 * rename, and an edit recorded on the writer until the reader's state shows it, the latter split
 * into writing, copying and reading by watching the writer's segment under its final name on both
 * copies. Numbers to print, never to assert.
 */
export async function measurePropagation(options: ProbeOptions): Promise<PropagationReport> {
  const { writer, reader } = options;
  const quiet = () => sleep(options.quietMs ?? 1_500);
  const writerLog = teamFolderLayout(writer.folder).logDir(writer.deviceId);
  const readerLog = teamFolderLayout(reader.folder).logDir(writer.deviceId);
  const rows: { engine: number; baton: number; write: number; copy: number; read: number }[] = [];
  mkdirSync(join(writer.folder, 'probe'), { recursive: true });
  for (let sample = 0; sample < options.samples; sample += 1) {
    await quiet();
    const probe = join('probe', `${Date.now()}-${sample}.txt`);
    let start = performance.now();
    writeFileAtomically(join(writer.folder, probe), 'x'.repeat(1024));
    await waitFor(`${probe} on the reader's copy`, () => existsSync(join(reader.folder, probe)), TIMEOUT_MS, STEP_MS);
    const engine = performance.now() - start;

    await quiet();
    const before = segmentsIn(writerLog);
    let written: { name: string; at: number } | null = null;
    let copiedAt: number | null = null;
    start = performance.now();
    options.edit(sample);
    const deadline = start + TIMEOUT_MS;
    while (!options.shown(sample)) {
      if (performance.now() > deadline) throw new Error(`edit ${sample} never reached the reader`);
      if (!written) {
        const name = [...segmentsIn(writerLog)].find((file) => !before.has(file));
        if (name) written = { name, at: performance.now() };
      }
      if (written && copiedAt === null && existsSync(join(readerLog, written.name))) copiedAt = performance.now();
      await sleep(STEP_MS);
    }
    const end = performance.now();
    // A step too fast for the sampling to see is counted as none.
    const writtenAt = written?.at ?? start;
    const copied = copiedAt ?? end;
    rows.push({ engine, baton: end - start, write: writtenAt - start, copy: copied - writtenAt, read: end - copied });
  }
  const engineMs = median(rows.map((row) => row.engine));
  const batonMs = median(rows.map((row) => row.baton));
  return {
    samples: rows.length,
    engineMs: Math.round(engineMs),
    batonMs: Math.round(batonMs),
    writeMs: Math.round(median(rows.map((row) => row.write))),
    copyMs: Math.round(median(rows.map((row) => row.copy))),
    readMs: Math.round(median(rows.map((row) => row.read))),
    ratio: Math.round((batonMs / engineMs) * 100) / 100,
  };
}

/** The report as one line for people. */
export function describePropagation(report: PropagationReport, engine: string): string {
  return (
    `Baton ${report.batonMs} ms vs ${engine} alone ${report.engineMs} ms (ratio ${report.ratio.toFixed(2)}, +${report.batonMs - report.engineMs} ms; ` +
    `Baton's time: write ${report.writeMs} ms, copy ${report.copyMs} ms, read ${report.readMs} ms), medians of ${report.samples}`
  );
}
