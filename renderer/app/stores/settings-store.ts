import { create } from 'zustand';
import type { ApiResult } from '../../../shared/api/result';
import type { Settings, SettingsPatch } from '../../../shared/settings/schema';
import { baton } from '../../bridge/baton';

interface SettingsState {
  /** null until the first read; the boot screen covers that moment. */
  settings: Settings | null;
  /** Takes what the service says the settings are now (a read, a save, another window's change). */
  apply(settings: Settings): void;
  /** The service validates the patch and answers with the whole settings, which we then show. */
  save(patch: SettingsPatch): Promise<ApiResult<Settings>>;
}

export const useSettings = create<SettingsState>()((set) => ({
  settings: null,
  apply: (settings) => set({ settings }),
  save: async (patch) => {
    const result = await baton.updateSettings(patch);
    if (result.ok) set({ settings: result.value });
    return result;
  },
}));

/** Other windows and hosts change settings too; their pushes keep this one in step. */
export const followSettingsChanges = (): (() => void) =>
  baton.onSettingsChanged((settings) => useSettings.getState().apply(settings));
