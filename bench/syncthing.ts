import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appSyncConfig } from '../electron/services/sync/app-sync-config';
import { SyncService } from '../electron/services/sync/sync-service';
import { entityRef } from '../shared/sync/op';
import { createTeamOps } from '../shared/team';
import { describePropagation, measurePropagation, type PropagationReport } from '../tests/syncthing/propagation-probe';
import { SYNCTHING_BIN, startSyncthingPair, waitFor } from '../tests/syncthing/syncthing-harness';
import { quietLog } from './quiet-log';

/**
 * Where Syncthing is installed: Baton over two real Syncthing instances on loopback (watch delay
 * 1 s) against Syncthing moving a file alone, in the same run, as a ratio (issue 18). Both
 * services run with the app's own timings (publish policy, 5 s poll, the file watcher); the
 * writer is the team's creator, recording a follow-up as the screen does. Null where Syncthing
 * is not installed.
 */
export async function syncthingPropagation(samples: number, log: (line: string) => void): Promise<PropagationReport | null> {
  if (!existsSync(SYNCTHING_BIN)) {
    log(`Syncthing is not installed (${SYNCTHING_BIN}): no Baton/Syncthing ratio`);
    return null;
  }
  log('propagation over real Syncthing ...');
  const pair = await startSyncthingPair();
  const profiles = mkdtempSync(join(tmpdir(), 'baton-bench-syncthing-'));
  const services: SyncService[] = [];
  const open = (name: string, sharedDir: string, memberName: string | null) => {
    const service = new SyncService({ ...appSyncConfig(), profileDir: join(profiles, name), sharedDir, appVersion: '0.1.0-bench', log: quietLog(`[${name}]`), memberName, cacheDelayMs: 3_600_000 });
    services.push(service);
    return service;
  };
  try {
    const writer = open('writer', pair.a.folder, '王主管');
    await writer.ready;
    const { device } = await writer.createTeam({ teamName: '基准组', memberName: '王主管', firstOps: (founder) => createTeamOps(founder) });
    await waitFor('team.json on the second copy', () => existsSync(join(pair.b.folder, 'baton', 'team.json')));
    const reader = open('reader', pair.b.folder, null);
    await reader.ready;
    await waitFor("the reader to fold the writer's first edits", async () => {
      await reader.pollNow();
      return reader.getStatus().available && reader.getStatus().opsCount >= writer.getStatus().opsCount;
    });
    const person = { memberId: device.memberId, name: device.memberName };
    const run = `bench-st-${Date.now().toString(36)}`;
    const report = await measurePropagation({
      writer: { folder: pair.a.folder, deviceId: writer.deviceId },
      reader: { folder: pair.b.folder, deviceId: reader.deviceId },
      samples,
      // Longer than the app's publish delay (2 s): every edit is the first after a quiet spell.
      quietMs: 2_500,
      edit: (sample) => {
        const at = Date.now();
        const data = { title: '基准测试：粉丝私信投诉奖品未发货', owner: person, dueAt: at + 3_600_000, category: 'other', createdBy: person, at };
        writer.record([{ type: 'followUp.created', entity: entityRef('followUp', `${run}-${sample}`), data }]);
      },
      shown: (sample) => reader.state.get(entityRef('followUp', `${run}-${sample}`)) !== undefined,
    });
    log(`propagation over real Syncthing (watch delay 1 s): ${describePropagation(report, 'Syncthing')}`);
    return report;
  } finally {
    for (const service of services) await service.close();
    await pair.stop();
    rmSync(profiles, { recursive: true, force: true });
  }
}
