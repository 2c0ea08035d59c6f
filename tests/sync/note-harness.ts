import { createSyncState, lwwSetData, type Op, type SyncState } from '../../shared/sync';
import { note, prizeRequest } from './example-capabilities';
import type { TestDevice } from './devices';

export function replica(ops: readonly Op[] = []): SyncState {
  const state = createSyncState([note, prizeRequest]);
  state.apply(ops);
  return state;
}

/** What the app will do to edit a note: write the change having seen what the device shows. */
export function editNote(
  device: TestDevice,
  view: SyncState,
  wallMs: number,
  id: string,
  changes: { title?: string; body?: string },
): Op {
  const current = view.get(note, id)?.fields;
  return device.op(wallMs, 'note.set', `note:${id}`, { ...lwwSetData(current, changes) });
}
