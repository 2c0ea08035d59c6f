import type { SyncOpening, SyncStatus } from '../../shared/sync/status';

/** A healthy, open team's sync status, as the renderer tests start from. */
export const syncStatus = (opening: SyncOpening | null = null): SyncStatus => ({
  sharedDir: '/data/team',
  available: true,
  teamId: 't',
  teamName: '运营部',
  lastPollAt: 1,
  lastPublishAt: null,
  pendingOutbox: 0,
  deviceId: 'abcdefghijklmnopqrstuvwxyz',
  keyProtection: 'plain-file',
  devices: [],
  setAside: [],
  salvaged: [],
  notices: [],
  faults: [],
  localClockBehind: null,
  opening,
  opsCount: 0,
  stateHash: null,
});
