import { create } from 'zustand';
import type { ShiftContext } from '../../shared/api/handover-views';
import { FOLLOW_UP_KIND, HANDOVER_KIND, type HandoverFilter } from '../../shared/handover';
import { TEAM_SETTINGS_KIND } from '../../shared/team-settings';
import { reportError } from '../app/errors/report-error';
import { readSequence, teamDataFeed } from '../app/stores/feed';
import { baton } from '../bridge/baton';

export type HandoverTab = 'write' | 'history' | 'note';

/** Where the history was left, so that coming back from a note opened deep in it lands there again. */
export interface HistoryPlace {
  readonly filter: HandoverFilter;
  readonly scrollTop: number;
}

interface HandoverState {
  tab: HandoverTab;
  /** The note shown on the 'note' tab. */
  noteId: string | null;
  context: ShiftContext | null;
  /** Bumped whenever handover or follow-up data changed, so that views re-fetch. */
  revision: number;
  history: HistoryPlace;
}

export const useHandover = create<HandoverState>()(() => ({ tab: 'write', noteId: null, context: null, revision: 0, history: { filter: {}, scrollTop: 0 } }));

export const openNote = (noteId: string) => useHandover.setState({ tab: 'note', noteId });
export const showTab = (tab: HandoverTab) => useHandover.setState({ tab });
export const keepHistoryPlace = (place: Partial<HistoryPlace>) => useHandover.setState((s) => ({ history: { ...s.history, ...place } }));

const nextRead = readSequence();

export async function refreshContext(): Promise<void> {
  const isLatest = nextRead();
  const result = await baton.getShiftContext({});
  if (!isLatest()) return;
  if (result.ok) useHandover.setState({ context: result.value });
  else reportError(result.error);
}

/** Keeps the shift context and the revision in step with the team data while a screen shows them. */
export const useHandoverFeed = teamDataFeed({
  kinds: [HANDOVER_KIND, FOLLOW_UP_KIND, TEAM_SETTINGS_KIND],
  refresh: refreshContext,
  changed: () => useHandover.setState((s) => ({ revision: s.revision + 1 })),
});
