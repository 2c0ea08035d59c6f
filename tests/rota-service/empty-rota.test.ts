import { describe, expect, it } from 'vitest';
import type { RotaView } from '../../shared/api/rota-views';
import { call, team, teamOfThree } from '../team-service/team-apps';

/** The first of the month after this one, and this month, as the service's own clock sees them (UTC is close enough a month ahead). */
function months() {
  const now = new Date();
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
  return { next, days: new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)), 0)).getUTCDate() };
}

describe('a rota with nothing planned yet', () => {
  it('names each empty month once instead of a gap per shift, and lists the gaps of a month once someone is on it', async () => {
    const { admin, editor } = await teamOfThree();
    const { next, days } = months();
    const empty = await call<RotaView>(admin, 'getRota', { from: `${next}-01`, days });
    expect(empty.checks).toEqual([]);
    expect(empty.unplanned).toContain(next);
    expect(empty.months).toMatchObject([{ month: next, planned: false }]);

    const editorId = (await team(editor)).me.memberId!;
    await call(admin, 'setRotaSlot', { date: `${next}-10`, shiftTypeId: 'early', primary: [editorId], backup: null });
    const started = await call<RotaView>(admin, 'getRota', { from: `${next}-01`, days });
    expect(started.unplanned).not.toContain(next);
    expect(started.months).toMatchObject([{ month: next, planned: true }]);
    const shiftTypes = started.shiftTypes.filter((type) => !type.retired).length;
    const gaps = started.checks.filter((check) => check.code === 'uncovered' && check.key.startsWith(next));
    expect(gaps).toHaveLength(days * shiftTypes - 1);

    // Someone who is not a lead sees the month as not planned until it is published.
    const seen = await call<RotaView>(editor, 'getRota', { from: `${next}-01`, days });
    expect(seen.months).toMatchObject([{ month: next, planned: false }]);
  });
});
