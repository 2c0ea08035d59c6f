import { randomBytes } from 'node:crypto';
import { generateDeviceKeys, nodeCrypto } from '../../electron/services/sync/node-crypto';
import { deviceIdFromRandom, encodeSegment, type Op } from '../../shared/sync';
import { DEVICE_FILE_FORMAT, teamFileText, type TeamFile } from '../../shared/sync/team-files';
import { createTeamOps } from '../../shared/team';

export interface ReplacedRoot {
  /** Files to write into the shared folder, by path relative to it ('baton/team.json', ...). */
  readonly files: ReadonlyMap<string, string>;
  readonly team: TeamFile;
  readonly attacker: { readonly deviceId: string; readonly publicKeyPem: string; readonly privateKeyPem: string };
}

const randomId = () => deviceIdFromRandom(randomBytes(16));

/**
 * Fault scenario 17, as issue 16 found it: someone who can write to the shared folder replaces
 * the root key in baton/team.json (same team id and name) and adds a device of theirs that
 * approves itself as admin, signed with the new key, the way a team's creator starts a team.
 * `keepRootDevice`: the root's device id is kept and only its key replaced. `newTeamId`: the
 * team.json of another team altogether (another id too), as if a new team had been made there.
 */
export function replaceRoot(real: TeamFile, options: { keepRootDevice?: boolean; newTeamId?: boolean; at?: number } = {}): ReplacedRoot {
  const keys = generateDeviceKeys();
  const deviceId = options.keepRootDevice ? real.rootDeviceId : randomId();
  const memberId = randomId();
  const team: TeamFile = { ...real, ...(options.newTeamId ? { teamId: randomId() } : {}), rootDeviceId: deviceId, rootPublicKey: keys.publicKeyPem };
  const at = options.at ?? Date.now();
  const ops = createTeamOps({ memberId, deviceId, publicKey: keys.publicKeyPem, memberName: '管理员' }).map(
    (draft, index) => ({ id: `${deviceId}:${index + 1}`, hlc: `${String(at + index).padStart(15, '0')}-0000-${deviceId}`, ...draft }) as Op,
  );
  // Kept device: a segment far past the root's own, chained to nothing real.
  const chain = options.keepRootDevice ? { seq: 900, prev: '0'.repeat(64) } : { seq: 1, prev: null };
  const segment = encodeSegment({ deviceId, ...chain, ops }, keys.privateKeyPem, nodeCrypto);
  const files = new Map<string, string>([['baton/team.json', teamFileText(team)]]);
  if (!options.keepRootDevice) {
    files.set(`baton/devices/${deviceId}/device.json`, teamFileText({
      format: DEVICE_FILE_FORMAT, deviceId, memberId, memberName: '管理员', publicKey: keys.publicKeyPem, created: new Date(at).toISOString(), appVersion: '0.1.0',
    }));
  }
  files.set(`baton/devices/${deviceId}/log/${segment.fileName}`, segment.text);
  return { files, team, attacker: { deviceId, ...keys } };
}
