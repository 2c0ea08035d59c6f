import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../../log';
import { writeFileAtomic } from '../durable-fs';

/**
 * What this device has published into one team's folder: each segment's seq and sha256, and the
 * highest op counter sealed so far. Written (atomically) only after a segment was renamed into
 * place and read back verified. It is how the service tells its own segments from a copied
 * profile's, finds segments the folder lost, and never seals an op twice.
 */
const FORMAT = 'baton/device-state@1';

const segmentRecordSchema = z.strictObject({
  seq: z.number().int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string(),
  lastCounter: z.number().int().min(0),
  opCount: z.number().int().min(0),
});
export type OwnSegmentRecord = z.output<typeof segmentRecordSchema>;

/** A compacted file of ours, entered before it is written so that a crash never leaves it looking foreign. */
const compactionRecordSchema = z.strictObject({
  fileName: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  firstSeq: z.number().int().min(1),
  lastSeq: z.number().int().min(1),
});
export type CompactionRecord = z.output<typeof compactionRecordSchema>;

const fileSchema = z.strictObject({
  format: z.literal(FORMAT),
  teamId: z.string(),
  deviceId: z.string(),
  segments: z.array(segmentRecordSchema),
  compactions: z.array(compactionRecordSchema).default([]),
});

export class DeviceState {
  private segments: readonly OwnSegmentRecord[];
  private compactions: readonly CompactionRecord[];

  private constructor(
    private readonly file: string,
    readonly teamId: string,
    readonly deviceId: string,
    segments: readonly OwnSegmentRecord[],
    compactions: readonly CompactionRecord[] = [],
  ) {
    this.segments = [...segments].sort((a, b) => a.seq - b.seq);
    this.compactions = [...compactions];
  }

  /** A missing file, or one of another device id (this profile re-minted its id), starts empty. */
  static load(file: string, teamId: string, deviceId: string, log: Logger): DeviceState {
    const parsed = readState(file, log);
    const mine = parsed && parsed.teamId === teamId && parsed.deviceId === deviceId;
    return new DeviceState(file, teamId, deviceId, mine ? parsed.segments : [], mine ? parsed.compactions : []);
  }

  /** An empty state for a new device id of this profile; written over this one at its first publish. */
  forDevice(deviceId: string): DeviceState {
    return new DeviceState(this.file, this.teamId, deviceId, []);
  }

  get records(): readonly OwnSegmentRecord[] {
    return this.segments;
  }

  get nextSeq(): number {
    return (this.segments.at(-1)?.seq ?? 0) + 1;
  }

  get lastSha(): string | null {
    return this.segments.at(-1)?.sha256 ?? null;
  }

  get publishedThrough(): number {
    return this.segments.reduce((max, record) => Math.max(max, record.lastCounter), 0);
  }

  has(seq: number, sha256: string): boolean {
    return this.segments.some((record) => record.seq === seq && record.sha256 === sha256);
  }

  compaction(fileName: string): CompactionRecord | undefined {
    return this.compactions.find((record) => record.fileName === fileName);
  }

  isCompaction(sha256: string): boolean {
    return this.compactions.some((record) => record.sha256 === sha256);
  }

  async add(record: OwnSegmentRecord): Promise<void> {
    if (this.has(record.seq, record.sha256)) return;
    await this.write([...this.segments, record].sort((a, b) => a.seq - b.seq), this.compactions);
  }

  async addCompaction(record: CompactionRecord): Promise<void> {
    if (this.isCompaction(record.sha256)) return;
    await this.write(this.segments, [...this.compactions, record]);
  }

  private async write(segments: readonly OwnSegmentRecord[], compactions: readonly CompactionRecord[]): Promise<void> {
    const body = { format: FORMAT, teamId: this.teamId, deviceId: this.deviceId, segments, compactions };
    await writeFileAtomic(this.file, `${JSON.stringify(body)}\n`);
    this.segments = segments;
    this.compactions = compactions;
  }
}

function readState(file: string, log: Logger): z.output<typeof fileSchema> | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = fileSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  // Then every segment of ours looks foreign: the service will mint a new id, which is safe.
  log.error('sync', `${file} is damaged; segments of this device will be treated as not its own`);
  return null;
}

/** The highest op counter `deviceId` sealed into any team's folder: op counters are never reused. */
export function maxPublishedCounter(teamsDir: string, deviceId: string, log: Logger): number {
  let teams: string[];
  try {
    teams = readdirSync(teamsDir);
  } catch {
    return 0;
  }
  let max = 0;
  for (const team of teams) {
    const state = readState(join(teamsDir, team, 'device-state.json'), log);
    if (state?.deviceId !== deviceId) continue;
    for (const record of state.segments) max = Math.max(max, record.lastCounter);
  }
  return max;
}
