import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../electron/services/handover/search-index';
import type { Logger } from '../../electron/services/log';
import type { AnyCapability } from '../../shared/sync/capability';
import type { ListOptions, SyncState } from '../../shared/sync/sync-state';
import type { ReadonlySyncState } from '../../shared/sync/trust-plug';
import { HOUR, WANG, addendum, createFollowUp, editFollowUp, noteData, replica, sections, shanghai, submit } from '../handover/harness';
import { ALICE, TestDevice } from '../sync/devices';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const ZONE = 'Asia/Shanghai';

/** The same state, counting the lists asked for and noting every entity read with `get`. */
function counting(state: () => SyncState) {
  const seen = { lists: 0, got: [] as string[] };
  const list = (kind: string | AnyCapability, options?: ListOptions) => {
    seen.lists += 1;
    return state().list(kind as string, options);
  };
  const get = (entity: string) => {
    seen.got.push(entity);
    return state().get(entity);
  };
  const readonly: ReadonlySyncState = {
    get: get as ReadonlySyncState['get'],
    list: list as ReadonlySyncState['list'],
    summaries: ((kind: string) => state().summaries(kind)) as ReadonlySyncState['summaries'],
    heads: (entity) => state().heads(entity),
    get opsCount() {
      return state().opsCount;
    },
  };
  return { readonly, seen };
}

const ids = (index: SearchIndex, query: string) => index.search(query, 50).map((hit) => hit.id);

describe('the search index after its first build', () => {
  const device = new TestDevice(ALICE);
  const at = shanghai('2026-01-05', '15:50');
  const notes = Array.from({ length: 30 }, (_, n) => submit(device, at + n, `n${n}`, noteData({ sections: sections({ summary: `第${n}班 微博正常` }) })));

  it('re-indexes only the entities a change names, reading those alone, never listing the others', async () => {
    const state = replica([...notes, createFollowUp(device, at, 'f1')]);
    const { readonly, seen } = counting(() => state);
    const index = new SearchIndex(() => readonly, () => ZONE, quiet);
    await index.start();
    expect(index.ready).toBe(true);
    expect(seen.lists).toBe(2); // the first build: every note and follow-up, once
    expect(ids(index, '微博')).toHaveLength(30);
    expect(ids(index, '物流')).toEqual(['followUp:f1']);

    // An addendum to one note, and a follow-up's title changed.
    const applied = state.apply([
      addendum(device, at + HOUR, 'n7', WANG, '补充：直播推迟到周五'),
      editFollowUp(device, state, at + HOUR, 'f1', WANG, { title: '联系快递核实退货' }),
    ]);
    expect(applied.touched).toEqual(['followUp:f1', 'handover:n7']);
    index.changed(applied.touched);
    expect(seen.lists).toBe(2);
    expect([...seen.got].sort()).toEqual(['followUp:f1', 'handover:n7']);
    expect(ids(index, '直播推迟')).toEqual(['handover:n7']);
    expect(ids(index, '快递')).toEqual(['followUp:f1']);
    expect(ids(index, '物流')).toEqual([]); // the old title is gone
    expect(ids(index, '微博')).toHaveLength(30);

    // Searching reads nothing more, and a change naming no note or follow-up reads nothing.
    index.changed(['teamSettings:team']);
    ids(index, '微博');
    expect(seen.lists).toBe(2);
    expect(seen.got).toHaveLength(2);
  });

  it('indexes after the build what changed while it ran, and builds again when the fold is replaced', async () => {
    let state = replica(notes.slice(0, 10));
    const { readonly, seen } = counting(() => state);
    const index = new SearchIndex(() => readonly, () => ZONE, quiet);
    const building = index.start();
    expect(index.ready).toBe(false);
    index.changed(state.apply([addendum(device, at + HOUR, 'n3', WANG, '补充：评论区有人问价格')]).touched);
    await building;
    expect(ids(index, '价格')).toEqual(['handover:n3']);
    expect(seen.got).toEqual(['handover:n3']);

    // Another team's folder: a fold without those notes.
    state = replica(notes.slice(20, 25));
    index.changed('all');
    expect(index.ready).toBe(false);
    await index.start();
    expect(index.ready).toBe(true);
    expect(seen.lists).toBe(4);
    expect(ids(index, '微博').sort()).toEqual(['handover:n20', 'handover:n21', 'handover:n22', 'handover:n23', 'handover:n24']);
    expect(ids(index, '价格')).toEqual([]);
  });
});
