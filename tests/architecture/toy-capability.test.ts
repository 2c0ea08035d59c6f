import { describe, expect, it } from 'vitest';
import { dispatchWith } from '../../electron/services/dispatch';
import { OpDataError } from '../../shared/sync';
import { memoryLog } from '../support/memory-log';
import { computer, startService, teamFolder } from '../sync-service/helpers';
import { note } from '../sync/example-capabilities';
import { toyNote, toyNoteOps } from './toy/toy-capability';
import { toyNoteOperations } from './toy/toy-contract';
import { ToyNoteService, toyNoteHandlers } from './toy/toy-service';

/**
 * Adding a capability takes its own folder, one line in the capability list, its contract object
 * and its handler (docs/ARCHITECTURE.md "How to add a capability"): this one goes from the bridge
 * through a real sync service and the shared folder to a second computer.
 */
describe('a toy capability added the documented way', () => {
  it('is written through the bridge, synced and read on another computer', async () => {
    const capabilities = [note, toyNote]; // the one line in the capability list
    const { sharedDir, founder } = await teamFolder('toy');
    const other = startService(computer(sharedDir, 'other'), { capabilities });
    const writer = startService(computer(sharedDir, 'writer'), { capabilities });
    await Promise.all([founder.ready, other.ready, writer.ready]);
    const log = memoryLog();
    const call = (service: ToyNoteService, name: string, input: unknown) =>
      dispatchWith(toyNoteOperations, toyNoteHandlers(service), name, input, log, { checkOutputs: true });

    expect(await call(new ToyNoteService(writer), 'setToyNote', { id: 'n1', title: '早班口播稿' })).toEqual({ ok: true, value: { queued: true } });
    await writer.flushNow();
    await other.syncNow();
    expect(await call(new ToyNoteService(other), 'getToyNote', { id: 'n1' })).toEqual({ ok: true, value: { title: '早班口播稿' } });
    expect(await call(new ToyNoteService(other), 'getToyNote', { id: 'N 1' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses data its own schema refuses before anything is recorded', () => {
    expect(() => toyNoteOps.set('n1', { set: { title: '' }, seen: {}, by: { memberId: 'm1', name: '小托' } })).toThrow(OpDataError);
  });

  it('answers reads at once while the team is opening and holds an edit until the open ends', async () => {
    const { sharedDir, founder } = await teamFolder('toy-gate');
    const writer = startService(computer(sharedDir, 'writer'), { capabilities: [note, toyNote] });
    await Promise.all([founder.ready, writer.ready]);
    const service = new ToyNoteService(writer);
    let endOpen = () => {};
    const opening = new Promise<void>((resolve) => (endOpen = resolve));
    const answered: string[] = [];
    const call = (name: string, input: unknown) =>
      dispatchWith(toyNoteOperations, toyNoteHandlers(service), name, input, memoryLog(), { checkOutputs: true, beforeWrite: () => opening }).then((result) => {
        answered.push(name);
        return result;
      });

    const edit = call('setToyNote', { id: 'n1', title: '早班口播稿' });
    expect(await call('getToyNote', { id: 'n1' })).toEqual({ ok: true, value: { title: null } });
    expect(answered).toEqual(['getToyNote']);
    endOpen();
    expect(await edit).toEqual({ ok: true, value: { queued: true } });
    expect(await call('getToyNote', { id: 'n1' })).toEqual({ ok: true, value: { title: '早班口播稿' } });
  });
});
