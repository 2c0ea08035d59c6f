import { create } from 'zustand';
import type { ApiError } from '../../../shared/api/result';
import { baton } from '../../bridge/baton';
import { useAppInfo } from './app-info-store';
import { settingsFromService } from './settings-store';

type BootPhase = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready' };

interface BootState {
  phase: BootPhase;
  /** Reads what every screen needs before the first one shows; run again to retry. */
  start(): Promise<void>;
}

export const useBoot = create<BootState>()((set) => ({
  phase: { kind: 'loading' },
  start: async () => {
    set({ phase: { kind: 'loading' } });
    // The settings read is shown as it arrives, unless a change pushed meanwhile is newer.
    const [info, settings] = await Promise.all([baton.getAppInfo({}), settingsFromService(() => baton.getSettings({}))]);
    if (!info.ok) return set({ phase: { kind: 'failed', error: info.error } });
    if (!settings.ok) return set({ phase: { kind: 'failed', error: settings.error } });
    useAppInfo.setState({ info: info.value });
    set({ phase: { kind: 'ready' } });
  },
}));
