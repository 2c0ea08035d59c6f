import { createSyncState, type HeldEntity, type OpFilter } from '../../shared/sync';
import type { AnyCapability } from '../../shared/sync/capability';
import { HeldIndexBuilder } from '../../shared/sync/held-index';
import type { DormantEntity, SyncState } from '../../shared/sync/sync-state';

/**
 * Every entity of `source` dormant in a new state (through JSON, as the local state's file holds
 * them), with the index a restart reads: what a restart from this computer's state starts with.
 * `woken` lists the entities read since, in order.
 */
export function restartedFrom(source: SyncState, capabilities: readonly AnyCapability[], accept?: OpFilter, options: { readonly summaries?: boolean } = {}): { state: SyncState; woken: string[] } {
  // With summaries: those the index would store (under the source's filter), as a written base's index holds them.
  const stored = options.summaries ? source.summariesToStore(source.changeMark()) : null;
  const summaries = JSON.parse(JSON.stringify(stored?.summaries ?? {})) as Record<string, unknown>;
  const held = JSON.parse(JSON.stringify(source.held())) as HeldEntity[];
  const builder = new HeldIndexBuilder();
  for (const entity of held) builder.add(entity);
  const index = builder.build((entity) => source.isClosed(entity));
  const woken: string[] = [];
  const dormant: DormantEntity[] = held.map((entity) => {
    const [opCount, closed, lastHlc] = index.entities[entity.entity]!;
    return {
      entity: entity.entity,
      opCount,
      closed: closed === 1,
      lastHlc,
      ...(stored && summaries[entity.entity] !== undefined ? { summary: { value: summaries[entity.entity], trust: stored.trust } } : {}),
      load: () => {
        woken.push(entity.entity);
        return entity;
      },
    };
  });
  const state = createSyncState(capabilities, accept ? { accept } : {});
  state.install(dormant, index.counters);
  state.refilter();
  return { state, woken };
}
