import { describe, expect, it } from 'vitest';
import { memberOps, deviceOps, PERMISSIONS, ROLES, mayWrite, permissionFor } from '../../shared/team';

describe('the permission table', () => {
  it('gives membership and devices to admins only', () => {
    for (const type of ['member.approved', 'member.declined', 'member.rolesSet', 'member.removed', 'device.revoked', 'team.renamed']) {
      expect(mayWrite(['admin'], type)).toBe(true);
      expect(mayWrite(['lead', 'approver', 'editor', 'viewer'], type)).toBe(false);
    }
  });

  it('lets anyone ask to join, and any approved member edit their own profile', () => {
    expect(mayWrite([], 'member.joinRequested')).toBe(true);
    expect(permissionFor('member.profileSet')?.allowed).toBe('self');
    expect(mayWrite(['viewer'], 'member.profileSet')).toBe(true);
  });

  it('gives the rota, shift types, team settings, SOPs and campaigns to leads', () => {
    for (const type of ['rota.assigned', 'shiftType.set', 'teamSettings.set', 'sop.published', 'campaign.created']) {
      expect(mayWrite(['lead'], type)).toBe(true);
      expect(mayWrite(['editor', 'approver', 'viewer', 'admin'], type)).toBe(false);
    }
  });

  it('gives handovers, follow-ups, acknowledgements and prize requests to editors', () => {
    for (const type of ['handover.submitted', 'handover.acknowledged', 'followUp.opened', 'sop.acknowledged', 'prize.requested']) {
      expect(mayWrite(['editor'], type)).toBe(true);
      expect(mayWrite(['viewer'], type)).toBe(false);
    }
  });

  it('gives prize decisions to approvers, and the most specific row decides', () => {
    expect(mayWrite(['approver'], 'prize.approved')).toBe(true);
    expect(mayWrite(['approver'], 'prize.rejected')).toBe(true);
    expect(mayWrite(['editor', 'lead'], 'prize.approved')).toBe(false);
    expect(mayWrite(['approver'], 'prize.requested')).toBe(false);
    expect(permissionFor('sop.acknowledged')?.ops).toBe('sop.acknowledged');
    expect(permissionFor('sop.revision.published')?.ops).toBe('sop.');
  });

  it('lets viewers write nothing but their profile, and nobody write an op type no row names', () => {
    const writable = PERMISSIONS.filter((rule) => rule.allowed !== 'anyone' && rule.allowed !== 'self');
    for (const rule of writable) expect(mayWrite(['viewer'], `${rule.ops}${rule.ops.endsWith('.') ? 'x' : ''}`)).toBe(false);
    expect(mayWrite(ROLES, 'poll.created')).toBe(false);
    expect(permissionFor('poll.created')).toBeUndefined();
  });

  it('has a row for every roster op type', () => {
    for (const type of [...Object.keys(memberOps), ...Object.keys(deviceOps)]) expect(permissionFor(type)).toBeDefined();
  });
});
