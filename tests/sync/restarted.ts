import { createSyncState, type HeldEntity, type Op } from '../../shared/sync';
import type { AnyCapability } from '../../shared/sync/capability';
import { HeldIndexBuilder } from '../../shared/sync/held-index';
import type { DormantEntity, SyncState } from '../../shared/sync/sync-state';

/**
 * Every entity of `source` dormant in a new state (through JSON, as the local state's file holds
 * them), with the index a restart reads: what a restart from this computer's state starts with.
 * `woken` lists the entities read since, in order.
 */
export function restartedFrom(source: SyncState, capabilities: readonly AnyCapability[], accept?: (op: Op) => boolean | string): { state: SyncState; woken: string[] } {
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
