import { describe, expect, it } from 'vitest';
import { prizeCapabilities, prizeRequest, prizeViews, requestClosed, type RequestView } from '../../shared/prizes';
import { Team, facts, person } from './harness';
import { restartedFrom } from '../sync/restarted';

/**
 * A prize request fulfilled and closed is closed for `list(prizeRequest, { live: true })`: a restart
 * leaves it on disk for the views of open work (the briefing), which show the same without it.
 */

/** r1 approved, its one winner shipped and closed; r2 waiting for 陈总; r3 rejected. */
function team(): Team {
  const t = new Team();
  t.campaign('c1');
  const first = t.submit('lin', 'r1', [['耳机', 1, 30_000]]);
  t.decide('wang', 'r1', 0, 'approve', first);
  t.event('lin', 'prize.fulfil.winnersAdded', 'r1', { winners: [{ id: 'w1', lineId: 'l1', weiboName: '小蓝' }], by: person('lin') });
  t.event('lin', 'prize.fulfil.shipped', 'r1', { winnerId: 'w1', carrier: '顺丰', tracking: 'SF1', by: person('lin') });
  t.event('lin', 'prize.fulfil.closed', 'r1', { submission: first.id, by: person('lin') });
  const second = t.submit('lin', 'r2', [['耳机', 2, 30_000]]);
  t.decide('wang', 'r2', 0, 'approve', second);
  const third = t.submit('lin', 'r3', [['耳机', 1, 20_000]]);
  t.decide('wang', 'r3', 0, 'reject', third);
  return t;
}


const open = (views: readonly RequestView[]) => views.filter((view) => view.status !== 'closed');

describe('closed prize requests', () => {
  it('are those fulfilled and closed, as the rules see them', () => {
    const t = team();
    expect(t.views().map((view) => [view.id, view.status])).toEqual([['r1', 'closed'], ['r2', 'submitted'], ['r3', 'rejected']]);
    expect(['r1', 'r2', 'r3'].map((id) => t.state.isClosed(`prizeRequest:${id}`))).toEqual([true, false, false]);
  });

  it('are not closed while a winner has two shipments (they may clash: needs review)', () => {
    const t = team();
    t.event('wang', 'prize.fulfil.shipped', 'r1', { winnerId: 'w1', carrier: '圆通', tracking: 'YT2', by: person('wang') });
    expect(requestClosed(t.state.get(prizeRequest, 'r1')!)).toBe(false);
    expect(t.state.isClosed('prizeRequest:r1')).toBe(false);
  });

  it('stay on disk for a live list after a restart, which shows the open ones as reading everything does', () => {
    const t = team();
    const { state, woken } = restartedFrom(t.state, prizeCapabilities);
    const context = { facts: facts(), now: t.clock };
    const live = prizeViews(state, { ...context, live: true });
    expect(woken).not.toContain('prizeRequest:r1');
    expect(live.map((view) => view.id)).toEqual(['r2', 'r3']);
    expect(live).toEqual(open(prizeViews(t.state, context)));
    // Reading every request (budgets, the list of all) wakes it.
    expect(prizeViews(state, context).map((view) => view.id)).toEqual(['r1', 'r2', 'r3']);
    expect(woken).toContain('prizeRequest:r1');
  });
});
