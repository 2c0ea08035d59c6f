import { generateKeyPairSync } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SAMPLE_MEMBER_KEYS, SAMPLE_ROLES, sampleMembers, sampleTexts, writeSampleHistory, type MemberKey, type SampleMember, type SampleStory } from '../../../shared/sample-team';
import { formatHlc } from '../../../shared/sync/hlc';
import { formatOpId, opSchema, type Op } from '../../../shared/sync/op';
import { encodeSegment } from '../../../shared/sync/segment-encode';
import { TEAM_FILE_FORMAT, teamFileSchema, teamFileText, type TeamFile } from '../../../shared/sync/team-files';
import { approveDeviceOp } from '../../../shared/team';
import { opDraft, type OpDraft } from '../../../shared/sync/op-draft';
import { member as memberCapability } from '../../../shared/team/roster-ops';
import { DEFAULT_TIME_ZONE, instantOfWallTime } from '../../../shared/team-settings';
import { teamFolderLayout } from '../sync/layout';
import { nodeCrypto } from '../sync/node-crypto';
import { writeDeviceFile } from '../sync/team-create';
import { newRandomId } from '../sync/write/identity';

/**
 * Writes the sample team into a folder of Baton's own, in the shared-folder format a real team's
 * folder has: team.json (the lead's device as the root of trust), a device.json and signed
 * segments per sample member's device, all through the engine's own format code. The person
 * opening it is a member (a lead on today's rota): their earlier work was written by "their old
 * computer", and this computer's device is approved for them a few minutes ago, so the app opens
 * the team as theirs. The sample members' keys live only while this runs: nobody writes as them again.
 */

/** This computer's device, as the sync service's public identity gives it. */
export interface SampleOwner {
  readonly deviceId: string;
  readonly memberId: string;
  readonly publicKey: string;
}

export interface SampleTeamInput {
  readonly sharedDir: string;
  readonly language: SampleStory['language'];
  readonly now: number;
  readonly owner: SampleOwner;
  /** The person's own name, if they gave one; else the sample's name for them. */
  readonly myName: string | null;
  readonly appVersion: string;
}

interface SampleDevice {
  readonly deviceId: string;
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
  readonly ops: Op[];
  counter: number;
  /** Wall ms → the last hlc counter used at it: two ops in one millisecond stay distinct. */
  readonly counters: Map<number, number>;
}

/** At most this many ops in one segment (a device's flushes are small too). */
const OPS_PER_SEGMENT = 400;

function newDevice(): SampleDevice {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    deviceId: newRandomId(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    ops: [],
    counter: 0,
    counters: new Map(),
  };
}

/** An op of `device` at `at`: its hlc is the story's time, so that the fold orders it as it happened. */
function emitOn(device: SampleDevice, at: number, draft: OpDraft): Op {
  const wallMs = Math.floor(at);
  const counter = (device.counters.get(wallMs) ?? -1) + 1;
  device.counters.set(wallMs, counter);
  device.counter += 1;
  const op = opSchema.parse(JSON.parse(JSON.stringify({ id: formatOpId(device.deviceId, device.counter), hlc: formatHlc({ wallMs, counter, deviceId: device.deviceId }), type: draft.type, entity: draft.entity, data: draft.data })));
  device.ops.push(op);
  return op;
}

export async function writeSampleTeam(input: SampleTeamInput): Promise<TeamFile> {
  const memberIds = Object.fromEntries(SAMPLE_MEMBER_KEYS.map((key) => [key, key === 'me' ? input.owner.memberId : newRandomId()])) as Record<MemberKey, string>;
  const story: SampleStory = { language: input.language, now: input.now, memberIds, myName: input.myName };
  const members = sampleMembers(story);
  const devices = Object.fromEntries(SAMPLE_MEMBER_KEYS.map((key) => [key, newDevice()])) as Record<MemberKey, SampleDevice>;
  const emit = (author: SampleMember, at: number, draft: OpDraft) => emitOn(devices[author.key], at, draft);

  const { firstDay } = writeSampleHistory(story, emit);
  // The roster, before all of it: the lead founds the team at 08:00 of its first day, approves everyone, and each names themself.
  const founded = instantOfWallTime(`${firstDay}T08:00`, DEFAULT_TIME_ZONE)!;
  let at = founded;
  for (const key of SAMPLE_MEMBER_KEYS) {
    const device = devices[key];
    emit(members.zhou, (at += 1_000), approveDeviceOp({ memberId: memberIds[key], deviceId: device.deviceId, publicKey: device.publicKeyPem, roles: SAMPLE_ROLES[key] }));
  }
  for (const key of SAMPLE_MEMBER_KEYS) {
    emit(members[key], (at += 1_000), opDraft(memberCapability, 'member.profileSet', memberIds[key], { set: { displayName: members[key].person.name }, seen: {} }));
  }
  // This computer: the person's new device, approved a few minutes ago.
  emit(members.zhou, input.now - 5 * 60_000, approveDeviceOp({ memberId: memberIds.me, deviceId: input.owner.deviceId, publicKey: input.owner.publicKey, roles: SAMPLE_ROLES.me }));

  const layout = teamFolderLayout(input.sharedDir);
  const root = devices.zhou;
  const team = teamFileSchema.parse({
    format: TEAM_FILE_FORMAT,
    teamId: newRandomId(),
    name: sampleTexts(input.language).teamName,
    created: new Date(founded).toISOString(),
    rootDeviceId: root.deviceId,
    rootPublicKey: root.publicKeyPem,
  });
  await mkdir(layout.root, { recursive: true });
  await writeFile(layout.teamFile, teamFileText(team), { flag: 'wx' });
  for (const key of SAMPLE_MEMBER_KEYS) {
    const device = devices[key];
    const claim = { deviceId: device.deviceId, publicKeyPem: device.publicKeyPem, memberId: memberIds[key], memberName: members[key].person.name, appVersion: input.appVersion };
    await writeDeviceFile(input.sharedDir, claim, founded);
    await writeSegments(layout.logDir(device.deviceId), device);
  }
  return team;
}

/** A device's ops in the order they happened, sealed in a chain of segments. */
async function writeSegments(logDir: string, device: SampleDevice): Promise<void> {
  const ops = [...device.ops].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  await mkdir(logDir, { recursive: true });
  let prev: string | null = null;
  for (let seq = 1; (seq - 1) * OPS_PER_SEGMENT < ops.length; seq += 1) {
    const batch = ops.slice((seq - 1) * OPS_PER_SEGMENT, seq * OPS_PER_SEGMENT);
    const encoded = encodeSegment({ deviceId: device.deviceId, seq, prev, ops: batch }, device.privateKeyPem, nodeCrypto);
    await writeFile(join(logDir, encoded.fileName), encoded.bytes, { flag: 'wx' });
    prev = encoded.sha256;
  }
}
