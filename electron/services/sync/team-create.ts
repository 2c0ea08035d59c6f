import { mkdir } from 'node:fs/promises';
import { mkdirInTeamFolder } from './team-folder-mkdir';
import {
  DEVICE_FILE_FORMAT,
  TEAM_FILE_FORMAT,
  deviceFileSchema,
  teamFileSchema,
  teamFileText,
  type DeviceFile,
  type TeamFile,
} from '../../../shared/sync/team-files';
import { writeFileOnce } from './durable-fs';
import { newRandomId } from './write/identity';
import { teamFolderLayout } from './layout';

/** The parts of this device that the team files name. */
export interface DeviceClaim {
  readonly deviceId: string;
  readonly publicKeyPem: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly appVersion: string;
}

export class TeamExistsError extends Error {
  constructor(readonly team: TeamFile | null) {
    super('this folder already holds a Baton team');
  }
}

/**
 * Creates a team in a folder: `baton/team.json`, naming this device's key as the root of trust,
 * then this device's device.json. Neither file is ever overwritten: if team.json exists the call
 * fails with TeamExistsError. The caller checks that the folder is there (a path on an unmounted
 * share must not be created locally).
 */
export async function createTeamFiles(sharedDir: string, teamName: string, device: DeviceClaim, now: number): Promise<TeamFile> {
  const layout = teamFolderLayout(sharedDir);
  const team = teamFileSchema.parse({
    format: TEAM_FILE_FORMAT,
    teamId: newRandomId(),
    name: teamName,
    created: new Date(now).toISOString(),
    rootDeviceId: device.deviceId,
    rootPublicKey: device.publicKeyPem,
  });
  await mkdir(layout.root, { recursive: true });
  if (!(await writeFileOnce(layout.teamFile, teamFileText(team)))) throw new TeamExistsError(null);
  await writeDeviceFile(sharedDir, device, now);
  return team;
}

/** Writes this device's device.json if it is not there; returns true if it wrote it. */
export async function writeDeviceFile(sharedDir: string, device: DeviceClaim, now: number): Promise<boolean> {
  const layout = teamFolderLayout(sharedDir);
  const file: DeviceFile = deviceFileSchema.parse({
    format: DEVICE_FILE_FORMAT,
    deviceId: device.deviceId,
    memberId: device.memberId,
    memberName: device.memberName,
    publicKey: device.publicKeyPem,
    created: new Date(now).toISOString(),
    appVersion: device.appVersion,
  });
  await mkdirInTeamFolder(sharedDir, layout.deviceDir(device.deviceId));
  return writeFileOnce(layout.deviceFile(device.deviceId), teamFileText(file));
}
