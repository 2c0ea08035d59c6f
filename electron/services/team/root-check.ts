import type { DeviceFile, TeamFile } from '../../../shared/sync/team-files';
import { MEMBER_KIND, normalizeTeamCode, sameKey } from '../../../shared/team';
import { opDeviceId } from '../../../shared/sync';
import type { SyncState } from '../../../shared/sync/sync-state';
import { codeOfTeam } from './team-code-check';

/**
 * Where the folder's history contradicts its team.json (fault scenario 17). team.json is a claim
 * anyone with access can replace; what the devices signed over time is harder to fake, so `baton
 * doctor` compares the two and says so, instead of naming whoever team.json names as the root.
 */
export type RootFindingKind =
  /** The team code given does not match team.json's root key. */
  | 'team-code-mismatch'
  /** The team code given matches another device's key: that device is the real root. */
  | 'team-code-matches-device'
  /** The root device's own device.json holds another key than team.json. */
  | 'root-key-differs'
  /** Segments in the root device's folder do not verify with team.json's key. */
  | 'root-segments-other-key'
  /** Another device approved itself, as only a team's creator does: a second history of the team. */
  | 'second-root';

export interface RootFinding {
  readonly kind: RootFindingKind;
  readonly deviceId: string | null;
  readonly detail: string;
}

export interface RootOfTrust {
  readonly deviceId: string;
  /** The team code of team.json's root key, as it is now in the folder. */
  readonly teamCode: string;
  /** Whether the code given (--team-code) matches it; null when none was given. */
  readonly teamCodeMatches: boolean | null;
  /** Empty when the folder's history agrees with its team.json. */
  readonly findings: readonly RootFinding[];
}

export interface RootEvidence {
  readonly team: TeamFile;
  /** Each device's device.json, as the reader found them. */
  readonly devices: ReadonlyMap<string, DeviceFile>;
  readonly setAsideFiles: readonly { readonly path: string; readonly reason: string }[];
  /** The folded state: its held roster ops, counted or not. Null when the app folds without the trust layer. */
  readonly state: SyncState | null;
}

/** Devices that approved themselves (`member.approved` of their own id): a team's creator does, once. */
function selfApproved(state: SyncState | null): Set<string> {
  const found = new Set<string>();
  for (const op of state?.heldOps(MEMBER_KIND) ?? []) {
    if (op.type !== 'member.approved') continue;
    const author = opDeviceId(op);
    if ((op.data as { deviceId?: unknown }).deviceId === author) found.add(author);
  }
  return found;
}

export function checkRoot(evidence: RootEvidence, givenCode?: string): RootOfTrust {
  const { team, devices } = evidence;
  const code = codeOfTeam(team);
  const findings: RootFinding[] = [];
  const given = givenCode === undefined ? null : normalizeTeamCode(givenCode);
  const matches = givenCode === undefined ? null : given === code;
  if (matches === false) {
    findings.push({ kind: 'team-code-mismatch', deviceId: team.rootDeviceId, detail: `the team code given does not match the root key in baton/team.json (its code is ${code}): team.json may have been replaced` });
    for (const device of devices.values()) {
      if (given !== null && codeOfTeam({ rootPublicKey: device.publicKey }) === given) {
        findings.push({ kind: 'team-code-matches-device', deviceId: device.deviceId, detail: `the team code given is the code of device ${device.deviceId}'s key: that device is the team's root, and baton/team.json was replaced` });
      }
    }
  }
  const rootFile = devices.get(team.rootDeviceId);
  if (rootFile && !sameKey(rootFile.publicKey, team.rootPublicKey)) {
    findings.push({ kind: 'root-key-differs', deviceId: team.rootDeviceId, detail: `the root device's own device.json holds another key than baton/team.json` });
  }
  const rootLog = `baton/devices/${team.rootDeviceId}/`;
  const unsigned = evidence.setAsideFiles.filter((file) => file.path.startsWith(rootLog) && file.reason === 'bad-signature');
  if (unsigned.length > 0) {
    findings.push({ kind: 'root-segments-other-key', deviceId: team.rootDeviceId, detail: `${unsigned.length} segment(s) of the root device are signed by another key than the one in baton/team.json` });
  }
  for (const deviceId of selfApproved(evidence.state)) {
    if (deviceId === team.rootDeviceId) continue;
    findings.push({ kind: 'second-root', deviceId, detail: `device ${deviceId} approved itself, as only a team's creator does: either baton/team.json was replaced and this device is the team's root, or it forged its approval (compare the team code)` });
  }
  return { deviceId: team.rootDeviceId, teamCode: code, teamCodeMatches: matches, findings };
}
