import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { teamFolderLayout } from '../../../electron/services/sync/layout';
import { nodeCrypto } from '../../../electron/services/sync/node-crypto';
import { writeDeviceFile } from '../../../electron/services/sync/team-create';
import type { Person } from '../../../shared/team-settings';
import { deviceIdFromRandom } from '../../../shared/sync/device-id';
import { HybridClock } from '../../../shared/sync/hlc';
import { entityRef, formatOpId, type Op } from '../../../shared/sync/op';
import { encodeSegment } from '../../../shared/sync/segment-encode';
import { TEAM_FILE_FORMAT, teamFileSchema, teamFileText } from '../../../shared/sync/team-files';
import { approveDeviceOp, createTeamOps, MEMBER_KIND, type OpDraft } from '../../../shared/team';

/**
 * A team in a shared folder, written as the app writes it: team.json, a device.json per
 * computer, and each computer's ops sealed by the engine's own `encodeSegment` into signed
 * segments of a few hundred ops. The first person made the team and approved the others as
 * editors. For fixtures that need more history than a test can click together.
 */

const OPS_PER_SEGMENT = 300;

export interface TeamWriter {
  readonly person: Person;
  /** Appends an op written at `at` (epoch ms; later than this writer's previous one). */
  emit(at: number, draft: OpDraft): Op;
}

interface Device {
  readonly person: Person;
  readonly deviceId: string;
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
  readonly clock: HybridClock;
  counter: number;
  seq: number;
  prev: string | null;
  batch: Op[];
}

const randomId = () => deviceIdFromRandom(randomBytes(16));

function newDevice(name: string): Device {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const deviceId = randomId();
  return {
    person: { memberId: randomId(), name },
    deviceId,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    clock: new HybridClock(deviceId),
    counter: 0,
    seq: 0,
    prev: null,
    batch: [],
  };
}

/** Makes the team (one computer per name, the first its founder) at `createdAt`; `close` seals what is left. */
export async function writeTeam(sharedDir: string, names: readonly string[], createdAt: number) {
  const layout = teamFolderLayout(sharedDir);
  const devices = names.map(newDevice);
  const founder = devices[0]!;
  mkdirSync(layout.devicesDir, { recursive: true });
  const team = teamFileSchema.parse({
    format: TEAM_FILE_FORMAT,
    teamId: randomId(),
    name: '微博运营组',
    created: new Date(createdAt).toISOString(),
    rootDeviceId: founder.deviceId,
    rootPublicKey: founder.publicKeyPem,
  });
  writeFileSync(layout.teamFile, teamFileText(team));
  for (const device of devices) {
    const claim = { deviceId: device.deviceId, publicKeyPem: device.publicKeyPem, memberId: device.person.memberId, memberName: device.person.name, appVersion: '0.1.0-e2e' };
    await writeDeviceFile(sharedDir, claim, createdAt);
  }

  const seal = (device: Device) => {
    if (device.batch.length === 0) return;
    device.seq += 1;
    const encoded = encodeSegment({ deviceId: device.deviceId, seq: device.seq, prev: device.prev, ops: device.batch }, device.privateKeyPem, nodeCrypto);
    mkdirSync(layout.logDir(device.deviceId), { recursive: true });
    writeFileSync(join(layout.logDir(device.deviceId), encoded.fileName), encoded.bytes);
    device.prev = encoded.sha256;
    device.batch = [];
  };
  const writers: TeamWriter[] = devices.map((device) => ({
    person: device.person,
    emit: (at, { type, entity, data }) => {
      device.counter += 1;
      const op = { id: formatOpId(device.deviceId, device.counter), hlc: device.clock.now(at), type, entity, data } as Op;
      device.batch.push(op);
      if (device.batch.length >= OPS_PER_SEGMENT) seal(device);
      return op;
    },
  }));

  let at = createdAt;
  const identity = (device: Device) => ({ memberId: device.person.memberId, deviceId: device.deviceId, publicKey: device.publicKeyPem });
  for (const draft of createTeamOps({ ...identity(founder), memberName: founder.person.name })) writers[0]!.emit((at += 1000), draft);
  for (const device of devices.slice(1)) writers[0]!.emit((at += 1000), approveDeviceOp({ ...identity(device), roles: ['editor'] }));
  devices.slice(1).forEach((device, index) => {
    const set = { set: { displayName: device.person.name }, seen: {} };
    writers[index + 1]!.emit((at += 1000), { type: 'member.profileSet', entity: entityRef(MEMBER_KIND, device.person.memberId), data: set });
  });

  return {
    writers,
    /** The founder's computer, the team's root device: the one whose team snapshot others trust. */
    root: { deviceId: founder.deviceId, publicKeyPem: founder.publicKeyPem, privateKeyPem: founder.privateKeyPem },
    /** Seals every computer's last ops. */
    close: () => devices.forEach(seal),
  };
}
