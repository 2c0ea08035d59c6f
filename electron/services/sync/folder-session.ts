import type { TeamFile } from '../../../shared/sync/team-files';
import { teamFolderLayout } from './layout';
import type { SyncContext } from './sync-context';
import { openTeamSession } from './team-session';
import type { FolderWatch } from './watch/folder-watch';

/** Opening and closing the session of the folder's team; the watcher follows the session. */
export interface SessionHooks {
  readonly watcher: FolderWatch;
  /** Whether to watch the folder at all (tests drive polls by hand). */
  readonly watch: boolean;
}

export async function openSession(ctx: SyncContext, hooks: SessionHooks, teamId: string, team: TeamFile | null): Promise<void> {
  await closeSession(ctx, hooks);
  const opened = await openTeamSession(ctx.sessionParts(), teamId, team, ctx.profile.team(teamId));
  if (opened.cacheDamaged) ctx.notices.add('cache-rebuilt', 'the local cache was damaged and is being rebuilt from the shared folder');
  for (const { path, detail } of opened.damagedSnapshots) ctx.notices.add('snapshot-passed-over', `${path}: ${detail}`, { path });
  for (const op of opened.restoredOps) ctx.device.observe(op);
  ctx.session = opened.session;
  ctx.fold = opened.fold;
  ctx.fold.apply(ctx.device.outbox.pending);
  ctx.announceAll();
  if (hooks.watch) await hooks.watcher.watch(teamFolderLayout(ctx.sharedDir).devicesDir);
}

export async function closeSession(ctx: SyncContext, hooks: SessionHooks): Promise<void> {
  const session = ctx.session;
  if (!session) return;
  await session.cache.flush().catch((error: unknown) => ctx.log.error('sync', 'writing the local cache', error));
  await hooks.watcher.close();
  ctx.session = null;
}
