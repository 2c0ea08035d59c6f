import { writeFileSync, mkdirSync } from 'node:fs';
import { teamFolderLayout } from '../electron/services/sync/layout';
import { writeDeviceFile } from '../electron/services/sync/team-create';
import { entityRef } from '../shared/sync/op';
import { TEAM_FILE_FORMAT, teamFileSchema, teamFileText } from '../shared/sync/team-files';
import { approveDeviceOp, createTeamOps, MEMBER_KIND, type Role } from '../shared/team';
import { DEPARTMENTS, type GenMember, type Person } from './gen-context';
import type { GenDevice, TeamLogs } from './gen-devices';
import { seededId, seededKeys, type BenchKeys } from './keys';
import type { Rng } from './prng';
import { chineseName } from './vocabulary';

/**
 * The team on its first day: people with their roles and computers (member i has device i; the
 * extra devices are second computers), team.json and each device.json written through the
 * team-file schema and the service's `writeDeviceFile`, then the founder creates the team,
 * approves every device, and a lead sets the shift types, departments and the 'Weibo first'
 * minutes; everyone sets their display name.
 */

export interface Member extends GenMember {
  readonly roles: Role[];
  readonly devices: GenDevice[];
  /** Which desk (a team within the team with its own shift types and rota) the member works on. */
  readonly desk: number;
}

export interface ShiftDef {
  readonly id: string;
  /** The shift type it stands for on the first desk (`early`, `late`). */
  readonly base: string;
  readonly desk: number;
  readonly startH: number;
  readonly endH: number;
}

const SHIFTS = [
  { id: 'early', startH: 8, endH: 16 },
  { id: 'late', startH: 16, endH: 24 },
] as const;
export const SHIFTS_A_DAY = SHIFTS.length;

/** A desk's shift types: the first desk's are `early` and `late`, the others' `early-2`, `late-2`, ... */
export const deskShifts = (desk: number): ShiftDef[] => SHIFTS.map((shift) => ({ ...shift, id: desk === 0 ? shift.id : `${shift.id}-${desk + 1}`, base: shift.id, desk }));

export interface Team {
  readonly teamId: string;
  readonly members: readonly Member[];
  readonly founder: Member;
  /** The lead who keeps the team settings. */
  readonly lead: Member;
  /** An approved editor with three devices that write nothing in the history: the bench's own. */
  readonly bench: { readonly person: Person; readonly devices: readonly BenchKeys[] };
  /** Changes the team settings (a lead, having seen the last change of each field it sets). */
  setSettings(at: number, set: Record<string, unknown>): void;
}

export interface TeamShape {
  readonly members: number;
  readonly devices: number;
  readonly desks: number;
}

export async function foundTeam(shape: TeamShape, idRng: Rng, text: Rng, logs: TeamLogs, sharedDir: string, start: number): Promise<Team> {
  const members: Member[] = [];
  for (let i = 0; i < shape.members; i += 1) {
    const roles: Role[] = i === 0 ? ['admin', 'lead', 'editor'] : i % 10 === 1 ? ['lead', 'editor'] : i % 10 === 2 ? ['approver', 'editor'] : ['editor'];
    members.push({ person: { memberId: seededId(idRng), name: chineseName(text) }, roles, devices: [], desk: i % shape.desks });
  }
  for (let d = 0; d < shape.devices; d += 1) members[d % shape.members]!.devices.push(logs.device(seededKeys(idRng)));
  const bench = { person: { memberId: seededId(idRng), name: '基准测试' }, devices: [0, 1, 2].map(() => seededKeys(idRng)) };
  const teamId = seededId(idRng);
  const founder = members[0]!;
  const founderDevice = founder.devices[0]!;

  const layout = teamFolderLayout(sharedDir);
  mkdirSync(layout.devicesDir, { recursive: true });
  const team = teamFileSchema.parse({
    format: TEAM_FILE_FORMAT,
    teamId,
    name: '微博运营组',
    created: new Date(start).toISOString(),
    rootDeviceId: founderDevice.keys.deviceId,
    rootPublicKey: founderDevice.keys.publicKeyPem,
  });
  writeFileSync(layout.teamFile, teamFileText(team));
  const claim = (keys: BenchKeys, person: Person) => ({ deviceId: keys.deviceId, publicKeyPem: keys.publicKeyPem, memberId: person.memberId, memberName: person.name, appVersion: '0.1.0-bench' });
  for (const member of members) for (const device of member.devices) await writeDeviceFile(sharedDir, claim(device.keys, member.person), start);
  for (const keys of bench.devices) await writeDeviceFile(sharedDir, claim(keys, bench.person), start);

  // Day 0, before the first shift: the founder creates the team and approves everyone.
  let wall = start + 7 * 3_600_000;
  const founderIdentity = { memberId: founder.person.memberId, deviceId: founderDevice.keys.deviceId, publicKey: founderDevice.keys.publicKeyPem };
  const approvals = [
    ...createTeamOps({ ...founderIdentity, memberName: founder.person.name, roles: ['lead', 'editor'] }),
    ...members.flatMap((member) =>
      member.devices
        .filter((device) => device !== founderDevice)
        .map((device) => approveDeviceOp({ memberId: member.person.memberId, deviceId: device.keys.deviceId, publicKey: device.keys.publicKeyPem, roles: member.roles })),
    ),
    ...bench.devices.map((keys) => approveDeviceOp({ memberId: bench.person.memberId, deviceId: keys.deviceId, publicKey: keys.publicKeyPem, roles: ['editor'] })),
  ];
  for (const draft of approvals) logs.emit(founderDevice, (wall += 1000), draft.type, draft.entity, draft.data);

  const lead = members.find((member) => member.roles.includes('lead') && member !== founder) ?? founder;
  const seen: Record<string, string[]> = {};
  const setSettings = (at: number, set: Record<string, unknown>) => {
    const op = logs.emit(lead.devices[0]!, at, 'teamSettings.set', entityRef('teamSettings', 'team'), { set, seen: Object.fromEntries(Object.keys(set).flatMap((key) => (seen[key] ? [[key, seen[key]]] : []))) });
    for (const key of Object.keys(set)) seen[key] = [op.hlc];
  };
  const allShifts = Array.from({ length: shape.desks }, (_, desk) => deskShifts(desk)).flat();
  setSettings((wall += 60_000), {
    shiftTypes: allShifts.map((shift) => ({
      id: shift.id,
      name: {
        'zh-CN': `${shift.base === 'early' ? '早班' : '晚班'}${shift.desk === 0 ? '' : ` ${shift.desk + 1}组`}`,
        en: `${shift.base === 'early' ? 'Early shift' : 'Late shift'}${shift.desk === 0 ? '' : ` ${shift.desk + 1}`}`,
      },
      start: `${String(shift.startH).padStart(2, '0')}:00`,
      end: `${String(shift.endH).padStart(2, '0')}:00`,
      needed: Math.max(2, Math.round(shape.members / shape.desks / 3)),
    })),
    departments: DEPARTMENTS.map((department) => ({ ...department })),
    escalationMinutes: 120,
    timeZone: 'Asia/Shanghai',
  });
  for (const member of members) {
    if (member === founder) continue;
    logs.emit(member.devices[0]!, (wall += 1000), 'member.profileSet', entityRef(MEMBER_KIND, member.person.memberId), { set: { displayName: member.person.name }, seen: {} });
  }
  logs.flush(wall);
  return { teamId, members, founder, lead, bench, setSettings };
}
