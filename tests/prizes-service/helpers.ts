import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Logger } from '../../electron/services/log';
import { PrizesService } from '../../electron/services/prizes/prizes-service';
import { SyncService } from '../../electron/services/sync/sync-service';
import type { Person } from '../../shared/team-settings';
import { prizeCapabilities, type TeamFacts } from '../../shared/prizes';
import type { Role } from '../../shared/team';
import { REQUEST_TEXTS } from '../prizes/harness';

/** Real sync services on temp folders, driven by hand, with the team given as facts. */
const made: string[] = [];
const running: Array<{ sync: SyncService; service: PrizesService }> = [];
afterEach(async () => {
  for (const { sync, service } of running.splice(0)) {
    service.close();
    await sync.close();
  }
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface Computer {
  readonly sync: SyncService;
  readonly service: PrizesService;
  readonly me: Person;
}

export const alice: Person = { memberId: 'member-alice', name: '小林' };
export const bob: Person = { memberId: 'member-bob', name: '老王' };

/** Who holds which role, and which device is whose (filled in as computers open). */
export class TestTeam {
  readonly root = mkdtempSync(join(tmpdir(), 'baton-prizes-'));
  readonly sharedDir = join(this.root, 'shared');
  readonly devices = new Map<string, string>();
  readonly roles = new Map<string, Role[]>();
  clock = Date.parse('2026-03-02T10:00:00+08:00');

  constructor() {
    made.push(this.root);
    mkdirSync(this.sharedDir, { recursive: true });
  }

  facts(): TeamFacts {
    return {
      memberOfDevice: (deviceId) => this.devices.get(deviceId) ?? null,
      rolesAt: (deviceId) => this.roles.get(this.devices.get(deviceId) ?? '') ?? [],
      members: () => [alice, bob].map((person) => ({ memberId: person.memberId, name: person.name, roles: this.roles.get(person.memberId) ?? [] })),
    };
  }

  async open(me: Person, roles: Role[], options: { readonly create?: boolean } = {}): Promise<Computer> {
    this.roles.set(me.memberId, roles);
    const profileDir = join(this.root, me.memberId);
    const sync = new SyncService({
      profileDir,
      sharedDir: this.sharedDir,
      appVersion: '0.1.0-test',
      log: quiet,
      capabilities: [...prizeCapabilities],
      memberName: me.name,
      watch: false,
      pollIntervalMs: 3_600_000,
      flushDelayMs: 3_600_000,
      cacheDelayMs: 3_600_000,
    });
    await sync.ready;
    if (options.create) await sync.createTeam({ teamName: '运营组', memberName: me.name });
    else await sync.syncNow();
    this.devices.set(sync.deviceId, me.memberId);
    const service = new PrizesService({
      sync,
      profileDir,
      sharedDir: () => this.sharedDir,
      me: () => me,
      facts: () => this.facts(),
      timeZone: () => 'Asia/Shanghai',
      folderAvailable: () => true,
      log: quiet,
      now: () => this.clock,
    });
    await service.start();
    running.push({ sync, service });
    return { sync, service, me };
  }
}

/** Publishes every computer's edits and reads everyone's. */
export async function syncAll(...computers: Computer[]): Promise<void> {
  for (let round = 0; round < 2; round += 1) for (const computer of computers) await computer.sync.syncNow();
}

export const requestInput = (campaignId: string, lines: Array<{ prize: string; quantity: number; unitValueFen: number }>) => ({
  campaignId,
  lines,
  ...REQUEST_TEXTS,
  attachments: [],
});

export const campaignInput = (owner: Person) => ({
  type: 'repostLottery' as const,
  name: '春季有奖转发',
  startDate: '2026-03-10',
  endDate: '2026-03-20',
  owner,
  budgetFen: 100_000,
  department: null,
  heardOn: null,
});
