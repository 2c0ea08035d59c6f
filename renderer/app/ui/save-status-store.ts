import { create } from 'zustand';

/** Settings are local and save in a moment, so there is no "saving" state to flash. */
type SectionStatus = { kind: 'saved'; at: Date } | { kind: 'failed' };

/** Per settings section, so the quiet "saved" appears next to what was just changed. */
export const useSaveStatus = create<{ sections: Record<string, SectionStatus> }>()(() => ({ sections: {} }));

export const setSaveStatus = (section: string, status: SectionStatus): void =>
  useSaveStatus.setState((s) => ({ sections: { ...s.sections, [section]: status } }));
