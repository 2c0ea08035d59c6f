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

/** How many pushes have arrived. The service pushes every change, to every window. */
let pushes = 0;

export const useSettings = create<SettingsState>()((set) => ({
  settings: null,
  apply: (settings) => set({ settings }),
  save: async (patch) => {
    const pushesBefore = pushes;
    const result = await baton.updateSettings(patch);
    // Answers and pushes travel apart: a push that arrived meanwhile is at least as new as this
    // answer, which would otherwise undo another window's change made while the save was under way.
    if (result.ok && pushes === pushesBefore) set({ settings: result.value });
    return result;
  },
}));

/** Other windows and hosts change settings too; their pushes keep this one in step. */
export const followSettingsChanges = (): (() => void) =>
  baton.onSettingsChanged((settings) => {
    pushes += 1;
    useSettings.getState().apply(settings);
  });
