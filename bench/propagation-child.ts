import { appSyncConfig } from '../electron/services/sync/app-sync-config';
import { SyncService } from '../electron/services/sync/sync-service';
import { entityRef } from '../shared/sync/op';
import { quietLog } from './quiet-log';

/**
 * One computer of the propagation bench (forked with IPC). The writer records a follow-up as a
 * screen does (`record`) and leaves the publishing to the app's own policy (at once after a quiet
 * spell, batched while edits keep coming); the reader reports when its state shows an awaited entity.
 */
export interface ChildConfig {
  readonly role: 'writer' | 'reader';
  readonly profileDir: string;
  readonly sharedDir: string;
  readonly watch: boolean;
  readonly pollIntervalMs: number;
  readonly person: { readonly memberId: string; readonly name: string };
}

export type ToChild = { type: 'edit'; id: string } | { type: 'await'; id: string } | { type: 'close' };
export type FromChild = { type: 'ready'; openMs: number } | { type: 'published'; id: string; ms: number } | { type: 'awaiting'; id: string } | { type: 'seen'; id: string };

const send = (message: FromChild) => process.send!(message);

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2]!) as ChildConfig;
  const started = performance.now();
  const service = new SyncService({
    ...appSyncConfig(),
    profileDir: config.profileDir,
    sharedDir: config.sharedDir,
    appVersion: '0.1.0-bench',
    log: quietLog(`[${config.role}]`),
    memberName: config.role === 'writer' ? config.person.name : null,
    watch: config.watch,
    pollIntervalMs: config.pollIntervalMs,
    cacheDelayMs: 3_600_000,
  });
  await service.ready;
  // Edits waiting to be published, by id, with when they were recorded: told once the outbox empties.
  const unpublished = new Map<string, number>();
  service.onStatus((status) => {
    if (status.pendingOutbox > 0) return;
    for (const [id, start] of unpublished) send({ type: 'published', id, ms: performance.now() - start });
    unpublished.clear();
  });
  const awaited = new Set<string>();
  const check = () => {
    for (const id of awaited) {
      if (service.state.get(entityRef('followUp', id)) !== undefined) {
        awaited.delete(id);
        send({ type: 'seen', id });
      }
    }
  };
  service.onChange(check);
  process.on('message', (message: ToChild) => {
    if (message.type === 'close') {
      void service.close().then(() => process.exit(0));
    } else if (message.type === 'await') {
      awaited.add(message.id);
      send({ type: 'awaiting', id: message.id });
      check();
    } else {
      const start = performance.now();
      const at = Date.now();
      service.record([
        {
          type: 'followUp.created',
          entity: entityRef('followUp', message.id),
          data: { title: '基准测试：粉丝私信投诉奖品未发货', owner: config.person, dueAt: at + 3_600_000, category: 'other', createdBy: config.person, at },
        },
      ]);
      unpublished.set(message.id, start);
    }
  });
  send({ type: 'ready', openMs: performance.now() - started });
}

void main();
