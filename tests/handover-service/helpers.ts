import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { AttachmentStore } from '../../electron/services/attachments/attachment-store';
import { HandoverService } from '../../electron/services/handover/handover-service';
import type { Logger } from '../../electron/services/log';
import { SyncService } from '../../electron/services/sync/sync-service';
import { followUp, handover, type HandoverDraft } from '../../shared/handover';
import { teamSettings, type Person } from '../../shared/team-settings';

/** Real sync services on temp folders, driven by hand (no timers, no watcher), closed after each test. */

const made: string[] = [];
const running: Array<{ sync: SyncService; service: HandoverService; attachments: AttachmentStore }> = [];
afterEach(async () => {
  for (const { sync, service, attachments } of running.splice(0)) {
    service.close();
    attachments.close();
    await sync.close();
  }
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `baton-handover-${name}-`));
  made.push(dir);
  return dir;
}

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export interface Computer {
  readonly sync: SyncService;
  readonly service: HandoverService;
  /** The app's attachment store on the same profile and folder, for notes with attachments. */
  readonly attachments: AttachmentStore;
  readonly profileDir: string;
  readonly sharedDir: string;
}

export function openComputer(profileDir: string, sharedDir: string, me: Person, now?: () => number): Computer {
  const sync = new SyncService({
    profileDir,
    sharedDir,
    appVersion: '0.1.0-test',
    log: quiet,
    capabilities: [teamSettings, handover, followUp],
    memberName: me.name,
    watch: false,
    pollIntervalMs: 3_600_000,
    flushDelayMs: 3_600_000,
    cacheDelayMs: 3_600_000,
  });
  const service = new HandoverService({ sync, profileDir, me: () => me, log: quiet, ...(now ? { now } : {}) });
  const attachments = new AttachmentStore({ profileDir, sharedDir: () => sharedDir, log: quiet, onStatus: (listener) => sync.onStatus(listener) });
  running.push({ sync, service, attachments });
  return { sync, service, attachments, profileDir, sharedDir };
}

/** Closes a computer now, to open its profile again (a restart). */
export async function closeComputer(computer: Computer): Promise<void> {
  const index = running.findIndex((entry) => entry.sync === computer.sync);
  running.splice(index, 1);
  computer.service.close();
  computer.attachments.close();
  await computer.sync.close();
}

export const alice: Person = { memberId: 'member-alice', name: '小林' };
export const bob: Person = { memberId: 'member-bob', name: '老王' };

/** A shared folder with a team, and Alice's computer (the founder) on it. */
export async function teamWithAlice(now?: () => number): Promise<Computer & { root: string }> {
  const root = tempDir('team');
  const sharedDir = join(root, 'shared');
  mkdirSync(sharedDir, { recursive: true });
  const computer = openComputer(join(root, 'alice'), sharedDir, alice, now);
  await computer.sync.ready;
  await computer.sync.createTeam({ teamName: '运营组', memberName: alice.name });
  await computer.service.start();
  return { ...computer, root };
}

export async function joinBob(root: string, sharedDir: string, now?: () => number): Promise<Computer> {
  const computer = openComputer(join(root, 'bob'), sharedDir, bob, now);
  await computer.sync.ready;
  await computer.sync.syncNow();
  await computer.service.start();
  return computer;
}

export function withText(draft: HandoverDraft, text: Partial<HandoverDraft['sections']>, at = draft.updatedAt + 1): HandoverDraft {
  return { ...draft, sections: { ...draft.sections, ...text }, updatedAt: at };
}

/** The smallest PNG header the sniffer recognises, padded to `size` bytes. */
export function pngBytes(size = 64): Buffer {
  const bytes = Buffer.alloc(size, 7);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
}
