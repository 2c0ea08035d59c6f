import { describe, expect, it } from 'vitest';
import { mayWriteOp } from '../../shared/api/may-write';
import type { TeamView } from '../../shared/api/team-schemas';

const view = (parts: Partial<TeamView> & Pick<TeamView, 'opening'>): TeamView => ({
  available: true,
  trustActive: true,
  teamId: 't',
  teamName: '微博运营组',
  teamCode: null,
  me: { deviceId: 'd', memberId: 'm', status: 'approved', roles: ['editor'], displayName: '小林', isAdmin: false },
  members: [],
  pending: [],
  adminCount: 1,
  setAside: [],
  ...parts,
});

describe('what this computer offers to write', () => {
  it('offers nothing a role gives while the team is read, not even to someone who may turn out a lead', () => {
    // From the team snapshot the roster comes late: no team is "available" yet.
    expect(mayWriteOp(view({ opening: true, available: false }), 'rota.slotSet')).toBe(false);
    expect(mayWriteOp(view({ opening: true, me: { ...view({ opening: true }).me, roles: ['lead'] } }), 'rota.slotSet')).toBe(false);
    // Writing at all stays offered: an edit made now waits for the open.
    expect(mayWriteOp(view({ opening: true, available: false }))).toBe(true);
  });

  it('follows the roles once the team is read, and checks nothing without a trust layer', () => {
    const lead = view({ opening: false, me: { ...view({ opening: false }).me, roles: ['lead'] } });
    expect(mayWriteOp(lead, 'rota.slotSet')).toBe(true);
    expect(mayWriteOp(view({ opening: false }), 'rota.slotSet')).toBe(false);
    expect(mayWriteOp(view({ opening: true, trustActive: false }), 'rota.slotSet')).toBe(true);
  });
});
