import { create } from 'zustand';
import type { AppInfo } from '../../../shared/api/contract';

/** Facts about this install (version, host, folders); read once at start, never changed. */
export const useAppInfo = create<{ info: AppInfo | null }>()(() => ({ info: null }));
