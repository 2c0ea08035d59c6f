import { describe, expect, it } from 'vitest';
import { campaign, campaignsOf, prizeCapabilities, prizeViews, type Campaign } from '../../shared/prizes';
import type { OpFilter } from '../../shared/sync';
import { Team, facts } from './harness';
import { restartedFrom } from '../sync/restarted';

/**
 * A campaign's summary is the campaign itself: a restart lists the campaigns (the briefing's
 * section, the names of its prize items, the over-cap rule) from the local base's index, reading
 * no campaign's line, and lists what reading every campaign lists.
 */

const everyOp = Object.assign(() => true, { trustKey: 'every-op' }) as OpFilter;

/** What `campaignsOf` listed before summaries: every campaign's state, read. */
const readEvery = (state: Team['state']): Campaign[] =>
  state
    .list(campaign)
    .flatMap(({ state: s }) => (s.campaign ? [s.campaign] : []))
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id < b.id ? -1 : 1));

function team(): Team {
  const t = new Team();
  t.campaign('c1');
  t.campaign('c2', { name: '夏季晒单', type: 'photoContest', startDate: '2026-03-01', endDate: '2026-04-30', department: 'marketing', heardOn: '2026-02-20' });
  t.campaign('c0', { startDate: '2026-03-10' });
  // An edit after: the later write wins field by field.
  t.campaign('c1', { endDate: '2026-03-25', budgetFen: 2_000_000 });
  const first = t.submit('lin', 'r1', [['耳机', 1, 30_000]]);
  t.decide('wang', 'r1', 0, 'approve', first);
  t.submit('lin', 'r2', [['大奖', 1, 6_000_000]], 'c0');
  return t;
}

describe('campaign summaries', () => {
  it('list what reading every campaign lists, in its order', () => {
    const t = team();
    expect(campaignsOf(t.state)).toEqual(readEvery(t.state));
    expect(campaignsOf(t.state).map((item) => item.id)).toEqual(['c2', 'c0', 'c1']);
  });

  it('after a restart read no campaign, and the prize views judged with them are the same', () => {
    const t = team();
    t.state.refilter(everyOp);
    const { state, woken } = restartedFrom(t.state, prizeCapabilities, everyOp, { summaries: true });
    expect(campaignsOf(state)).toEqual(readEvery(t.state));
    expect(woken.filter((entity) => entity.startsWith('campaign:'))).toEqual([]);
    const context = { facts: facts(), now: t.clock };
    expect(prizeViews(state, context)).toEqual(prizeViews(t.state, context));
    expect(woken.filter((entity) => entity.startsWith('campaign:'))).toEqual([]);
  });

  it('without a stored summary (another build, another filter) read the campaigns, and list the same', () => {
    const t = team();
    const { state, woken } = restartedFrom(t.state, prizeCapabilities);
    expect(campaignsOf(state)).toEqual(readEvery(t.state));
    expect(woken.filter((entity) => entity.startsWith('campaign:')).sort()).toEqual(['campaign:c0', 'campaign:c1', 'campaign:c2']);
  });
});
