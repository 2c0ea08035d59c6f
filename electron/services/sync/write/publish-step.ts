import { stat } from 'node:fs/promises';
import { lasted } from '../faults';
import { probeFolder } from '../folder-probe';
import { teamFolderLayout } from '../layout';
import type { SyncContext } from '../sync-context';
import { writeDeviceFile } from '../team-create';
import type { TeamSession } from '../team-session';
import { compactOwnLog } from './compactor';
import { publishSealed, sealSegment, takeBatch } from './publisher';

/**
 * Publishes the outbox as sealed segments into this device's log folder, then compacts. Nothing
 * when the folder is away, when this person has no name yet (device.json needs it), or when the
 * folder's team is not the session's. `cacheChanged`: the local cache has files to write.
 */
export async function publishOutbox(ctx: SyncContext, cacheChanged: () => void): Promise<void> {
  const session = ctx.session;
  if (!session || !ctx.availability.available) return;
  if (ctx.device.outbox.pending.length === 0 && !session.sealed) {
    ctx.heldWhileAway = false;
    return;
  }
  if (!ctx.memberName) {
    if (!ctx.warnedNoName) ctx.log.warn('sync', 'edits wait in the outbox until this person has a name (device.json needs it)');
    ctx.warnedNoName = true;
    return;
  }
  // The last poll may be seconds old: a folder that vanished since must not be written into.
  const probe = await probeFolder(ctx.sharedDir, ctx.readerFs);
  if (!probe.available) return ctx.setAvailability(probe);
  if (probe.team.teamId !== session.teamId) return;
  await ensureDeviceFile(ctx);
  let publishedOps = 0;
  while (session.sealed || ctx.device.outbox.pending.length > 0) {
    const target = ctx.publishTarget(session);
    const sealed = session.sealed ?? sealSegment(target, takeBatch(ctx.device.outbox.pending));
    session.sealed = sealed;
    let published;
    try {
      published = await publishSealed(target, sealed);
    } catch (error) {
      ctx.failedPublishes += 1;
      ctx.faults.raise('publish-failing', `publishing ${sealed.encoded.fileName} failed (${errorText(error)}); edits are kept on this computer and retried`);
      ctx.notices.add('publish-failed', `could not write to the shared folder (${errorText(error)}); edits are kept and retried`);
      return;
    }
    publishedOps += sealed.ops.length;
    session.sealed = null;
    session.reader.remember([published]);
    session.cache.add([published], sealed.ops);
    ctx.device.outbox.dropThrough(ctx.deviceId, sealed.lastCounter);
    ctx.lastPublishAt = ctx.now();
    cacheChanged();
  }
  reportPublished(ctx, publishedOps);
  await compactOwn(ctx, session, cacheChanged);
}

/** The INFO lines of a publish that ended a fault: how many edits had waited. */
function reportPublished(ctx: SyncContext, count: number): void {
  const failed = ctx.failedPublishes;
  ctx.faults.clear('publish-failing', (ms) => `publishing works again after ${lasted(ms)} and ${failed} refused attempt(s); published ${count} waiting edit(s)`);
  ctx.failedPublishes = 0;
  if (ctx.heldWhileAway) ctx.log.info('sync', `published ${count} edit(s) held while the folder was away`);
  ctx.heldWhileAway = false;
}

/** After publishing, and at a start: keep this device's file count small. A failure costs nothing but files. */
export async function compactOwn(ctx: SyncContext, session: TeamSession, cacheChanged: () => void): Promise<void> {
  try {
    const compacted = await compactOwnLog(ctx.publishTarget(session), ctx.log);
    if (!compacted) return;
    session.reader.remember([compacted]);
    // Its ops are cached under the files they came from; remembering the file is enough.
    session.cache.add([compacted], []);
    cacheChanged();
  } catch (error) {
    ctx.log.warn('sync', `compacting this device's segments failed; it is tried again after the next publish: ${String(error)}`);
  }
}

export async function ensureDeviceFile(ctx: SyncContext): Promise<void> {
  if (!ctx.memberName || !ctx.session) return;
  try {
    await stat(teamFolderLayout(ctx.sharedDir).deviceFile(ctx.deviceId));
    return;
  } catch {
    // Not there (new, or lost with a restored backup): write it.
  }
  try {
    if (await writeDeviceFile(ctx.sharedDir, ctx.device.claim(ctx.memberName, ctx.options.appVersion), ctx.now())) {
      ctx.log.info('sync', `wrote device.json of ${ctx.deviceId}`);
    }
  } catch (error) {
    ctx.log.warn('sync', `cannot write device.json: ${String(error)}`);
  }
}

function errorText(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? (error instanceof Error ? error.message : String(error));
}
