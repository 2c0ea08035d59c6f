import { create } from 'zustand';
import type { Briefing } from '../../shared/briefing';
import { reportError } from '../app/errors/report-error';
import { readSequence, sharedFeed } from '../app/stores/feed';
import { baton } from '../bridge/baton';
import { useSync } from '../sync/sync-store';

interface BriefingState {
  /** null until the first answer. */
  briefing: Briefing | null;
}

export const useBriefing = create<BriefingState>()(() => ({ briefing: null }));

const nextRead = readSequence();

export async function refreshBriefing(): Promise<void> {
  const isLatest = nextRead();
  const result = await baton.getBriefing({ noticesSeenAt: useSync.getState().noticesSeenAt });
  if (!isLatest()) return;
  if (result.ok) useBriefing.setState({ briefing: result.value });
  else reportError(result.error);
}

/** Moments turn (a shift starts, a deadline passes) without any edit: ask again every half minute. */
const TICK_MS = 30_000;

/**
 * Keeps the briefing live while anything shows it (the screen, the notifier): every kind of team
 * data feeds it, a sync status only when what the briefing says about sync changed, and the clock.
 */
export const useBriefingFeed = sharedFeed(() => {
  const offData = baton.onTeamDataChanged(() => void refreshBriefing());
  // A status arrives at every poll; only a change of what the briefing says about sync matters.
  let shown = '';
  const offSync = baton.onSyncStatusChanged((status) => {
    const key = JSON.stringify([status.available, status.setAside.length, status.pendingOutbox > 0, status.localClockBehind, status.devices.map((d) => d.clockSkewWarning)]);
    if (key === shown) return;
    shown = key;
    void refreshBriefing();
  });
  const timer = setInterval(() => void refreshBriefing(), TICK_MS);
  void refreshBriefing();
  return () => {
    offData();
    offSync();
    clearInterval(timer);
  };
});
