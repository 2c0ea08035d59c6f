import { join } from 'node:path';
import { ApiFailure } from '../../shared/api/result';
import { isExternalWebUrl } from '../../shared/security/csp';
import type { SharedFolderChoice } from '../../shared/settings/schema';
import { dispatch, type Handlers } from './dispatch';
import { EventHub } from './events';
import type { Logger } from './log';
import type { Platform } from './platform';
import { SettingsService } from './settings/settings-service';
import type { SettingsStore } from './settings/store-options';

export interface AppServicesOptions {
  profileDir: string;
  appVersion: string;
  platform: Platform;
  settingsStore: SettingsStore;
  log: Logger;
  /** A shared folder named on the command line wins over the stored choice for this run. */
  sharedDir?: string;
}

export type AppServices = ReturnType<typeof createAppServices>;

/** The composition root of everything behind the bridge; plain Node, no Electron. */
export function createAppServices(options: AppServicesOptions) {
  const { log, platform, profileDir } = options;
  const hub = new EventHub();
  const settings = new SettingsService(options.settingsStore, log);
  if (options.sharedDir) settings.update({ sharedFolder: { kind: 'path', path: options.sharedDir } });
  settings.onChange((next) => hub.emit('settingsChanged', next));

  const embeddedSharedDir = join(profileDir, 'team-folder');
  const sharedDirOf = (choice: SharedFolderChoice) => (choice.kind === 'embedded' ? embeddedSharedDir : choice.path);

  const handlers: Handlers = {
    getAppInfo: async () => ({
      name: 'Baton',
      version: options.appVersion,
      host: platform.host,
      versions: platform.versions,
      platform: process.platform,
      canPickFolder: platform.canPickFolder,
      profileDir,
      embeddedSharedDir,
    }),
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => settings.update(patch),
    completeFirstRun: async ({ memberName, sharedFolder }) =>
      settings.update({ memberName, sharedFolder, firstRunDone: true }),
    pickFolder: async () => ({ path: await platform.pickFolder() }),
    openExternal: async ({ url }) => {
      if (!isExternalWebUrl(url)) throw new ApiFailure('forbidden', 'Only web links (http, https) can be opened');
      return { opened: await platform.openExternal(url) };
    },
    showInFolder: async ({ path }) => ({ shown: await platform.showInFolder(path) }),
  };

  return {
    hub,
    settings,
    handlers,
    sharedDir: () => sharedDirOf(settings.get().sharedFolder),
    dispatch: (name: string, payload: unknown) => dispatch(handlers, name, payload, log),
    close: async () => {},
  };
}
