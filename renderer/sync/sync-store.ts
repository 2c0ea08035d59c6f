import { create } from 'zustand';
import type { ApiError, ApiResult } from '../../shared/api/result';
import type { SyncStatus } from '../../shared/sync/status';
import { sharedFeed } from '../app/stores/feed';
import { baton } from '../bridge/baton';
import { newestNoticeAt } from './health';

interface SyncState {
  /** null until the first read. */
  status: SyncStatus | null;
  /** The last read failed (the service is away); cleared by the next status that arrives. */
  readError: ApiError | null;
  /** A "Check now" is under way. */
  checking: boolean;
  /** Notices up to this time were shown on the Sync screen; only newer ones light the nav dot. */
  noticesSeenAt: number;
}

export const useSync = create<SyncState>()(() => ({ status: null, readError: null, checking: false, noticesSeenAt: 0 }));

/** Pushes that arrived since the last read was sent: a read answered after them is older. */
let pushesSinceRead = 0;

const receive = (status: SyncStatus) => {
  pushesSinceRead += 1;
  useSync.setState({ status, readError: null });
};

async function read(): Promise<void> {
  pushesSinceRead = 0;
  const result = await baton.getSyncStatus({});
  if (!result.ok) return useSync.setState({ readError: result.error });
  if (pushesSinceRead === 0) useSync.setState({ status: result.value, readError: null });
}

let reading: Promise<void> | null = null;

/**
 * Reads the status afresh (with its state hash), unless a push overtook the answer. Callers at
 * the same moment (the nav dot and the screen opening together) share one read: hashing a large
 * state takes the service a while.
 */
export function refreshSyncStatus(): Promise<void> {
  reading ??= read().finally(() => {
    reading = null;
  });
  return reading;
}

/** Poll the shared folder and publish now; answers with the service's result for the caller to word. */
export async function checkNow(): Promise<ApiResult<SyncStatus>> {
  useSync.setState({ checking: true });
  const result = await baton.syncNow({});
  // syncNow answers after its poll: nothing pushed before that is newer.
  useSync.setState(result.ok ? { status: result.value, readError: null, checking: false } : { checking: false });
  return result;
}

export function markNoticesSeen(): void {
  const { status, noticesSeenAt } = useSync.getState();
  const newest = status ? newestNoticeAt(status.notices) : 0;
  if (newest > noticesSeenAt) useSync.setState({ noticesSeenAt: newest });
}

/**
 * Keeps the store fed while anything showing sync is on screen (the nav dot always is, once the
 * app frame shows): subscribed before the first read, so no change slips between the two.
 */
export const useSyncFeed = sharedFeed(() => {
  const unsubscribe = baton.onSyncStatusChanged(receive);
  void refreshSyncStatus();
  return unsubscribe;
});
