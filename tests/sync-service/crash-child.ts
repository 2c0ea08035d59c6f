/**
 * The process the crash test kills: records edits and publishes them in a loop, printing
 * `ack <op id>` only after `record` has returned (the edit is durable). Run with
 *   node crash-child.mjs <profileDir> <sharedDir> run|final
 * `final` publishes what is left, prints `final <pending outbox>` and exits.
 */
import { SyncService } from '../../electron/services/sync/sync-service';
import type { Logger } from '../../electron/services/log';
import { note } from '../sync/example-capabilities';

const [profileDir, sharedDir, mode] = process.argv.slice(2);
/** Only errors, on stderr: the test shows them if a run ends other than by its kill. */
const quiet: Logger = {
  info: () => {},
  warn: () => {},
  error: (area, message, error) => process.stderr.write(`${area} ${message} ${String(error ?? '')}\n`),
};

async function main(): Promise<void> {
  const service = new SyncService({
    profileDir: profileDir!,
    sharedDir: sharedDir!,
    appVersion: 'crash-test',
    log: quiet,
    capabilities: [note],
    memberName: 'Crash',
    watch: false,
    pollIntervalMs: 3_600_000,
    flushDelayMs: 3_600_000,
    // Cache writes right away, so that kills land in them too.
    cacheDelayMs: 0,
  });
  await service.ready;
  if (mode === 'final') {
    await service.flushNow();
    process.stdout.write(`final ${service.getStatus().pendingOutbox} ${service.deviceId}\n`);
    await service.close();
    return;
  }
  process.stdout.write(`ready ${service.deviceId}\n`);
  for (let round = 0; ; round += 1) {
    const edits = 1 + (round % 3);
    for (let index = 0; index < edits; index += 1) {
      const [op] = service.record([{ type: 'note.set', entity: `note:c${round % 7}`, data: { set: { title: `round ${round}.${index}` }, seen: {} } }]);
      process.stdout.write(`ack ${op!.id}\n`);
    }
    await service.flushNow();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`crash-child: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(3);
});
