import type { NoticeKind, SetAsideReason, SyncNotice, UnavailableReason } from '../../shared/sync/status';
import type { SyncHealth } from '../../shared/sync/health';
import type { MessageKey } from '../i18n/resources';

export { healthOf, type SyncHealth } from '../../shared/sync/health';

/** The newest notice's time, so that visiting the screen marks everything shown as seen. */
export const newestNoticeAt = (notices: readonly SyncNotice[]): number =>
  notices.reduce((newest, notice) => Math.max(newest, notice.at), 0);

/** Device ids are 26 random characters; the first 8 tell devices of one team apart. */
export const shortDeviceId = (deviceId: string): string => deviceId.slice(0, 8);

/**
 * A path of the status (relative to the shared folder, forward slashes) as a full path on this
 * computer, with the separator the shared folder's own path uses (D:\团队\接力 or /Volumes/团队).
 */
export function absolutePathIn(sharedDir: string, relative: string): string {
  const windows = /^[a-zA-Z]:\\|^\\\\/.test(sharedDir) || (sharedDir.includes('\\') && !sharedDir.includes('/'));
  const sep = windows ? '\\' : '/';
  const base = sharedDir.endsWith(sep) ? sharedDir.slice(0, -1) : sharedDir;
  const parts = relative.split('/').filter((part) => part !== '' && part !== '.');
  return [base, ...parts].join(sep);
}

/** One plain-words message per reason code; the type makes a new code a compile error here. */
export const setAsideMessages: Record<SetAsideReason, MessageKey> = {
  'too-large': 'sync.setAside.reason.tooLarge',
  empty: 'sync.setAside.reason.empty',
  incomplete: 'sync.setAside.reason.incomplete',
  'not-a-segment': 'sync.setAside.reason.notASegment',
  'bad-json': 'sync.setAside.reason.badJson',
  'bad-header': 'sync.setAside.reason.badHeader',
  'unsupported-format': 'sync.setAside.reason.unsupportedFormat',
  'bad-trailer': 'sync.setAside.reason.badTrailer',
  'count-mismatch': 'sync.setAside.reason.countMismatch',
  'hash-mismatch': 'sync.setAside.reason.hashMismatch',
  'bad-signature': 'sync.setAside.reason.badSignature',
  'bad-op': 'sync.setAside.reason.badOp',
  'unknown-device': 'sync.setAside.reason.unknownDevice',
  'wrong-device-folder': 'sync.setAside.reason.wrongDeviceFolder',
  'bad-device-file': 'sync.setAside.reason.badDeviceFile',
  'not-a-device-folder': 'sync.setAside.reason.notADeviceFolder',
};

export const unavailableMessages: Record<UnavailableReason, MessageKey> = {
  'folder-missing': 'sync.folder.reason.folderMissing',
  'no-team': 'sync.folder.reason.noTeam',
  unreadable: 'sync.folder.reason.unreadable',
  'team-replaced': 'sync.folder.reason.teamReplaced',
};

export const noticeMessages: Record<NoticeKind, MessageKey> = {
  'device-cloned': 'sync.notices.deviceCloned',
  'cache-rebuilt': 'sync.notices.cacheRebuilt',
  'snapshot-passed-over': 'sync.notices.snapshotPassedOver',
  'op-clash': 'sync.notices.opClash',
  'publish-failed': 'sync.notices.publishFailed',
  'reduce-failed': 'sync.notices.reduceFailed',
  'own-file-restored': 'sync.notices.ownFileRestored',
  'own-file-damaged': 'sync.notices.ownFileDamaged',
};

export const healthMessages: Record<SyncHealth, MessageKey> = {
  healthy: 'sync.health.healthy',
  waiting: 'sync.health.waiting',
  unavailable: 'sync.health.unavailable',
  problems: 'sync.health.problems',
};
