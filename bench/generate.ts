import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appSyncConfig } from '../electron/services/sync/app-sync-config';
import { foldFolder } from '../electron/services/sync/folder-fold';
import { teamFolderLayout } from '../electron/services/sync/layout';
import { nodeReaderFs } from '../electron/services/sync/reader-fs';
import { snapshotOfFold } from '../electron/services/sync/snapshots/snapshot-writer';
import { publishTeamSnapshot } from '../electron/services/sync/snapshots/team-snapshot';
import { nodeCrypto } from '../electron/services/sync/node-crypto';
import { writeDeviceFile } from '../electron/services/sync/team-create';
import type { FollowUpFields } from '../shared/handover';
import type { SyncCrypto } from '../shared/sync/crypto';
import { HybridClock } from '../shared/sync/hlc';
import { lwwSetData, type LwwFields } from '../shared/sync/lww';
import { entityRef, formatOpId, type Op } from '../shared/sync/op';
import { planCompaction } from '../shared/sync/compaction';
import { encodeSegment } from '../shared/sync/segment-encode';
import { TEAM_FILE_FORMAT, teamFileSchema, teamFileText } from '../shared/sync/team-files';
import { approveDeviceOp, createTeamOps, MEMBER_KIND, type Role } from '../shared/team';
import { seededId, seededKeys, type BenchKeys } from './keys';
import { PeerHistory } from './peer';
import { quietLog } from './quiet-log';
import { Rng } from './prng';
import { chineseName, chineseText, followUpTitle } from './vocabulary';
import { Agenda, type GenContext } from './gen-context';
import { PrizeGenerator } from './gen-prizes';
import { RotaGenerator } from './gen-rota';
import { SopGenerator } from './gen-sop';

/**
 * The seeded team history, written through the engine's own format code: every segment is made
 * by `encodeSegment` (the function the service's publisher seals with) and signed with the
 * device's Ed25519 key; team.json through the team-file schema and text, device.json through the
 * service's `writeDeviceFile`. One segment per device per shift (a device's edits of one shift),
 * compacted as the service's compactor does after each publish (shared/sync/compaction.ts), so the
 * folder holds the files a real team's folder would, and last the root device's team snapshot.
 *
 * Not through `SyncService.record`: that appends and fsyncs an outbox per call and needs one
 * running service per device (45 profiles) with a fake clock; the bytes it would publish are
 * the same `encodeSegment` output, so going direct changes the speed of generating, not the data.
 */

export const GENERATOR_VERSION = 8;
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

export interface Person {
  readonly memberId: string;
  readonly name: string;
}

export interface BenchDevice extends BenchKeys {
  readonly memberId: string;
  readonly memberName: string;
}

export interface DatasetMeta {
  readonly version: number;
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

export function datasetDir(size: SizeName, seed: string, root = join(tmpdir(), 'baton-bench')): string {
  return join(root, `${size}-${seed}`);
}

/** The cached dataset, or a new one. A dataset is complete once its meta.json is written. */
export async function ensureDataset(size: SizeName, seed: string, root?: string, log: (line: string) => void = () => {}): Promise<Dataset> {
  const dir = datasetDir(size, seed, root);
  const metaFile = join(dir, 'meta.json');
  if (existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as DatasetMeta;
    if (meta.version === GENERATOR_VERSION) return { dir, sharedDir: join(dir, 'shared'), meta, fresh: false };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`generating ${size} (seed ${seed}) into ${dir} ...`);
  const meta = await generate(size, seed, dir);
  writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
  return { dir, sharedDir: join(dir, 'shared'), meta, fresh: true };
}

// ---- generation ----

const DAY = 86_400_000;
const MINUTE = 60_000;
/** 2022-01-03 00:00 in Asia/Shanghai (UTC+8, no DST): the first day of the history. */
const START = Date.UTC(2022, 0, 3) - 8 * 3_600_000;
const SHIFTS = [
  { id: 'early', startH: 8, endH: 16 },
  { id: 'late', startH: 16, endH: 24 },
] as const;
/** A desk's shift types: the first desk's are `early` and `late`, the others' `early-2`, `late-2`, ... */
const deskShifts = (desk: number) => SHIFTS.map((shift) => ({ ...shift, id: desk === 0 ? shift.id : `${shift.id}-${desk + 1}`, base: shift.id, desk }));
const DEPARTMENTS = ['customer-service', 'marketing', 'ecommerce', 'legal', 'pr'];
const SECTIONS = ['summary', 'posts', 'fans', 'opinion', 'campaigns', 'nextShift'] as const;

/** node-crypto's signing with each device's parsed key kept (parsing the PEM per segment was a third of the time). */
const keyObjects = new Map<string, KeyObject>();
const generatorCrypto: SyncCrypto = {
  ...nodeCrypto,
  sign: (privateKeyPem, data) => {
    let key = keyObjects.get(privateKeyPem);
    if (!key) keyObjects.set(privateKeyPem, (key = createPrivateKey(privateKeyPem)));
    return sign(null, data, key).toString('base64');
  },
};

interface DeviceState {
  readonly keys: BenchKeys;
  readonly memberIndex: number;
  readonly clock: HybridClock;
  counter: number;
  seq: number;
  prev: string | null;
  batch: Op[];
  /** Its log folder as the device knows it: each file's size, header prev and ops, for compacting. */
  readonly files: Map<string, { size: number; prev: string | null; ops: readonly Op[] }>;
}

interface Member {
  readonly person: Person;
  readonly roles: Role[];
  readonly devices: DeviceState[];
  readonly desk: number;
}

interface TrackedFollowUp {
  readonly id: string;
  fields: LwwFields<FollowUpFields>;
  events: number;
  /** Extra events before it closes. */
  readonly lifetime: number;
  readonly escalation: boolean;
}

function dateOf(dayStart: number): string {
  return new Date(dayStart + 8 * 3_600_000).toISOString().slice(0, 10);
}

async function generate(size: SizeName, seed: string, dir: string): Promise<DatasetMeta> {
  const started = performance.now();
  const spec = SIZES[size];
  const rng = new Rng(`baton-bench:${size}:${seed}`);
  const idRng = rng.fork('ids');
  const text = rng.fork('text');
  const sharedDir = join(dir, 'shared');
  const layout = teamFolderLayout(sharedDir);
  mkdirSync(layout.devicesDir, { recursive: true });

  // People and devices: member i has device i; the extra devices are second computers.
  const members: Member[] = [];
  for (let i = 0; i < spec.members; i += 1) {
    const roles: Role[] = i === 0 ? ['admin', 'lead', 'editor'] : i % 10 === 1 ? ['lead', 'editor'] : i % 10 === 2 ? ['approver', 'editor'] : ['editor'];
    members.push({ person: { memberId: seededId(idRng), name: chineseName(text) }, roles, devices: [], desk: i % spec.desks });
  }
  const newDevice = (memberIndex: number): DeviceState => {
    const keys = seededKeys(idRng);
    return { keys, memberIndex, clock: new HybridClock(keys.deviceId), counter: 0, seq: 0, prev: null, batch: [], files: new Map() };
  };
  for (let d = 0; d < spec.devices; d += 1) members[d % spec.members]!.devices.push(newDevice(d % spec.members));
  const benchPerson: Person = { memberId: seededId(idRng), name: '基准测试' };
  const benchDevices = [0, 1, 2].map(() => seededKeys(idRng));
  const teamId = seededId(idRng);
  const founder = members[0]!;
  const founderDevice = founder.devices[0]!;

  const team = teamFileSchema.parse({
    format: TEAM_FILE_FORMAT,
    teamId,
    name: '微博运营组',
    created: new Date(START).toISOString(),
    rootDeviceId: founderDevice.keys.deviceId,
    rootPublicKey: founderDevice.keys.publicKeyPem,
  });
  writeFileSync(layout.teamFile, teamFileText(team));
  const claim = (keys: BenchKeys, memberId: string, memberName: string) => ({
    deviceId: keys.deviceId,
    publicKeyPem: keys.publicKeyPem,
    memberId,
    memberName,
    appVersion: '0.1.0-bench',
  });
  for (const member of members) {
    for (const device of member.devices) await writeDeviceFile(sharedDir, claim(device.keys, member.person.memberId, member.person.name), START);
  }
  for (const keys of benchDevices) await writeDeviceFile(sharedDir, claim(keys, benchPerson.memberId, benchPerson.name), START);

  const peer = new PeerHistory();
  const opsByType: Record<string, number> = {};
  let opCount = 0;

  const emit = (device: DeviceState, wall: number, type: string, entity: string, data: object): Op => {
    device.counter += 1;
    const op = { id: formatOpId(device.keys.deviceId, device.counter), hlc: device.clock.now(wall), type, entity, data } as Op;
    device.batch.push(op);
    opsByType[type] = (opsByType[type] ?? 0) + 1;
    opCount += 1;
    return op;
  };
  const allDevices = members.flatMap((member) => member.devices);
  /** Seals every device's batch as its next segment (the end of a shift: each computer flushed). */
  const flush = (wall: number) => {
    for (const device of allDevices) {
      if (device.batch.length === 0) continue;
      device.seq += 1;
      const encoded = encodeSegment({ deviceId: device.keys.deviceId, seq: device.seq, prev: device.prev, ops: device.batch }, device.keys.privateKeyPem, generatorCrypto);
      const logDir = layout.logDir(device.keys.deviceId);
      if (device.seq === 1) mkdirSync(logDir, { recursive: true });
      writeFileSync(join(logDir, encoded.fileName), encoded.bytes);
      device.files.set(encoded.fileName, { size: encoded.bytes.length, prev: device.prev, ops: device.batch });
      peer.addBatch(device.batch, wall);
      device.prev = encoded.sha256;
      device.batch = [];
      compact(device, logDir);
    }
  };
  /** What the service's compactor does after a publish, on the files this device wrote. */
  const compact = (device: DeviceState, logDir: string) => {
    const { run } = planCompaction([...device.files].map(([name, file]) => ({ name, size: file.size })));
    if (!run) return;
    const parts = run.files.map((file) => device.files.get(file.name)!);
    const ops = parts.flatMap((part) => part.ops);
    const draft = { deviceId: device.keys.deviceId, seq: run.firstSeq, lastSeq: run.lastSeq, prev: parts[0]!.prev, ops };
    const encoded = encodeSegment(draft, device.keys.privateKeyPem, generatorCrypto);
    writeFileSync(join(logDir, encoded.fileName), encoded.bytes);
    for (const file of run.files) {
      rmSync(join(logDir, file.name));
      device.files.delete(file.name);
    }
    device.files.set(encoded.fileName, { size: encoded.bytes.length, prev: draft.prev, ops });
  };

  // Day 0, before the first shift: the founder creates the team and approves everyone.
  let wall = START + 7 * 3_600_000;
  const founderIdentity = { memberId: founder.person.memberId, deviceId: founderDevice.keys.deviceId, publicKey: founderDevice.keys.publicKeyPem };
  for (const draft of createTeamOps({ ...founderIdentity, memberName: founder.person.name, roles: ['lead', 'editor'] })) {
    emit(founderDevice, (wall += 1000), draft.type, draft.entity, draft.data);
  }
  for (const member of members) {
    for (const device of member.devices) {
      if (device === founderDevice) continue;
      const draft = approveDeviceOp({ memberId: member.person.memberId, deviceId: device.keys.deviceId, publicKey: device.keys.publicKeyPem, roles: member.roles });
      emit(founderDevice, (wall += 1000), draft.type, draft.entity, draft.data);
    }
  }
  for (const keys of benchDevices) {
    const draft = approveDeviceOp({ memberId: benchPerson.memberId, deviceId: keys.deviceId, publicKey: keys.publicKeyPem, roles: ['editor'] });
    emit(founderDevice, (wall += 1000), draft.type, draft.entity, draft.data);
  }
  const lead = members.find((member) => member.roles.includes('lead') && member !== founder) ?? founder;
  const allShifts = Array.from({ length: spec.desks }, (_, desk) => deskShifts(desk)).flat();
  const settingsWrite = (at: number, set: Record<string, unknown>, seen: Record<string, string[]>) =>
    emit(lead.devices[0]!, at, 'teamSettings.set', entityRef('teamSettings', 'team'), { set, seen });
  let settingsHlc = settingsWrite((wall += 60_000), {
    shiftTypes: allShifts.map((shift) => ({
      id: shift.id,
      name: {
        'zh-CN': `${shift.base === 'early' ? '早班' : '晚班'}${shift.desk === 0 ? '' : ` ${shift.desk + 1}组`}`,
        en: `${shift.base === 'early' ? 'Early shift' : 'Late shift'}${shift.desk === 0 ? '' : ` ${shift.desk + 1}`}`,
      },
      start: `${String(shift.startH).padStart(2, '0')}:00`,
      end: `${String(shift.endH).padStart(2, '0')}:00`,
      needed: Math.max(2, Math.round(spec.members / spec.desks / 3)),
    })),
    departments: [
      { id: 'customer-service', name: { 'zh-CN': '客服部', en: 'Customer service' } },
      { id: 'marketing', name: { 'zh-CN': '市场部', en: 'Marketing' } },
      { id: 'ecommerce', name: { 'zh-CN': '电商部', en: 'E-commerce' } },
      { id: 'legal', name: { 'zh-CN': '法务部', en: 'Legal' } },
      { id: 'pr', name: { 'zh-CN': '公关部', en: 'PR' } },
    ],
    escalationMinutes: 120,
    timeZone: 'Asia/Shanghai',
  }, {}).hlc;
  for (const member of members) {
    if (member === founder) continue;
    emit(member.devices[0]!, (wall += 1000), 'member.profileSet', entityRef(MEMBER_KIND, member.person.memberId), { set: { displayName: member.person.name }, seen: {} });
  }
  flush(wall);

  const deviceOf = (member: Member) => (member.devices.length > 1 && rng.chance(0.25) ? member.devices[1]! : member.devices[0]!);
  const desks = Array.from({ length: spec.desks }, (_, desk) => ({
    members: members.filter((member) => member.desk === desk),
    pool: [] as TrackedFollowUp[],
    previousNotes: [] as Array<{ id: string; author: string }>,
    escalationsThisMonth: 0,
    monthlyRate: 40,
  }));
  let nextEntity = 0;
  const newId = (prefix: string) => `${prefix}${(nextEntity += 1).toString(36)}${rng.int(0, 2 ** 30).toString(36)}`;

  // The rota (one per desk), the SOPs and the prize approvals, each with its capability's builders.
  const agenda = new Agenda();
  const memberOf = new Map(members.map((member) => [member.person.memberId, member]));
  const context = (label: string): GenContext => ({
    rng: rng.fork(label),
    text: text.fork(label),
    start: START,
    days: spec.days,
    emit: (member, at, draft) => emit(deviceOf(memberOf.get(member.person.memberId)!), at, draft.type, draft.entity, draft.data),
    newId,
    later: (day, action) => agenda.add(day, action),
  });
  const rotas = desks.map((desk, i) => {
    const deskLead = desk.members.find((member) => member.roles.includes('lead')) ?? lead;
    return new RotaGenerator(context(`rota${i}`), deskLead, desk.members, deskShifts(i), Math.max(2, Math.round(desk.members.length / 3)));
  });
  const sops = new SopGenerator(context('sop'), members, allShifts, 70 * spec.desks);
  const prizes = new PrizeGenerator(context('prizes'), founder, members, 10 * spec.desks);
  for (const rota of rotas) rota.setUp();
  sops.setUp(45 * spec.desks);
  prizes.setUp();
  let handovers = 0;
  let followUps = 0;
  let escalations = 0;
  const recentHandovers: string[] = [];

  const createFollowUp = (member: Member, at: number, desk: (typeof desks)[number], handoverId?: string, escalate = false): string => {
    const id = newId('f');
    const by = member.person;
    const owner = rng.pick(desk.members).person;
    const department = rng.pick(DEPARTMENTS);
    const dueAt = at + rng.int(2, 72) * 3_600_000;
    const data: Record<string, unknown> = {
      title: followUpTitle(text),
      owner,
      dueAt,
      category: escalate ? 'escalation' : rng.pick(['campaign', 'content', 'other']),
      createdBy: by,
      at,
      ...(handoverId ? { handoverId } : {}),
      ...(escalate
        ? {
            department,
            escalation: {
              escalatedBy: by,
              escalatedAt: at,
              department,
              weiboLink: `https://weibo.com/${rng.int(1_000_000_000, 7_999_999_999)}/${rng.int(2 ** 20, 2 ** 40).toString(36)}`,
              deadlineAt: at + 120 * MINUTE,
            },
          }
        : {}),
    };
    const op = emit(deviceOf(member), at, 'followUp.created', entityRef('followUp', id), data);
    const initial: FollowUpFields = { title: data.title as string, owner, dueAt, status: 'open', department: escalate ? department : null };
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(initial)) fields[key] = { value, hlc: op.hlc, conflicts: [] };
    desk.pool.push({ id, fields: fields as LwwFields<FollowUpFields>, events: 0, lifetime: rng.int(0, 30), escalation: escalate });
    followUps += 1;
    if (escalate) escalations += 1;
    return id;
  };

  const actOnFollowUp = (member: Member, at: number, desk: (typeof desks)[number]) => {
    if (desk.pool.length === 0) return;
    // Recent follow-ups are busier than old ones.
    const index = Math.max(0, desk.pool.length - 1 - Math.floor(Math.abs(rng.next() * rng.next()) * desk.pool.length));
    const item = desk.pool[index]!;
    item.events += 1;
    const entity = entityRef('followUp', item.id);
    // A follow-up is discussed over days (a comment thread and status changes) before it closes.
    const closeNow = item.events >= (item.escalation ? 15 + item.lifetime : 25 + item.lifetime) || desk.pool.length > 150;
    if (!closeNow && rng.chance(0.7)) {
      emit(deviceOf(member), at, 'followUp.commented', entity, { text: chineseText(text, 15, 90), by: member.person, at });
      return;
    }
    let changes: Partial<FollowUpFields>;
    const roll = rng.next();
    if (closeNow) changes = { status: roll < 0.9 ? 'done' : 'dropped' };
    else if (roll < 0.5) changes = { status: 'waiting' };
    else if (roll < 0.75) changes = { owner: rng.pick(desk.members).person };
    else changes = { dueAt: at + rng.int(4, 48) * 3_600_000 };
    const op = emit(deviceOf(member), at, 'followUp.updated', entity, { ...lwwSetData(item.fields, changes), by: member.person, at });
    const fields = { ...item.fields } as Record<string, unknown>;
    for (const [key, value] of Object.entries(changes)) fields[key] = { value, hlc: op.hlc, conflicts: [] };
    item.fields = fields as LwwFields<FollowUpFields>;
    if (closeNow) desk.pool.splice(index, 1);
  };

  let shifts = 0;
  for (let day = 0; day < spec.days; day += 1) {
    const dayStart = START + day * DAY;
    const date = dateOf(dayStart);
    if (day % 30 === 0) for (const desk of desks) desk.monthlyRate = rng.int(20, 60);
    agenda.run(day);
    for (const rota of rotas) rota.startDay(day);
    sops.startDay(day);
    prizes.startDay(day);
    // A few settings changes a year (the 'Weibo first' deadline).
    if (day > 0 && day % 120 === 0) {
      settingsHlc = settingsWrite(dayStart + 7 * 3_600_000, { escalationMinutes: rng.pick([60, 90, 120, 180]) }, { escalationMinutes: [settingsHlc] }).hlc;
    }
    for (const [slot, { startH, endH }] of SHIFTS.entries()) {
      shifts += 1;
      const shiftStartAt = dayStart + startH * 3_600_000;
      const shiftEndAt = dayStart + endH * 3_600_000;
      for (const [deskIndex, desk] of desks.entries()) {
        const shift = deskShifts(deskIndex)[slot]!;
        const onDuty = rotas[deskIndex]!.onDuty(date, shift.id).map((member) => memberOf.get(member.person.memberId)!);
        if (onDuty.length === 0) continue;
        type Event = (at: number) => void;
        const early: Event[] = onDuty.map((member) => (at: number) => sops.acknowledge(member, at));
        const during: Event[] = [(at) => rotas[deskIndex]!.duringShift(day, shift, at)];
        sops.tickShift(shift, day, onDuty);
        // Sign for the previous shift's notes (签收).
        for (const member of onDuty) {
          for (const note of desk.previousNotes) {
            if (note.author === member.person.memberId) continue;
            early.push((at) => emit(deviceOf(member), at, 'handover.acknowledged', entityRef('handover', note.id), { by: member.person, at }));
          }
        }
        const escalationCount = Math.floor(desk.monthlyRate / 60 + rng.next());
        for (let i = 0; i < escalationCount; i += 1) {
          const member = rng.pick(onDuty);
          during.push((at) => createFollowUp(member, at, desk, undefined, true));
        }
        for (const member of onDuty) {
          const actions = rng.int(8, 14);
          for (let i = 0; i < actions; i += 1) during.push((at) => actOnFollowUp(member, at, desk));
        }
        during.sort(() => rng.next() - 0.5);
        const events = [...early, ...during];
        const span = shiftEndAt - shiftStartAt - 40 * MINUTE;
        const times = events.map(() => shiftStartAt + 5 * MINUTE + Math.floor(rng.next() * span)).sort((a, b) => a - b);
        events.forEach((event, i) => event(times[i]!));

        // The notes, written at the end of the shift: one, sometimes two.
        const authors = onDuty.slice(0, rng.chance(0.3) ? 2 : 1);
        desk.previousNotes = [];
        let at = shiftEndAt - 30 * MINUTE;
        for (const author of authors) {
          const handoverId = newId('h');
          const created: string[] = [];
          const extra = rng.int(1, 4);
          for (let i = 0; i < extra; i += 1) created.push(createFollowUp(author, (at += rng.int(1, 4) * MINUTE), desk, handoverId));
          const carried = desk.pool.slice(-5).map((item) => item.id).filter((id) => !created.includes(id));
          const entries = rng.int(6, 12);
          const sections: Record<string, string> = Object.fromEntries(SECTIONS.map((key) => [key, '']));
          for (let i = 0; i < entries; i += 1) {
            const key = i < SECTIONS.length ? SECTIONS[i]! : rng.pick(SECTIONS);
            const entry = `- ${chineseText(text, 50, 300)}`;
            sections[key] = sections[key] ? `${sections[key]}\n${entry}` : entry;
          }
          at += rng.int(1, 4) * MINUTE;
          emit(deviceOf(author), at, 'handover.submitted', entityRef('handover', handoverId), {
            date,
            shiftTypeId: shift.id,
            shiftStartAt,
            shiftEndAt,
            author: author.person,
            at,
            sections,
            attachments: [],
            followUpIds: [...created, ...carried],
          });
          desk.previousNotes.push({ id: handoverId, author: author.person.memberId });
          handovers += 1;
          recentHandovers.push(handoverId);
          if (recentHandovers.length > 50) recentHandovers.shift();
        }
      }
      flush(shiftEndAt);
    }
  }

  await writeRootSnapshot(sharedDir, founderDevice.keys);

  const written = allDevices.flatMap((device) => [...device.files.values()]);
  const segments = written.length;
  const bytesOnDisk = written.reduce((sum, file) => sum + file.size, 0);
  const peerBytes = peer.save();
  const peerFile = join(dir, 'automerge.bin');
  writeFileSync(peerFile, peerBytes);
  const openFollowUps = desks.flatMap((desk) => desk.pool.map((item) => item.id)).slice(-50);
  const benchDevice = (keys: BenchKeys): BenchDevice => ({ ...keys, memberId: benchPerson.memberId, memberName: benchPerson.name });
  return {
    version: GENERATOR_VERSION,
    size,
    seed,
    teamId,
    members: spec.members,
    devices: spec.devices,
    days: spec.days,
    shifts,
    bench: { person: benchPerson, apply: benchDevice(benchDevices[0]!), writer: benchDevice(benchDevices[1]!), reader: benchDevice(benchDevices[2]!) },
    recentHandovers,
    openFollowUps,
    counts: { ops: opCount, segments, bytesOnDisk, handovers, followUps, escalations, opsByType },
    generatedMs: Math.round(performance.now() - started),
    peer: { file: peerFile, bytes: peerBytes.length, changes: peer.changes },
  };
}

/**
 * What the founder's computer (the team's root device) does once it has folded the history: reads
 * the folder, folds it with the app's capabilities and trust, and publishes its team snapshot, so
 * that a cold open starts the way a computer new to the team does.
 */
export async function writeRootSnapshot(sharedDir: string, keys: BenchKeys): Promise<void> {
  const config = appSyncConfig();
  const folded = await foldFolder(sharedDir, config, nodeReaderFs, generatorCrypto);
  if (!folded.available) throw new Error(`the generated folder is unreadable: ${folded.detail}`);
  const writer = { capabilities: config.capabilities, crypto: generatorCrypto, device: keys, now: Date.now };
  const encoded = snapshotOfFold(writer, folded.team.teamId, folded.reader, folded.fold);
  await publishTeamSnapshot(sharedDir, keys.deviceId, encoded, quietLog('[generate]'));
}

/** Removes what the bench's own devices wrote in an earlier run (the history stays as generated). */
export function cleanBenchWrites(dataset: Dataset): void {
  const layout = teamFolderLayout(dataset.sharedDir);
  for (const device of [dataset.meta.bench.apply, dataset.meta.bench.writer, dataset.meta.bench.reader]) {
    rmSync(layout.logDir(device.deviceId), { recursive: true, force: true });
  }
}
