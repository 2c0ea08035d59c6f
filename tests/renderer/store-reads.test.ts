// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../shared/api/result';

/**
 * A store's reads answered out of order: the service answers reads side by side, so the answer
 * to a read sent before a change (a push's refresh) can arrive after the answer to one sent after
 * it (a write's own refresh). The older answer must not put the older data back. And a write's
 * answer must not undo where the person went while it was under way (the sop-editor and prizes
 * specs' failures under the full suite).
 */

interface Call {
  name: string;
  input: unknown;
  answer(value: unknown): Promise<void>;
}

const bridge = vi.hoisted(() => ({ calls: [] as Call[] }));

vi.mock('../../renderer/bridge/baton', () => {
  const settled = () => new Promise((done) => setTimeout(done, 0));
  const op =
    (name: string) =>
    (input: unknown): Promise<ApiResult<unknown>> =>
      new Promise((resolve) => {
        bridge.calls.push({
          name,
          input,
          answer: async (value) => {
            resolve({ ok: true, value });
            await settled();
          },
        });
      });
  const off = () => () => undefined;
  return {
    baton: {
      getPrizes: op('getPrizes'),
      getSopLibrary: op('getSopLibrary'),
      getShiftContext: op('getShiftContext'),
      getBriefing: op('getBriefing'),
      getTeamSettings: op('getTeamSettings'),
      getStandInPack: op('getStandInPack'),
      onTeamDataChanged: off,
      onSyncStatusChanged: off,
    },
  };
});

const { usePrizes, refreshPrizes, prizesPlace, goUnlessMovedOn, openRequest, showPrizesTab } = await import('../../renderer/prizes/prizes-store');
const { useSop, refreshLibrary, openUnlessMovedOn, editSop, showLibrary } = await import('../../renderer/sop/sop-store');
const { useHandover, refreshContext } = await import('../../renderer/handover/handover-store');
const { useBriefing, refreshBriefing } = await import('../../renderer/briefing/briefing-store');
const { refreshTeamSettings, teamSettingsRead } = await import('../../renderer/team-settings/use-team-settings');
const { useStandIn, refreshPack, showShift } = await import('../../renderer/stand-in/stand-in-store');

/** Two reads sent one after the other (`first`, then `second`), answered newest first; returns what each answered. */
async function twoReadsAnsweredNewestFirst(first: () => unknown, second: () => Promise<void>): Promise<{ older: unknown; newer: unknown }> {
  bridge.calls = [];
  const reads = [first(), second()];
  const [olderCall, newerCall] = bridge.calls;
  expect(bridge.calls).toHaveLength(2);
  const older = { answer: 'older' };
  const newer = { answer: 'newer' };
  await newerCall!.answer(newer);
  await olderCall!.answer(older);
  await Promise.all(reads);
  return { older, newer };
}

/** Each store's read (after `first`, where another read comes first), emptied before where it holds an answer, and what it holds after. */
const stores: ReadonlyArray<{ name: string; empty?: () => void; first?: () => unknown; refresh: () => Promise<void>; held: () => unknown }> = [
  { name: 'prizes: the overview', empty: () => usePrizes.setState({ overview: null }), refresh: refreshPrizes, held: () => usePrizes.getState().overview },
  { name: 'SOP: the library', empty: () => useSop.setState({ library: null }), refresh: refreshLibrary, held: () => useSop.getState().library },
  { name: 'handover: the shift context', empty: () => useHandover.setState({ context: null }), refresh: refreshContext, held: () => useHandover.getState().context },
  { name: 'briefing', empty: () => useBriefing.setState({ briefing: null }), refresh: refreshBriefing, held: () => useBriefing.getState().briefing },
  { name: 'team settings', refresh: refreshTeamSettings, held: teamSettingsRead },
  // showShift's own read, then a push's.
  { name: 'stand-in pack, the same shift read twice', first: () => showShift({ date: '2026-12-07', shiftTypeId: 'early' }), refresh: refreshPack, held: () => useStandIn.getState().pack },
];

describe('an older answer arriving after a newer one is dropped', () => {
  beforeEach(() => {
    bridge.calls = [];
  });

  for (const { name, empty, first, refresh, held } of stores) {
    it(name, async () => {
      empty?.();
      const { newer } = await twoReadsAnsweredNewestFirst(first ?? refresh, refresh);
      expect(held()).toBe(newer);
    });
  }

  it('prizes: answers in order still apply, the last one last', async () => {
    usePrizes.setState({ overview: null });
    const first = refreshPrizes();
    const second = refreshPrizes();
    await bridge.calls[0]!.answer({ answer: 'older' });
    await bridge.calls[1]!.answer({ answer: 'newer' });
    await Promise.all([first, second]);
    expect(usePrizes.getState().overview).toEqual({ answer: 'newer' });
  });
});

describe("a write's answer does not undo where the person went meanwhile", () => {
  it('SOP editor: "back to the library" clicked while saving stays done', () => {
    editSop(null);
    const from = { tab: 'editor', sopId: null } as const;
    showLibrary();
    openUnlessMovedOn(from, 'sop-1');
    expect(useSop.getState().tab).toBe('library');
  });

  it('SOP editor: still there when the save answers, the saved document opens', () => {
    editSop(null);
    openUnlessMovedOn({ tab: 'editor', sopId: null }, 'sop-1');
    expect(useSop.getState()).toMatchObject({ tab: 'document', sopId: 'sop-1' });
  });

  it('prizes: another tab chosen while a request was submitted stays chosen', () => {
    showPrizesTab('new');
    const here = prizesPlace();
    showPrizesTab('campaigns');
    goUnlessMovedOn(here, () => openRequest('r-1'));
    expect(usePrizes.getState().tab).toBe('campaigns');
    showPrizesTab('new');
    goUnlessMovedOn(prizesPlace(), () => openRequest('r-1'));
    expect(usePrizes.getState()).toMatchObject({ tab: 'request', requestId: 'r-1' });
  });
});
