import { create } from 'zustand';
import type { ApiResult } from '../../../shared/api/result';
import type { Settings, SettingsPatch } from '../../../shared/settings/schema';
import { baton } from '../../bridge/baton';

interface SettingsState {
  /** null until the first read; the boot screen covers that moment. */
  settings: Settings | null;
  /** Takes what the service says the settings are now (a push: another window's change, or this one's). */
  apply(settings: Settings): void;
  /** The service validates the patch and answers with the whole settings, which we then show. */
  save(patch: SettingsPatch): Promise<ApiResult<Settings>>;
}

/** How many pushes have arrived. The service pushes every change, to every window. */
let pushes = 0;

/**
 * Calls the service and shows the settings it answers (a read, a save, the first run, the sample
 * team), unless a push arrived meanwhile. Answers and pushes travel apart: a push that arrived
 * while the call was under way is at least as new as the answer, which would otherwise undo a
 * change made meanwhile in another window or over the bridge. The boot's read answered before
 * such a change, yet applied after its push, left the page in the old language for good.
 */
export async function settingsFromService<T extends ApiResult<Settings>>(call: () => Promise<T>): Promise<T> {
  const pushesBefore = pushes;
  const result = await call();
  if (result.ok && pushes === pushesBefore) useSettings.getState().apply(result.value);
  return result;
}

export const useSettings = create<SettingsState>()((set) => ({
  settings: null,
  apply: (settings) => set({ settings }),
  save: (patch) => settingsFromService(() => baton.updateSettings(patch)),
}));

/** Other windows and hosts change settings too; their pushes keep this one in step. */
export const followSettingsChanges = (): (() => void) =>
  baton.onSettingsChanged((settings) => {
    pushes += 1;
    useSettings.getState().apply(settings);
  });
