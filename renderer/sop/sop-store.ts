import { create } from 'zustand';
import type { SopLibrary } from '../../shared/api/sop-views';
import { reportError } from '../app/errors/report-error';
import { ROTA_KINDS } from '../../shared/rota';
import { readSequence, teamDataFeed } from '../app/stores/feed';
import { baton } from '../bridge/baton';

export type SopTab = 'library' | 'document' | 'editor' | 'merge';

interface SopState {
  tab: SopTab;
  /** The SOP shown on 'document', edited on 'editor' (null: a new one), merged on 'merge'. */
  sopId: string | null;
  library: SopLibrary | null;
  /** Bumped whenever SOP data changed, so that open views re-fetch. */
  revision: number;
}

export const useSop = create<SopState>()(() => ({ tab: 'library', sopId: null, library: null, revision: 0 }));

export const openSop = (sopId: string) => useSop.setState({ tab: 'document', sopId });
export const editSop = (sopId: string | null) => useSop.setState({ tab: 'editor', sopId });
export const mergeSop = (sopId: string) => useSop.setState({ tab: 'merge', sopId });
export const showLibrary = () => useSop.setState({ tab: 'library' });

/**
 * After a save's answer: opens the saved SOP's document, unless the person moved on while it was
 * saving (back to the library, another SOP): what they did last wins.
 */
export function openUnlessMovedOn(from: Pick<SopState, 'tab' | 'sopId'>, savedId: string): void {
  const { tab, sopId } = useSop.getState();
  if (tab === from.tab && sopId === from.sopId) openSop(savedId);
}

const nextRead = readSequence();

export async function refreshLibrary(): Promise<void> {
  const isLatest = nextRead();
  const result = await baton.getSopLibrary({});
  if (!isLatest()) return;
  if (result.ok) useSop.setState({ library: result.value });
  else reportError(result.error);
}

/** Keeps the library and the revision in step with the team data while a screen shows them. */
export const useSopFeed = teamDataFeed({
  // Roster changes decide whose publications and acknowledgements count, so they refresh too; the
  // rota decides whose checklist ticks count (who is on the shift) and which items apply (holidays).
  kinds: ['sop', 'shiftChecklist', 'member', 'device', 'teamSettings', ...Object.values(ROTA_KINDS)],
  refresh: refreshLibrary,
  changed: () => useSop.setState((s) => ({ revision: s.revision + 1 })),
});
