import { describe, expect, it } from 'vitest';
import { mayWrite, type Role } from '../../shared/team';
import { rotaCapabilities } from '../../shared/rota';

/** Per rota op type, which single roles may write it at the trust layer (the rota's rules then check "themselves"). */
const expected: Record<string, Role[]> = {
  'rota.slotSet': ['lead'],
  'rota.monthPublished': ['lead'],
  'rota.teamSet': ['lead'],
  'rota.leaveRequested': ['lead', 'editor'],
  'rota.leaveDecided': ['lead'],
  'rota.leaveWithdrawn': ['lead', 'editor'],
  'rota.coverRequested': ['lead', 'editor'],
  'rota.coverTaken': ['lead', 'editor'],
  'rota.standInAssigned': ['lead'],
  'rota.coverDecided': ['lead'],
  'rota.coverWithdrawn': ['lead', 'editor'],
  'rota.swapProposed': ['lead', 'editor'],
  'rota.swapAnswered': ['lead', 'editor'],
  'rota.swapDecided': ['lead'],
  'rota.swapWithdrawn': ['lead', 'editor'],
};

describe('rota permissions', () => {
  it('has a row for every rota op, allowing exactly the roles expected', () => {
    const types = rotaCapabilities.flatMap((capability) => Object.keys(capability.ops)).sort();
    expect(types).toEqual(Object.keys(expected).sort());
    for (const type of types) {
      const allowed = (['admin', 'lead', 'approver', 'editor', 'viewer'] as Role[]).filter((role) => mayWrite([role], type));
      expect([type, allowed]).toEqual([type, expected[type]]);
    }
  });
});
