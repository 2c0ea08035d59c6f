import { create } from 'zustand';
import type { Attachment } from '../../shared/attachments';
import type { ChecklistDef, SopArea } from '../../shared/sop';

/** What a person has typed in the SOP editor and not saved yet, with the revision they started from. */
export interface EditorWork {
  readonly parents: readonly string[];
  readonly title: string;
  readonly body: string;
  readonly area: SopArea;
  readonly checklist: readonly ChecklistDef[];
  readonly pictures: readonly Attachment[];
}

/**
 * Unsaved editor work per SOP ('new' for one not saved yet), kept while the app runs: leaving
 * the editor for another screen (the checklist, a colleague's message) and coming back finds the
 * text as it was, and saving still names the revision it was started from, so a colleague's
 * publication in between shows as a fork instead of being overwritten.
 */
const useEditorWork = create<Record<string, EditorWork>>()(() => ({}));

export const workKey = (id: string | null): string => id ?? 'new';
export const editorWork = (id: string | null): EditorWork | undefined => useEditorWork.getState()[workKey(id)];
export const keepEditorWork = (id: string | null, work: EditorWork): void => useEditorWork.setState({ [workKey(id)]: work });
export const dropEditorWork = (id: string | null): void =>
  useEditorWork.setState((all) => Object.fromEntries(Object.entries(all).filter(([key]) => key !== workKey(id))), true);
