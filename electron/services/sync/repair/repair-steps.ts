import { relativeLogPath } from '../layout';
import type { ReadSegment } from '../read/folder-reader';
import type { FoldChange } from '../read/team-fold';
import type { SyncContext } from '../sync-context';
import { restoreFold, type TeamSession } from '../team-session';
import { ensureDeviceFile } from '../write/publish-step';
import { checkOwnFiles, OWN_CHECK_INTERVAL_MS } from './own-segment-check';
import { recordRestored } from './restore-record';
import { clashedOwnOps } from './rescue';

/**
 * The steps of a poll that put things right: own files damaged in place, a copied profile, ops
 * hidden by a copied profile's ops of the same ids.
 */

/** At the first poll and every few minutes: own files damaged in place are put back, byte for byte. */
export async function checkOwnFilesStep(ctx: SyncContext, session: TeamSession, names: readonly string[]): Promise<void> {
  const now = ctx.now();
  if (session.ownCheckedAt !== null && now - session.ownCheckedAt < (ctx.options.ownCheckIntervalMs ?? OWN_CHECK_INTERVAL_MS)) return;
  session.ownCheckedAt = now;
  const damaged = await checkOwnFiles(ctx.publishTarget(session), names, session.ownVerified, ctx.log);
  for (const file of damaged) {
    const path = relativeLogPath(ctx.deviceId, file.fileName);
    ctx.notices.add(file.restored ? 'own-file-restored' : 'own-file-damaged', `${path}: ${file.detail}`, { path });
  }
  const restored = damaged.filter((file) => file.restored).map((file) => ({ name: file.fileName, detail: file.detail }));
  if (restored.length === 0) return;
  // Signed in the folder too, for readers that never saw the damage (baton doctor).
  const identity = ctx.device.identity;
  const signer = { sharedDir: ctx.sharedDir, deviceId: identity.deviceId, publicKeyPem: identity.publicKeyPem, privateKeyPem: identity.privateKeyPem, crypto: ctx.crypto, fs: ctx.readerFs };
  await recordRestored(signer, restored, now).catch((error: unknown) => ctx.log.warn('sync', `could not write restored.json (the restore itself is done): ${String(error)}`));
}

/**
 * Another computer writes as this device (the profile was copied): this one takes a new device
 * id and keys, moves its unpublished edits to the new id, and leaves every file as it is.
 */
export async function recoverFromClone(ctx: SyncContext, session: TeamSession, foreign: readonly ReadSegment[]): Promise<void> {
  const { oldId, newId } = ctx.device.remint(`another computer wrote ${foreign[0]!.path} as this device`);
  session.deviceState = session.deviceState.forDevice(newId);
  session.sealed = null;
  // The old id's unpublished ops are in the fold: fold again without them.
  await session.cache.flush();
  ctx.fold = (await restoreFold(ctx.sessionParts(), session)).fold;
  ctx.fold.setDevices(session.reader.devices.values());
  ctx.fold.apply(ctx.device.outbox.pending);
  ctx.notices.add('device-cloned', `another computer uses a copy of this profile; this computer is now device ${newId}`, {
    oldDeviceId: oldId,
    newDeviceId: newId,
  });
  ctx.log.warn('sync', `device ${oldId} was cloned (${foreign.map((segment) => segment.path).join(', ')}); this computer is now ${newId}`);
  await ensureDeviceFile(ctx);
  ctx.announceAll();
}

/** Ops we published that lost an id clash to a copied profile's: recorded again under our current id. */
export async function rescueClashed(ctx: SyncContext, session: TeamSession, applied: FoldChange): Promise<void> {
  const clashes = applied.results.flatMap((result) => result.clashes);
  if (clashes.length === 0) return;
  const lost = await clashedOwnOps(clashes, ctx.device.ownIds(), session.profile.ownSegmentsDir);
  if (lost.length === 0) return;
  ctx.announce(ctx.fold.apply(ctx.device.recordAgain(lost)));
  ctx.log.warn('sync', `recorded again ${lost.length} edit(s) hidden by a copied profile's ops of the same ids`);
}
