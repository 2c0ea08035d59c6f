import { describe, expect, it } from 'vitest';
import { standInOperations } from '../../shared/api/stand-in-contract';
import type { ApiFailure } from '../../shared/api/result';
import { standInHandlers } from '../../electron/services/stand-in/handlers';
import { at, roster, seededWholeTeam } from '../briefing/whole-team';

describe('getStandInPack on the bridge', () => {
  const team = seededWholeTeam();
  const handlers = standInHandlers({ state: () => team.state(), roster, now: () => at('07:50') });

  it('answers the pack of a shift in its output schema, composed at the service clock', async () => {
    const pack = await handlers.getStandInPack({ date: '2026-01-05', shiftTypeId: 'early' });
    expect(standInOperations.getStandInPack.output.parse(pack)).toEqual(pack);
    expect(pack.at).toBe(at('07:50'));
    expect(pack.onDuty?.people.map((entry) => entry.role)).toEqual(['primary', 'backup']);
  });

  it('says not-found for a shift type the team does not have, and refuses a malformed shift before any handler', async () => {
    await expect(handlers.getStandInPack({ date: '2026-01-05', shiftTypeId: 'night' })).rejects.toMatchObject({ code: 'not-found' } satisfies Partial<ApiFailure>);
    expect(standInOperations.getStandInPack.input.safeParse({ date: '2026-13-45', shiftTypeId: 'early' }).success).toBe(false);
    expect(standInOperations.getStandInPack.input.safeParse({ date: '2026-01-05', shiftTypeId: 'early', extra: 1 }).success).toBe(false);
  });
});
