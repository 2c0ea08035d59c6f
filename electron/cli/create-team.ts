import { resolve } from 'node:path';
import { createAppServices } from '../services/app-services';
import { createFileLogger } from '../services/log';
import type { Platform } from '../services/platform';
import { createConfSettingsStore } from '../services/settings/conf-store';

/** A command line has no dialogs and no shell to open things in. */
export const cliPlatform: Platform = {
  host: 'web',
  versions: { node: process.versions.node },
  canPickFolder: false,
  pickFolder: async () => null,
  openExternal: async () => false,
  showInFolder: async () => false,
  savePdf: async () => ({ outcome: 'unsupported' }),
  notify: async () => false,
};

export interface CliCreateInput {
  readonly sharedDir: string;
  readonly profileDir: string;
  readonly teamName: string;
  readonly memberName: string;
  readonly appVersion: string;
}

/**
 * `baton team create`: the same services and settings store as the web host's `--profile`, so
 * that `serve --profile <same>` then opens as this admin with the first run done. The team's
 * first segment (the creator's approval and name) is published before this returns.
 */
export async function createTeamFromCli(input: CliCreateInput): Promise<string> {
  const profileDir = resolve(input.profileDir);
  const sharedDir = resolve(input.sharedDir);
  const services = createAppServices({
    profileDir,
    appVersion: input.appVersion,
    platform: cliPlatform,
    settingsStore: createConfSettingsStore(profileDir, input.appVersion),
    log: createFileLogger(profileDir),
    sharedDir,
    syncOptions: { watch: false },
  });
  try {
    const result = await services.dispatch('createTeam', { memberName: input.memberName, teamName: input.teamName, path: sharedDir });
    if (!result.ok) throw new Error(result.error.message);
    await services.sync.flushNow();
    const status = services.sync.getStatus();
    if (!status.teamId || status.pendingOutbox > 0) throw new Error('the team was created but its first segment is not published yet');
    return status.teamId;
  } finally {
    await services.close();
  }
}
