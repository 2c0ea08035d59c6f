import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { teamFolderLayout } from '../electron/services/sync/layout';
import { nodeCrypto } from '../electron/services/sync/node-crypto';
import { teamCapabilities } from '../shared/capabilities';
import { schemaFingerprint } from '../shared/sync/schema-fingerprint';
import { Agenda, dateOfDay, DAY, HOUR, isLead, type GenContext, type GenMember, type Person } from './gen-context';
import { TeamLogs, writeRootSnapshot } from './gen-devices';
import { HandoverDesk } from './gen-handover';
import { PrizeGenerator } from './gen-prizes';
import { RotaGenerator, TeamMonths } from './gen-rota';
import { SopGenerator } from './gen-sop';
import { deskShifts, foundTeam, SHIFTS_A_DAY } from './gen-team';
import type { BenchKeys } from './keys';
import { PeerThread } from './peer-thread';
import { Rng } from './prng';

/**
 * The seeded team history, written through the engine's own format code: every segment is made
 * by `encodeSegment` (the function the service's publisher seals with) and signed with the
 * device's Ed25519 key; team.json through the team-file schema and text, device.json through the
 * service's `writeDeviceFile`. One segment per device per shift (a device's edits of one shift),
 * compacted as the service's compactor does after each publish (bench/gen-devices.ts), so the
 * folder holds the files a real team's folder would, and last the root device's team snapshot.
 * Each capability's ops come from its own generator (gen-team, gen-handover, gen-rota, gen-sop,
 * gen-prizes), written by the people its rules allow: `bench/set-aside.ts` finds nothing to set aside.
 *
 * Not through `SyncService.record`: that appends and fsyncs an outbox per call and needs one
 * running service per device (45 profiles) with a fake clock; the bytes it would publish are
 * the same `encodeSegment` output, so going direct changes the speed of generating, not the data.
 */

export const GENERATOR_VERSION = 9;
export type SizeName = 'S' | 'M' | 'L';

export interface SizeSpec {
  readonly members: number;
  readonly devices: number;
  readonly days: number;
  /** Independent teams-within-the-team writing in parallel (L is five M desks). */
  readonly desks: number;
}

export const SIZES: Record<SizeName, SizeSpec> = {
  S: { members: 7, devices: 9, days: 365, desks: 1 },
  M: { members: 30, devices: 45, days: 3 * 365, desks: 1 },
  L: { members: 150, devices: 225, days: 3 * 365, desks: 5 },
};

export interface BenchDevice extends BenchKeys {
  readonly memberId: string;
  readonly memberName: string;
}

export interface DatasetMeta {
  readonly version: number;
  /** The app's schemas when it was written: under others the app would not start from its team snapshot. */
  readonly schemas: string;
  readonly size: SizeName;
  readonly seed: string;
  readonly teamId: string;
  readonly members: number;
  readonly devices: number;
  readonly days: number;
  readonly shifts: number;
  /** An approved editor with three devices that write nothing in the history: the bench's own. */
  readonly bench: { readonly person: Person; readonly apply: BenchDevice; readonly writer: BenchDevice; readonly reader: BenchDevice };
  readonly recentHandovers: readonly string[];
  readonly openFollowUps: readonly string[];
  readonly counts: {
    readonly ops: number;
    readonly segments: number;
    readonly bytesOnDisk: number;
    readonly handovers: number;
    readonly followUps: number;
    readonly escalations: number;
    readonly opsByType: Readonly<Record<string, number>>;
  };
  readonly generatedMs: number;
  readonly peer: { readonly file: string; readonly bytes: number; readonly changes: number };
}

export interface Dataset {
  readonly dir: string;
  readonly sharedDir: string;
  readonly meta: DatasetMeta;
  /** True when this run generated it (false: taken from the cache). */
  readonly fresh: boolean;
}

/** Each generator version has a folder of its own, so a new version never deletes a dataset someone is measuring. */
export function datasetDir(size: SizeName, seed: string, root = join(tmpdir(), 'baton-bench')): string {
  return join(root, `${size}-${seed}-v${GENERATOR_VERSION}`);
}

const appSchemas = (): string => schemaFingerprint(teamCapabilities, nodeCrypto);

/** The cached dataset, or a new one (also when a capability's schema changed since it was written). A dataset is complete once its meta.json is written. */
export async function ensureDataset(size: SizeName, seed: string, root?: string, log: (line: string) => void = () => {}): Promise<Dataset> {
  const dir = datasetDir(size, seed, root);
  const metaFile = join(dir, 'meta.json');
  if (existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as DatasetMeta;
    if (meta.version === GENERATOR_VERSION && meta.schemas === appSchemas()) return { dir, sharedDir: join(dir, 'shared'), meta, fresh: false };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`generating ${size} (seed ${seed}) into ${dir} ...`);
  const meta = await generate(size, seed, dir);
  writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
  return { dir, sharedDir: join(dir, 'shared'), meta, fresh: true };
}

const MINUTE = 60_000;
/** 2022-01-03 00:00 in Asia/Shanghai (UTC+8, no DST): the first day of the history. */
export const START = Date.UTC(2022, 0, 3) - 8 * HOUR;

async function generate(size: SizeName, seed: string, dir: string): Promise<DatasetMeta> {
  const started = performance.now();
  const spec = SIZES[size];
  const rng = new Rng(`baton-bench:${size}:${seed}`);
  const idRng = rng.fork('ids');
  const text = rng.fork('text');
  const sharedDir = join(dir, 'shared');
  const peer = new PeerThread();
  const logs = new TeamLogs(peer);
  const team = await foundTeam(spec, idRng, text, logs, sharedDir, START);

  // An op is written on the member's main computer, now and then on their second one.
  const memberOf = new Map(team.members.map((member) => [member.person.memberId, member]));
  const write = (author: GenMember, at: number, type: string, entity: string, data: object) => {
    const { devices } = memberOf.get(author.person.memberId)!;
    return logs.emit(devices.length > 1 && rng.chance(0.25) ? devices[1]! : devices[0]!, at, type, entity, data);
  };
  let nextEntity = 0;
  const newId = (prefix: string) => `${prefix}${(nextEntity += 1).toString(36)}${rng.int(0, 2 ** 30).toString(36)}`;
  const agenda = new Agenda();
  const context = (label: string): GenContext => ({
    rng: rng.fork(label),
    text: text.fork(label),
    start: START,
    days: spec.days,
    emit: (member, at, draft) => write(member, at, draft.type, draft.entity, draft.data),
    newId,
    later: (day, action) => agenda.add(day, action),
  });

  // The SOPs and prize approvals of the whole team; per desk its rota and its handovers.
  const allShifts = Array.from({ length: spec.desks }, (_, desk) => deskShifts(desk)).flat();
  const sops = new SopGenerator(context('sop'), team.members, allShifts, 70 * spec.desks);
  const prizes = new PrizeGenerator(context('prizes'), team.founder, team.members, 10 * spec.desks);
  const counts = { handovers: 0, followUps: 0, escalations: 0 };
  const months = new TeamMonths(spec.desks);
  const desks = Array.from({ length: spec.desks }, (_, i) => {
    const members = team.members.filter((member) => member.desk === i);
    const lead = members.find(isLead) ?? team.lead;
    const perShift = Math.max(2, Math.round(members.length / 3));
    return {
      shifts: deskShifts(i),
      rota: new RotaGenerator(context(`rota${i}`), lead, members, deskShifts(i), perShift, (member, at) => sops.acknowledge(member, at), months),
      handover: new HandoverDesk({ rng: rng.fork(`handover${i}`), text: text.fork(`handover${i}`), emit: write, newId }, members, counts),
    };
  });
  for (const desk of desks) desk.rota.setUp();
  sops.setUp(45 * spec.desks);
  prizes.setUp();

  const recentHandovers: string[] = [];
  let shifts = 0;
  let wall = START;
  for (let day = 0; day < spec.days; day += 1) {
    const dayStart = START + day * DAY;
    const date = dateOfDay({ start: START }, day);
    if (day % 30 === 0) for (const desk of desks) desk.handover.newMonth();
    agenda.run(day);
    for (const desk of desks) desk.rota.startDay(day);
    sops.startDay(day);
    prizes.startDay(day);
    // A few settings changes a year (the 'Weibo first' deadline).
    if (day > 0 && day % 120 === 0) team.setSettings(dayStart + 7 * HOUR, { escalationMinutes: rng.pick([60, 90, 120, 180]) });
    for (let slot = 0; slot < SHIFTS_A_DAY; slot += 1) {
      shifts += 1;
      for (const desk of desks) {
        const shift = desk.shifts[slot]!;
        const startAt = dayStart + shift.startH * HOUR;
        const endAt = dayStart + shift.endH * HOUR;
        wall = endAt;
        const onDuty = desk.rota.onDuty(date, shift.id);
        if (onDuty.length === 0) continue;
        const { early, during } = desk.handover.shiftEvents(onDuty);
        // At the start, each reads the SOP versions they have not acknowledged yet.
        early.unshift(...onDuty.map((member) => (at: number) => sops.acknowledge(member, at)));
        during.push((at) => desk.rota.duringShift(day, at));
        sops.tickShift(shift, day, onDuty);
        during.sort(() => rng.next() - 0.5);
        const events = [...early, ...during];
        const span = endAt - startAt - 40 * MINUTE;
        const times = events.map(() => startAt + 5 * MINUTE + Math.floor(rng.next() * span)).sort((a, b) => a - b);
        events.forEach((event, i) => event(times[i]!));
        recentHandovers.push(...desk.handover.writeNotes({ id: shift.id, date, startAt, endAt }, onDuty));
        recentHandovers.splice(0, recentHandovers.length - 50);
      }
      logs.flush(wall);
    }
  }
  // The last evening everyone has read the SOPs' latest versions (the rota's eligibility asks for them).
  for (const member of team.members) sops.acknowledge(member, wall + MINUTE);
  logs.flush(wall + MINUTE);

  const { segments, bytesOnDisk } = logs.write(sharedDir);
  const saved = await peer.save();
  const peerFile = join(dir, 'automerge.bin');
  writeFileSync(peerFile, saved.bytes);
  await writeRootSnapshot(sharedDir, team.founder.devices[0]!.keys);

  const openFollowUps = desks.flatMap((desk) => desk.handover.pool.map((item) => item.id)).slice(-50);
  const benchDevice = (keys: BenchKeys): BenchDevice => ({ ...keys, memberId: team.bench.person.memberId, memberName: team.bench.person.name });
  const [apply, writer, reader] = team.bench.devices.map(benchDevice);
  return {
    version: GENERATOR_VERSION,
    schemas: appSchemas(),
    size,
    seed,
    teamId: team.teamId,
    members: spec.members,
    devices: spec.devices,
    days: spec.days,
    shifts,
    bench: { person: team.bench.person, apply: apply!, writer: writer!, reader: reader! },
    recentHandovers,
    openFollowUps,
    counts: { ops: logs.opCount, segments, bytesOnDisk, ...counts, opsByType: logs.opsByType },
    generatedMs: Math.round(performance.now() - started),
    peer: { file: peerFile, bytes: saved.bytes.length, changes: saved.changes },
  };
}

/** Removes what the bench's own devices wrote in an earlier run (the history stays as generated). */
export function cleanBenchWrites(dataset: Dataset): void {
  const layout = teamFolderLayout(dataset.sharedDir);
  for (const device of [dataset.meta.bench.apply, dataset.meta.bench.writer, dataset.meta.bench.reader]) {
    rmSync(layout.logDir(device.deviceId), { recursive: true, force: true });
  }
}
