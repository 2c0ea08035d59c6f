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

/** Two reads sent one after the other, answered newest first; returns what each answered. */
async function twoReadsAnsweredNewestFirst(refresh: () => Promise<void>): Promise<{ older: unknown; newer: unknown }> {
  bridge.calls = [];
  const first = refresh();
  const second = refresh();
  const [olderCall, newerCall] = bridge.calls;
  expect(bridge.calls).toHaveLength(2);
  const older = { answer: 'older' };
  const newer = { answer: 'newer' };
  await newerCall!.answer(newer);
  await olderCall!.answer(older);
  await Promise.all([first, second]);
  return { older, newer };
}

describe('an older answer arriving after a newer one is dropped', () => {
  beforeEach(() => {
    bridge.calls = [];
  });

  it('prizes: the overview', async () => {
    usePrizes.setState({ overview: null });
    const { newer } = await twoReadsAnsweredNewestFirst(refreshPrizes);
    expect(usePrizes.getState().overview).toBe(newer);
  });

  it('prizes: answers in order still apply, the last one last', async () => {
    usePrizes.setState({ overview: null });
    const first = refreshPrizes();
    const second = refreshPrizes();
    await bridge.calls[0]!.answer({ answer: 'older' });
    await bridge.calls[1]!.answer({ answer: 'newer' });
    await Promise.all([first, second]);
    expect(usePrizes.getState().overview).toEqual({ answer: 'newer' });
  });

  it('SOP: the library', async () => {
    useSop.setState({ library: null });
    const { newer } = await twoReadsAnsweredNewestFirst(refreshLibrary);
    expect(useSop.getState().library).toBe(newer);
  });

  it('handover: the shift context', async () => {
    useHandover.setState({ context: null });
    const { newer } = await twoReadsAnsweredNewestFirst(refreshContext);
    expect(useHandover.getState().context).toBe(newer);
  });

  it('briefing', async () => {
    useBriefing.setState({ briefing: null });
    const { newer } = await twoReadsAnsweredNewestFirst(refreshBriefing);
    expect(useBriefing.getState().briefing).toBe(newer);
  });

  it('team settings', async () => {
    const { newer } = await twoReadsAnsweredNewestFirst(refreshTeamSettings);
    expect(teamSettingsRead()).toBe(newer);
  });

  it('stand-in pack, the same shift read twice', async () => {
    showShift({ date: '2026-12-07', shiftTypeId: 'early' });
    // showShift's own read, then a push's.
    const second = refreshPack();
    const [olderCall, newerCall] = bridge.calls;
    await newerCall!.answer({ answer: 'newer' });
    await olderCall!.answer({ answer: 'older' });
    await second;
    expect(useStandIn.getState().pack).toEqual({ answer: 'newer' });
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
