import { z } from 'zod';
import type { Schema } from 'conf';
import { SettingsSchema, defaultSettings, type Settings } from '../../../shared/settings/schema';

/** The slice of Conf / electron-store that the settings service uses (electron-store extends Conf). */
export interface SettingsStore {
  readonly store: Record<string, unknown>;
  set(object: Partial<Settings>): void;
}

interface MigrationContext {
  store: Record<string, unknown>;
  delete(key: string): void;
}

const settingKeys = new Set(Object.keys(SettingsSchema.shape));

/**
 * Steps keyed by the app version that introduced them; Conf and electron-store run each once, in
 * order, when a newer Baton opens an older settings file.
 */
export const settingsMigrations = {
  // 0.1.0 is the first release: drop keys that pre-release builds left behind, so the schema
  // check below never trips over them.
  '0.1.0': (store: MigrationContext) => {
    for (const key of Object.keys(store.store)) {
      if (!settingKeys.has(key) && !key.startsWith('__internal__')) store.delete(key);
    }
  },
};

/** JSON Schema of each setting, generated from the zod schema so there is one source of truth. */
function jsonSchemaOfSettings(): Schema<Record<string, unknown>> {
  const schema = z.toJSONSchema(SettingsSchema, { target: 'draft-7' }) as { properties: Schema<Record<string, unknown>> };
  return schema.properties;
}

/** Options shared by Conf (web host, tests) and electron-store (the desktop app). */
export function settingsStoreOptions(projectVersion: string) {
  return {
    configName: 'settings',
    defaults: defaultSettings as Record<string, unknown>,
    schema: jsonSchemaOfSettings(),
    migrations: settingsMigrations,
    projectVersion,
    clearInvalidConfig: true,
  };
}
