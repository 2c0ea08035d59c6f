import { basename } from 'node:path';
import type { TeamFile } from '../../../../shared/sync/team-files';
import { isBatonTempName } from '../durable-fs';
import { lasted } from '../faults';
import { probeFolder, type FolderProbe } from '../folder-probe';
import { openSession, type SessionHooks } from '../folder-session';
import { pinTeam, pinnedTeam, sameRoot } from '../pinned-team';
import { adoptSegment, judgeOwnSegments, removeOwnTempFiles, republishMissing } from '../repair/own-folder';
import { checkOwnFilesStep, recoverFromClone, rescueClashed } from '../repair/repair-steps';
import { NOT_LOOKED, type SyncContext } from '../sync-context';
import type { TeamSession } from '../team-session';
import { ensureDeviceFile } from '../write/publish-step';
import type { PollOutcome, ReadSegment } from './folder-reader';
import { toIngestedFile } from './ingested-file';

export interface PollHooks extends SessionHooks {
  readonly pollIntervalMs: () => number;
  /** The local cache has files to write. */
  readonly cacheChanged: () => void;
}

type Listed = Extract<PollOutcome, { available: true }>;
type Probed = Extract<FolderProbe, { available: true }>;

/**
 * One poll of the folder, in named steps: is the folder there and its team the one this computer
 * joined; read the files not taken yet; keep the watcher honest; tidy this device's leftovers;
 * take in its own segments a crash left behind; apply everyone's ops; put right what needs it.
 */
export async function pollFolder(ctx: SyncContext, hooks: PollHooks): Promise<void> {
  const probe = await probeFolder(ctx.sharedDir, ctx.readerFs);
  if (!probe.available) return ctx.setAvailability(probe);
  const wasAvailable = ctx.availability.available;
  // Never looked at before (a start, a switch): the folder is there, which the status says while its team opens.
  if (ctx.availability === NOT_LOOKED) ctx.setAvailability({ available: true });
  // A team opened now, or the first poll of one (its backlog): the status says what is still arriving.
  const opening = ctx.session?.teamId !== probe.team.teamId || ctx.session.polls === 0;
  return opening ? ctx.whileOpening(() => pollTeam(ctx, hooks, probe, wasAvailable)) : pollTeam(ctx, hooks, probe, wasAvailable);
}

async function pollTeam(ctx: SyncContext, hooks: PollHooks, probe: Probed, wasAvailable: boolean): Promise<void> {
  const session = await sessionOfFolderTeam(ctx, hooks, probe.team);
  if (!session) return;
  ctx.folders.remember(ctx.sharedDir, session.teamId);
  const first = session.polls === 0;
  // The segments phase counts each new file twice: read, then folded.
  let files = 0;
  const outcome = await session.reader.poll(!first, probe, (read, total) => {
    files = total;
    ctx.openingAt('segments', read, 2 * total);
  });
  session.polls += 1;
  if (!outcome.available) return ctx.setAvailability(outcome);
  const cameBack = !wasAvailable || !ctx.availability.available;
  ctx.setAvailability({ available: true });
  ctx.lastPollAt = ctx.now();
  // A folder that went away and came back may be a new folder under the old name: watch it anew.
  if (cameBack) await hooks.watcher.rearm();
  else if (!first) await judgeWatcher(ctx, hooks, outcome.segments);
  await removeLeftoverTempFiles(ctx, outcome, first || cameBack);
  await ensureDeviceFile(ctx);
  const foreign = await takeOwnSegments(ctx, session, outcome.segments);
  const applied = await applySegments(ctx, hooks, session, outcome, files);
  if (foreign.length > 0) await recoverFromClone(ctx, session, foreign);
  await rescueClashed(ctx, session, applied);
  const names = outcome.unlisted.has(ctx.deviceId) ? null : (outcome.logNames.get(ctx.deviceId) ?? []);
  if (names && foreign.length === 0) {
    await republishMissing(session, names, ctx.publishTarget(session), ctx.log);
    await checkOwnFilesStep(ctx, session, names);
  }
}

/**
 * The session of the team in the folder's team.json, or null when that team.json is not to be
 * trusted: another team than the one this computer joined there, or another root of trust.
 */
async function sessionOfFolderTeam(ctx: SyncContext, hooks: PollHooks, team: TeamFile): Promise<TeamSession | null> {
  if (ctx.session?.teamId !== team.teamId) {
    const joined = ctx.folders.teamOf(ctx.sharedDir);
    if (joined !== null && joined !== team.teamId && !knowsTeam(ctx, team)) {
      await refuseReplacedTeam(ctx, hooks, joined, team);
      return null;
    }
    await openSession(ctx, hooks, team.teamId, team);
  }
  const session = ctx.session!;
  if (session.team && !sameRoot(session.team, team)) {
    ctx.setAvailability({ available: false, reason: 'team-replaced', detail: 'baton/team.json names another root of trust than the one this computer joined' });
    return null;
  }
  if (!session.team) {
    pinTeam(session.profile.teamFile, team);
    session.team = team;
  }
  return session;
}

/** A team this computer accepted itself (created, joined with its code, or saw first in a folder). */
function knowsTeam(ctx: SyncContext, team: TeamFile): boolean {
  const pinned = pinnedTeam(ctx.profile.team(team.teamId).teamFile);
  return pinned !== null && sameRoot(pinned, team);
}

/**
 * The folder's team.json names another team than the one this computer joined there: someone
 * replaced it (with its own root of trust). It is not opened as a new team; the joined team's
 * data stays shown from the local cache and edits wait, until the real team.json is back.
 */
async function refuseReplacedTeam(ctx: SyncContext, hooks: PollHooks, joined: string, found: TeamFile): Promise<void> {
  if (ctx.session?.teamId !== joined) await openSession(ctx, hooks, joined, null);
  ctx.setAvailability({
    available: false,
    reason: 'team-replaced',
    detail: `baton/team.json names another team (${found.teamId}, "${found.name}") than the one this computer joined in this folder (${joined}); it is not opened`,
  });
}

/** Files a poll found that the watcher never reported: it went deaf; start it again and say so. */
async function judgeWatcher(ctx: SyncContext, hooks: PollHooks, found: readonly ReadSegment[]): Promise<void> {
  const verdict = hooks.watcher.judge(found.map((segment) => basename(segment.path)));
  if (verdict === 'heard') ctx.faults.clear('watch-silent', (ms) => `change notices from the folder arrive again after ${lasted(ms)}`);
  if (verdict !== 'missed') return;
  const every = lasted(hooks.pollIntervalMs());
  ctx.faults.raise('watch-silent', `change notices from the folder are not arriving (a poll found files no event told of); checking every ${every}, and watching the folder anew`);
  await hooks.watcher.rearm();
}

/**
 * Our temp files are leftovers whenever no write of ours is in flight, which is always the case
 * here (folder work runs one job at a time): at a start, when the share comes back (a write cut
 * off by its drop could not clean up), or when the listing shows one.
 */
async function removeLeftoverTempFiles(ctx: SyncContext, outcome: Listed, startOrReturn: boolean): Promise<void> {
  const mine = outcome.logNames.get(ctx.deviceId) ?? [];
  if (!startOrReturn && !mine.some(isBatonTempName)) return;
  const removed = await removeOwnTempFiles(ctx.sharedDir, ctx.deviceId);
  if (removed.length > 0) ctx.log.info('sync', `removed ${removed.length} leftover temp file(s) of this device (a write cut off by a stop or a dropped share)`);
}

/** Own segments a crash left published but not entered are adopted; returns those another computer wrote as this device. */
async function takeOwnSegments(ctx: SyncContext, session: TeamSession, segments: readonly ReadSegment[]): Promise<readonly ReadSegment[]> {
  const own = segments.filter((segment) => segment.deviceId === ctx.deviceId);
  const verdict = judgeOwnSegments(own, session.deviceState, ctx.device.outbox.pending);
  for (const segment of verdict.adopt) await adoptSegment(session, segment, ctx.device.outbox, ctx.log);
  return verdict.foreign;
}

/**
 * Everyone's new ops into the fold (as one batch, in slices that let API calls in: a first poll
 * may fold years), the clock and the local cache; screens are told once all are in.
 */
async function applySegments(ctx: SyncContext, hooks: PollHooks, session: TeamSession, outcome: Listed, files: number) {
  const ops = outcome.segments.flatMap((segment) => segment.ops);
  const devices = ctx.fold.setDevices(session.reader.devices.values());
  const fold = ctx.fold;
  const applied = await fold.applyInSlices(ops, ctx.pace(), (done) => ctx.openingAt('segments', files + (ops.length > 0 ? (files * done) / ops.length : files), 2 * files));
  // A folder switch cannot come between (folder work is one job at a time); only the fold filled is told of.
  if (fold !== ctx.fold) throw new Error('the fold was replaced while a poll applied to it');
  for (const op of ops) ctx.device.observe(op);
  ctx.report(applied);
  if (outcome.segments.length > 0) session.cache.add(outcome.segments.map(toIngestedFile), ops);
  session.cache.setDevices(session.reader.devices.values());
  hooks.cacheChanged();
  ctx.announce(devices, applied);
  return applied;
}
