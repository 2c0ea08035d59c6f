import { ApiFailure } from '../../../shared/api/result';
import type { FolderTeam, TeamView } from '../../../shared/api/team-schemas';
import type { Settings } from '../../../shared/settings/schema';
import {
  approveOp,
  createTeamOps,
  declineOp,
  joinRequestOp,
  pendingRequests,
  removeMemberOp,
  revokeDeviceOp,
  setDisplayNameOp,
  rolesContradict,
  setRolesOp,
  TEAM_CODE_MISMATCH,
  type Role,
  type Roster,
} from '../../../shared/team';
import type { Logger } from '../log';
import type { SettingsService } from '../settings/settings-service';
import { probeFolder } from '../sync/folder-probe';
import { nodeReaderFs } from '../sync/reader-fs';
import type { SyncService } from '../sync/sync-service';
import { readOwnIdentity } from './own-identity';
import { codeOfTeam, pinCheckedTeam, teamMatchingCode } from './team-code-check';
import { revocationPoint } from './revocation-point';
import { teamView } from './team-view';
import type { TrustTap, TrustView } from './trust-tap';

export interface TeamServiceOptions {
  readonly sync: SyncService;
  readonly settings: SettingsService;
  /** Null when the app folds without a trust plug: the Team screen then says so. */
  readonly tap: TrustTap | null;
  readonly profileDir: string;
  readonly log: Logger;
}

/**
 * Creating and joining a team, and the admin's membership decisions. Every decision is an op
 * built by shared/team and recorded through the sync service like any other edit; whether it
 * counts is for the trust layer on every device, so the checks here only spare people an op that
 * would be set aside.
 */
export class TeamService {
  constructor(private readonly options: TeamServiceOptions) {}

  view(): TeamView {
    const status = this.options.sync.getStatus();
    return teamView({ status, trust: this.trust(), trustActive: this.options.tap !== null, ownMemberId: this.ownIdentity().memberId, codeOf: codeOfTeam });
  }

  /** The roster the trust layer folded for the state shown now; null without a team or trust layer. */
  roster(): Roster | null {
    return this.trust()?.roster ?? null;
  }

  async inspectFolder(path: string): Promise<FolderTeam> {
    const probe = await probeFolder(path, nodeReaderFs);
    if (probe.available) return { state: 'has-team', team: { id: probe.team.teamId, name: probe.team.name }, detail: '' };
    return { state: probe.reason === 'no-team' ? 'no-team' : 'unavailable', team: null, detail: probe.detail };
  }

  /** First run: a team in the chosen folder, this device its root of trust and first admin. */
  async createTeam(input: { memberName: string; teamName: string; path: string }): Promise<Settings> {
    const { sync, settings } = this.options;
    await this.expectFolder(input.path, 'no-team');
    await sync.setSharedDir(input.path);
    await sync.createTeam({ teamName: input.teamName, memberName: input.memberName, firstOps: (device) => createTeamOps(device) });
    return settings.update({ memberName: input.memberName, sharedFolder: { kind: 'path', path: input.path }, firstRunDone: true });
  }

  /**
   * First run: publish this device's device.json and its request to join; an admin decides. The
   * folder's team.json must match the team code an admin gave (a replaced one is refused).
   */
  async joinTeam(input: { memberName: string; path: string; teamCode: string }): Promise<Settings> {
    const { sync, settings } = this.options;
    await this.expectFolder(input.path, 'has-team');
    const checked = await teamMatchingCode(input.path, input.teamCode, nodeReaderFs);
    pinCheckedTeam(this.options.profileDir, checked);
    const next = settings.update({ memberName: input.memberName, sharedFolder: { kind: 'path', path: input.path }, firstRunDone: true });
    await sync.setSharedDir(input.path);
    sync.setMemberName(input.memberName);
    // The first poll reads the team and writes device.json (which makes the member id).
    await sync.syncNow();
    // A team.json swapped for another team's since the check: the service opened that one instead.
    if (sync.getStatus().teamId !== checked.teamId) throw new ApiFailure('forbidden', "the folder's team changed while joining: baton/team.json was replaced", [{ path: 'teamCode', message: TEAM_CODE_MISMATCH }]);
    const status = this.trust()?.roster.devices.get(sync.deviceId)?.status;
    if (status !== 'approved' && status !== 'pending') {
      const own = this.ownIdentity();
      if (!own.memberId) throw new ApiFailure('unavailable', 'this device has no member id yet: the shared folder could not be written');
      sync.record([joinRequestOp({ memberId: own.memberId, memberName: input.memberName, deviceId: own.deviceId, publicKey: own.publicKey })]);
      await sync.flushNow();
    }
    return next;
  }

  async approve(input: { requestId: string; roles: Role[]; memberId?: string | undefined }): Promise<TeamView> {
    const roster = this.adminRoster();
    const request = pendingRequests(roster).find((pending) => pending.id === input.requestId);
    if (!request) throw new ApiFailure('not-found', 'that join request is no longer waiting');
    if (!request.keyMatches) throw new ApiFailure('forbidden', "the device's files are signed with another key than its request: do not approve it");
    const existing = input.memberId ? roster.members.get(input.memberId) : undefined;
    if (input.memberId && (!existing || existing.removed)) throw new ApiFailure('not-found', 'that member is not in the team');
    // An existing member keeps their roles: the op carries them as they are.
    const roles = existing ? [...existing.roles] : refuseContradiction(input.roles);
    return this.decide([approveOp(request, { roles, ...(existing ? { memberId: existing.memberId } : {}) })]);
  }

  async decline(input: { requestId: string }): Promise<TeamView> {
    const request = pendingRequests(this.adminRoster()).find((pending) => pending.id === input.requestId);
    if (!request) throw new ApiFailure('not-found', 'that join request is no longer waiting');
    return this.decide([declineOp(request)]);
  }

  async setRoles(input: { memberId: string; roles: Role[] }): Promise<TeamView> {
    const roster = this.adminRoster();
    const member = this.activeMember(roster, input.memberId);
    if (member.roles.includes('admin') && !input.roles.includes('admin') && this.view().adminCount <= 1) {
      throw new ApiFailure('conflict', 'the team would have no admin left: make someone else admin first');
    }
    return this.decide([setRolesOp(roster, member.memberId, refuseContradiction(input.roles))]);
  }

  async removeMember(input: { memberId: string }): Promise<TeamView> {
    const roster = this.adminRoster();
    this.activeMember(roster, input.memberId);
    if (roster.devices.get(this.options.sync.deviceId)?.memberId === input.memberId) {
      throw new ApiFailure('forbidden', 'you cannot remove yourself; another admin must');
    }
    // Read the folder first, so the revocation point covers everything there is to see.
    await this.options.sync.pollNow();
    const status = this.options.sync.getStatus();
    return this.decide([removeMemberOp(roster, input.memberId, (deviceId) => revocationPoint(status, this.trust(), deviceId))]);
  }

  async revokeDevice(input: { deviceId: string }): Promise<TeamView> {
    const roster = this.adminRoster();
    const device = roster.devices.get(input.deviceId);
    if (!device || device.status !== 'approved') throw new ApiFailure('not-found', 'that device is not an approved device of the team');
    if (input.deviceId === this.options.sync.deviceId) throw new ApiFailure('forbidden', 'a device cannot revoke itself; another admin must');
    await this.options.sync.pollNow();
    const point = revocationPoint(this.options.sync.getStatus(), this.trust(), input.deviceId);
    return this.decide([revokeDeviceOp(input.deviceId, point)]);
  }

  async setMyDisplayName(input: { displayName: string }): Promise<TeamView> {
    if (!this.ownMember()) throw new ApiFailure('forbidden', 'your name in the team can change once an admin has approved this computer');
    // The name in Settings is the one place it is set: changing it there writes the team's (nameChanged).
    this.options.settings.update({ memberName: input.displayName });
    await this.options.sync.flushNow();
    return this.view();
  }

  /**
   * The person renamed themself in Settings: once this computer is an approved member's, the team's
   * member list shows the same name (an op of theirs), so a name is set in one place only.
   */
  nameChanged(name: string): void {
    const own = this.ownMember();
    const trimmed = name.trim();
    if (!own || !trimmed || own.roster.members.get(own.memberId)?.displayName === trimmed) return;
    this.options.sync.record([setDisplayNameOp(own.roster, own.memberId, trimmed)]);
  }

  private ownMember(): { roster: Roster; memberId: string } | null {
    const roster = this.trust()?.roster;
    const device = roster?.devices.get(this.options.sync.deviceId);
    return roster && device?.status === 'approved' && device.memberId ? { roster, memberId: device.memberId } : null;
  }

  private async decide(drafts: Parameters<SyncService['record']>[0]): Promise<TeamView> {
    this.options.sync.record(drafts);
    // Membership decisions are published at once: the person waiting should not wait for a timer.
    await this.options.sync.flushNow();
    return this.view();
  }

  /** The service's current trust view: only if it is about the state the service shows now. */
  private trust(): TrustView | null {
    const latest = this.options.tap?.latest() ?? null;
    return latest && (latest.state as unknown) === this.options.sync.state ? latest : null;
  }

  private adminRoster(): Roster {
    const trust = this.trust();
    if (!trust) throw new ApiFailure('unavailable', 'no team is open (or the app folds without the trust layer)');
    if (!this.view().me.isAdmin) throw new ApiFailure('forbidden', 'only an admin can change the team');
    return trust.roster;
  }

  private activeMember(roster: Roster, memberId: string) {
    const member = roster.members.get(memberId);
    if (!member || member.removed) throw new ApiFailure('not-found', 'that member is not in the team');
    return member;
  }

  private async expectFolder(path: string, state: FolderTeam['state']): Promise<void> {
    const found = await this.inspectFolder(path);
    if (found.state === state) return;
    const message = found.state === 'has-team' ? 'this folder already holds a team: join it instead'
      : found.state === 'no-team' ? 'this folder holds no team yet: create one instead'
      : `the folder cannot be used: ${found.detail}`;
    throw new ApiFailure(found.state === 'unavailable' ? 'unavailable' : 'conflict', message, [{ path: 'path', message }]);
  }

  private ownIdentity() {
    return readOwnIdentity(this.options.profileDir);
  }
}

/** The trust layer would set such an op aside ('contradictory-roles'): say so before writing it. */
function refuseContradiction(roles: Role[]): Role[] {
  if (!rolesContradict(roles)) return roles;
  const message = 'read-only (viewer) cannot go with a role that writes: choose one or the other';
  throw new ApiFailure('invalid-input', message, [{ path: 'roles', message }]);
}
