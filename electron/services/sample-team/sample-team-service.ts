import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ApiFailure } from '../../../shared/api/result';
import { sampleTexts, type SampleLanguage } from '../../../shared/sample-team';
import type { Settings } from '../../../shared/settings/schema';
import type { Logger } from '../log';
import type { SettingsService } from '../settings/settings-service';
import { profileLayout } from '../sync/layout';
import { pinTeam } from '../sync/pinned-team';
import type { SyncService } from '../sync/sync-service';
import { newRandomId } from '../sync/write/identity';
import { writeSampleTeam } from './sample-writer';

export interface SampleTeamServiceOptions {
  readonly profileDir: string;
  readonly appVersion: string;
  readonly settings: SettingsService;
  readonly sync: SyncService;
  /** Where the settings say the team's data is now (the sample's folder while one is open). */
  readonly sharedDirOf: (settings: Settings) => string;
  readonly log: Logger;
  readonly now?: () => number;
}

/** Baton's own folder of sample teams, in the profile: never a folder the person chose. */
export const samplesDir = (profileDir: string) => join(profileDir, 'samples');

/**
 * Opening and leaving the sample team. Opening writes a fresh sample (its dates around today)
 * into a new folder of Baton's own (or the folder the CLI names, which must hold no team), makes
 * this computer a member of it, and switches to it: while it is open every write goes to that
 * folder. Leaving switches back to the folder chosen before and deletes only the sample's folder,
 * and only when it is Baton's own.
 */
export class SampleTeamService {
  constructor(private readonly options: SampleTeamServiceOptions) {}

  async open(input: { language: SampleLanguage; sharedDir?: string }): Promise<Settings> {
    const { settings, sync, profileDir, log } = this.options;
    // Edits wait in one outbox per computer: they must reach their own team's folder before the switch.
    await this.publishPending(settings.get().sample ? 'sample' : 'team');
    const current = settings.get();
    const path = resolve(input.sharedDir ?? join(samplesDir(profileDir), newRandomId()));
    const name = current.memberName ?? sampleTexts(input.language).names.me;
    // Naming the person makes their member id: the sample approves this device for it.
    sync.setMemberName(name);
    const identity = sync.publicIdentity();
    if (!identity.memberId) throw new ApiFailure('unavailable', 'this computer has no member id yet');
    const now = (this.options.now ?? Date.now)();
    const team = await writeSampleTeam({ sharedDir: path, language: input.language, now, owner: { ...identity, memberId: identity.memberId }, myName: current.memberName, appVersion: this.options.appVersion });
    // This computer's own sample: its root of trust is accepted as written.
    pinTeam(profileLayout(profileDir).team(team.teamId).teamFile, team);
    log.info('sample', `sample team ${team.teamId} written in ${path}`);
    const before = current.sample?.before ?? { firstRunDone: current.firstRunDone, memberName: current.memberName };
    const next = settings.update({ sample: { path, before }, memberName: name, firstRunDone: true });
    await sync.setSharedDir(this.options.sharedDirOf(next));
    await sync.syncNow();
    if (current.sample) await this.removeOwn(current.sample.path);
    return next;
  }

  async leave(): Promise<Settings> {
    const { settings, sync } = this.options;
    const current = settings.get();
    if (!current.sample) return current;
    const { path, before } = current.sample;
    // The sample's own edits go to the sample's folder, never along into the team's.
    await this.publishPending('sample');
    // A folder named on the command line for the sample is not a place to come back to.
    const sharedFolder = current.sharedFolder.kind === 'path' && resolve(current.sharedFolder.path) === path ? { kind: 'embedded' as const } : current.sharedFolder;
    const next = settings.update({ sample: null, sharedFolder, memberName: before.memberName, firstRunDone: before.firstRunDone });
    await sync.setSharedDir(this.options.sharedDirOf(next));
    await this.removeOwn(path);
    return next;
  }

  /** Publishes the outbox into the folder open now; refuses the switch if edits still wait (the folder is away). */
  private async publishPending(whose: 'team' | 'sample'): Promise<void> {
    await this.options.sync.flushNow();
    const waiting = this.options.sync.getStatus().pendingOutbox;
    if (waiting === 0) return;
    throw new ApiFailure(
      'unavailable',
      whose === 'team'
        ? `${waiting} edit(s) for your team wait for its shared folder: open the sample once they are published`
        : `${waiting} edit(s) in the sample are not written yet: try again`,
    );
  }

  /** Deletes a sample's folder, only under Baton's own folder of samples. */
  private async removeOwn(path: string): Promise<void> {
    const own = samplesDir(this.options.profileDir);
    if (!resolve(path).startsWith(`${resolve(own)}/`) && !resolve(path).startsWith(`${resolve(own)}\\`)) return;
    await rm(path, { recursive: true, force: true }).catch((error: unknown) => this.options.log.error('sample', `removing the old sample ${path}`, error));
  }
}
