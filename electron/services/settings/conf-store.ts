import Conf from 'conf';
import { settingsStoreOptions, type SettingsStore } from './store-options';

/** Settings kept by Conf in the profile folder: the web host's stand-in for electron-store. */
export function createConfSettingsStore(profileDir: string, appVersion: string): SettingsStore {
  return new Conf({ ...settingsStoreOptions(appVersion), cwd: profileDir, projectName: 'baton' }) as unknown as SettingsStore;
}
