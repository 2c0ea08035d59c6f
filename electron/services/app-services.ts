import { isAbsolute, join } from 'node:path';
import { ApiFailure } from '../../shared/api/result';
import { isExternalWebUrl } from '../../shared/security/csp';
import type { Settings } from '../../shared/settings/schema';
import { dispatch, type Handlers } from './dispatch';
import { EventHub } from './events';
import type { Logger } from './log';
import { pdfFileName } from './pdf-file-name';
import type { Platform } from './platform';
import { SettingsService } from './settings/settings-service';
import { ShowablePaths } from './showable-paths';
import type { SettingsStore } from './settings/store-options';
import { appSyncConfig, type AppSyncConfig } from './sync/app-sync-config';
import type { KeyVault } from './sync/key-vault';
import { SyncService, type SyncServiceOptions } from './sync/sync-service';
import { TeamExistsError } from './sync/team-create';
import { createTeamOps } from '../../shared/team';
import { mayWriteOp } from '../../shared/api/may-write';
import { teamHandlers } from './team/team-handlers';
import { TeamService } from './team/team-service';
import { tapTrust } from './team/trust-tap';
import { attachmentHandlers } from './attachments/handlers';
import { AttachmentStore } from './attachments/attachment-store';
import { handoverHandlers } from './handover/handlers';
import { HandoverService } from './handover/handover-service';
import { teamSettingsHandlers } from './team-settings/handlers';
import { TeamSettingsService } from './team-settings/team-settings-service';
import { readOwnIdentity } from './team/own-identity';
import { rotaHandlers } from './rota/handlers';
import { RotaService } from './rota/rota-service';
import { qualifiesBy } from './rota/sop-qualifies';
import { sopHandlers } from './sop/handlers';
import { sopRotaFacts } from './sop/rota-facts';
import { SopService } from './sop/sop-service';
import { prizeHandlers } from './prizes/handlers';
import { PrizesService } from './prizes/prizes-service';
import { teamFactsOf } from '../../shared/prizes';
import { isOnApprovedLeave } from '../../shared/rota/queries';
import { rotaShiftTypes } from '../../shared/rota/sources';
import { BriefingService } from './briefing/briefing-service';
import { briefingHandlers, exportHandlers } from './briefing/handlers';
import { sampleTeamHandlers } from './sample-team/handlers';
import { SampleTeamService } from './sample-team/sample-team-service';
import { standInHandlers } from './stand-in/handlers';

export interface AppServicesOptions {
  profileDir: string;
  appVersion: string;
  /** The running build (`codeVersionOf`); default `appVersion` (tests and the bench run the sources). */
  codeVersion?: string;
  platform: Platform;
  settingsStore: SettingsStore;
  log: Logger;
  /** A shared folder named on the command line wins over the stored choice for this run. */
  sharedDir?: string;
  /** Where this device's private key is kept; the Electron shell can plug safeStorage. Default: a 0600 file. */
  keyVault?: KeyVault;
  /** What the app folds with; tests give their own capabilities. */
  syncConfig?: AppSyncConfig;
  /** Check every answer against its output schema (tests): see `DispatchOptions`. */
  checkOutputs?: boolean;
  /**
   * Test seam: the hour the sample team's story is told at and the briefing is read at (a test
   * sets a shift's hour; the sync keeps its own clock). Default: the wall clock.
   */
  storyNow?: () => number;
  /** Test seams and timings of the sync service. */
  syncOptions?: Partial<Pick<SyncServiceOptions, 'watch' | 'flushDelayMs' | 'cacheDelayMs' | 'now'>>;
}

export type AppServices = ReturnType<typeof createAppServices>;

/** The composition root of everything behind the bridge; plain Node, no Electron. */
export function createAppServices(options: AppServicesOptions) {
  const { log, platform, profileDir } = options;
  const hub = new EventHub();
  const settings = new SettingsService(options.settingsStore, log);
  if (options.sharedDir) settings.update({ sharedFolder: { kind: 'path', path: options.sharedDir } });
  settings.onChange((next) => hub.emit('settingsChanged', next));

  const embeddedSharedDir = join(profileDir, 'team-folder');
  // An open sample team's folder wins: while it is open nothing is written anywhere else.
  const sharedDirOf = ({ sample, sharedFolder }: Settings) => sample?.path ?? (sharedFolder.kind === 'embedded' ? embeddedSharedDir : sharedFolder.path);

  const initial = settings.get();
  const syncConfig = options.syncConfig ?? appSyncConfig();
  // The Team screen reads the roster and refused ops from the service's own trust plug.
  const tap = syncConfig.trust ? tapTrust(syncConfig.trust) : null;
  const sync = new SyncService({
    profileDir,
    sharedDir: sharedDirOf(initial),
    appVersion: options.appVersion,
    ...(options.codeVersion ? { codeVersion: options.codeVersion } : {}),
    log,
    capabilities: syncConfig.capabilities,
    ...(tap ? { trust: tap.source } : {}),
    memberName: initial.memberName,
    pollIntervalMs: initial.pollIntervalSeconds * 1000,
    ...(options.keyVault ? { keyVault: options.keyVault } : {}),
    ...options.syncOptions,
  });
  sync.onStatus((status) => hub.emit('syncStatusChanged', status));
  sync.onChange((change) => hub.emit('teamDataChanged', { touchedKinds: [...change.touchedKinds] }));
  let applied = initial;
  settings.onChange((next) => {
    const previous = applied;
    applied = next;
    sync.setMemberName(next.memberName);
    if (next.pollIntervalSeconds !== previous.pollIntervalSeconds) sync.setPollInterval(next.pollIntervalSeconds * 1000);
    const dir = sharedDirOf(next);
    if (dir !== sharedDirOf(previous)) {
      sync.setSharedDir(dir).catch((error: unknown) => log.error('sync', 'switching the shared folder failed', error));
    }
  });

  /**
   * Baton's own folder gets a team of one at the end of the first run, so that the app works at
   * once. A folder the person chose is never given a team here (joining or creating one is asked).
   */
  const ensureEmbeddedTeam = async () => {
    const { sharedFolder, memberName, firstRunDone, sample } = settings.get();
    if (sharedFolder.kind !== 'embedded' || sample || !memberName || !firstRunDone || sync.hasKnownTeam()) return;
    try {
      await sync.createTeam({ teamName: memberName, memberName, firstOps: (device) => createTeamOps(device) }, { createFolder: true });
    } catch (error) {
      if (!(error instanceof TeamExistsError)) log.error('sync', 'creating the team of the embedded folder failed', error);
    }
  };
  const ensuring = sync.ready.then(ensureEmbeddedTeam);
  // A service's start after the open (its own files: a key, the search index) that fails is logged;
  // the app goes on without what it could not make.
  const afterOpen = (area: string, start: () => Promise<void>) => void sync.ready.then(start).catch((error: unknown) => log.error(area, 'could not start', error));

  const team = new TeamService({ sync, settings, tap, profileDir, log });
  let named = initial.memberName;
  settings.onChange((next) => {
    if (next.memberName !== named && next.memberName) team.nameChanged(next.memberName);
    named = next.memberName;
  });
  // Who writes: the sync identity's member id (made when the person names themself) and their name.
  const me = () => {
    const name = settings.get().memberName;
    const memberId = readOwnIdentity(profileDir).memberId;
    return name && memberId ? { memberId, name } : null;
  };
  const sop: SopService = new SopService({
    sync,
    roster: () => team.roster(),
    me,
    roles: () => team.view().me.roles,
    mayWrite: (opType) => mayWriteOp(team.view(), opType),
    folderAvailable: () => sync.getStatus().available,
    // Holidays and who is on a shift come from the rota (made below; asked only once running).
    rota: sopRotaFacts(() => rota.world()),
  });
  const attachments = new AttachmentStore({
    profileDir,
    sharedDir: () => sharedDirOf(settings.get()),
    log,
    onStatus: (listener) => sync.onStatus(listener),
  });
  const handover = new HandoverService({
    sync,
    profileDir,
    me,
    // The note records the shift's checklist from the SOPs: what was done against the plan.
    checklist: (shift) => sop.handoverChecklist(shift),
    log,
  });
  const briefing = new BriefingService({ sync, me, roster: () => tap?.latest()?.roster ?? null, now: options.storyNow });
  afterOpen('handover', () => handover.start());
  const prizes = new PrizesService({
    sync,
    profileDir,
    sharedDir: () => sharedDirOf(settings.get()),
    me,
    // The roster the service's own trust plug folded, only while it is about the state shown.
    facts: () => {
      const latest = tap?.latest();
      return latest && (latest.state as unknown) === sync.state ? teamFactsOf(latest.roster) : null;
    },
    timeZone: () => handover.settings().timeZone,
    folderAvailable: () => sync.getStatus().available,
    // A step whose person is on approved leave in the rota goes to the delegate they named.
    onLeave: (memberId, atMs) => isOnApprovedLeave(rota.world(), memberId, atMs),
    // The content calendar: the posts the SOPs plan on the day's shifts, which a campaign's posts meet.
    postsOn: (date) =>
      handover.settings().shiftTypes.filter((type) => !type.retired).flatMap((type) =>
        sop.checklistFor({ date, shiftTypeId: type.id }).entries.filter((entry) => entry.kind === 'post').map((entry) => ({ slot: entry.slot, title: entry.title })),
      ),
    log,
  });
  afterOpen('prizes', () => prizes.start());
  const teamSettingsService = new TeamSettingsService({
    sync,
    mayWrite: (opType) => mayWriteOp(team.view(), opType),
    folderAvailable: () => sync.getStatus().available,
    shiftTypesInForce: (shiftTypes) => rotaShiftTypes(sync.state, shiftTypes),
  });

  // "Show in folder": files Baton saved (services call `remember`), and the set-aside files the Sync screen lists.
  const showable = new ShowablePaths(
    () => {
      const dir = sharedDirOf(settings.get());
      return sync.getStatus().setAside.map((file) => join(dir, ...file.path.split('/')));
    },
    join(profileDir, 'showable.json'),
    log,
  );

  const rota: RotaService = new RotaService({
    sync,
    roster: () => tap?.latest()?.roster ?? null,
    memberId: () => {
      try {
        return readOwnIdentity(profileDir).memberId;
      } catch {
        // No identity yet (before the first run): nobody to act as.
        return null;
      }
    },
    mayWrite: (opType) => mayWriteOp(team.view(), opType),
    folderAvailable: () => sync.getStatus().available,
    // Who may take a cover: only those who acknowledged the SOPs the shift requires.
    qualifies: () => qualifiesBy(sop.briefs(), (ids) => sop.docsOf(ids)),
  });

  const sampleTeam = new SampleTeamService({ profileDir, appVersion: options.appVersion, settings, sync, sharedDirOf, log, now: options.storyNow });

  const handlers: Handlers = {
    getAppInfo: async () => ({
      name: 'Baton',
      version: options.appVersion,
      host: platform.host,
      versions: platform.versions,
      platform: process.platform,
      canPickFolder: platform.canPickFolder,
      profileDir,
      embeddedSharedDir,
    }),
    getSettings: async () => settings.get(),
    updateSettings: async (patch) => settings.update(patch),
    completeFirstRun: async ({ memberName, sharedFolder }) => {
      // Once done, a second first run would switch the folder behind Settings' back.
      if (settings.get().firstRunDone) throw new ApiFailure('conflict', 'the first run is already done: the folder is changed in Settings');
      const next = settings.update({ memberName, sharedFolder, firstRunDone: true });
      await sync.setSharedDir(sharedDirOf(next));
      await ensureEmbeddedTeam();
      return next;
    },
    pickFolder: async () => ({ path: await platform.pickFolder() }),
    openExternal: async ({ url }) => {
      if (!isExternalWebUrl(url)) throw new ApiFailure('forbidden', 'Only web links (http, https) can be opened');
      return { opened: await platform.openExternal(url) };
    },
    showInFolder: async ({ path }) => {
      if (!isAbsolute(path) || !showable.mayShow(path)) throw new ApiFailure('forbidden', 'Baton shows only files it saved or lists on screen');
      return { shown: await platform.showInFolder(path) };
    },
    savePdf: async ({ fileName }) => {
      const outcome = await platform.savePdf(pdfFileName(fileName));
      if (outcome.outcome === 'saved') showable.remember(outcome.path);
      return outcome;
    },
    getSyncStatus: async () => sync.getStatus(),
    syncNow: async () => sync.syncNow(),
    ...teamHandlers(team),
    ...handoverHandlers(handover),
    ...attachmentHandlers(attachments),
    ...teamSettingsHandlers(teamSettingsService),
    ...rotaHandlers(rota),
    ...sopHandlers(sop),
    ...prizeHandlers(prizes),
    ...briefingHandlers(briefing, (title, body) => platform.notify(title, body)),
    ...standInHandlers({ state: () => sync.state, roster: () => tap?.latest()?.roster ?? null }),
    ...exportHandlers({
      state: () => sync.state,
      roster: () => tap?.latest()?.roster ?? null,
      teamName: () => sync.getStatus().teamName,
      sharedDir: () => sharedDirOf(settings.get()),
      written: (...paths) => showable.remember(...paths),
    }),
    ...sampleTeamHandlers(sampleTeam),
  };

  return {
    hub,
    settings,
    handlers,
    /** The storage and sync service: `record`, `state`, `clock`, `deviceId`, `onChange`. */
    sync,
    sharedDir: () => sharedDirOf(settings.get()),
    sampleTeam,
    /** A service that writes a file for the person (an export, a saved attachment) remembers it here for "Show in folder". */
    showable,
    dispatch: (name: string, payload: unknown) => dispatch(handlers, name, payload, log, { checkOutputs: options.checkOutputs === true, beforeWrite: () => sync.whenOpen() }),
    close: async () => {
      await ensuring.catch(() => undefined);
      handover.close();
      attachments.close();
      rota.close();
      sop.close();
      prizes.close();
      await sync.close();
    },
  };
}
