import type { Role } from './roles';

/**
 * Who may write which op. One table for the whole app: a capability adding op types adds its
 * rows here. A row names one op type (`member.profileSet`) or a prefix ending in a dot
 * (`handover.`); the longest matching row decides. An op type no row matches may be written by
 * nobody (deny by default), so a new capability's ops are refused until it has its rows.
 *
 * `allowed`:
 * - a list of roles: a member holding any of them may write it;
 * - 'anyone': any device, even one not approved yet (how a newcomer asks to join);
 * - 'self': any approved member, about themselves only (the trust layer checks "themselves").
 */
export type PermissionAllowed = readonly Role[] | 'anyone' | 'self';

export interface PermissionRule {
  readonly ops: string;
  readonly allowed: PermissionAllowed;
  /** One line for the README and the Team screen's help. */
  readonly what: string;
}

export const PERMISSIONS: readonly PermissionRule[] = [
  { ops: 'member.', allowed: ['admin'], what: 'membership: approve or decline a device, set roles, remove a member' },
  { ops: 'member.joinRequested', allowed: 'anyone', what: 'a new device asks to join the team' },
  { ops: 'member.profileSet', allowed: 'self', what: 'a member edits their own profile (display name)' },
  { ops: 'device.', allowed: ['admin'], what: 'revoke a device' },
  { ops: 'team.', allowed: ['admin'], what: 'the team itself' },
  { ops: 'teamSettings.', allowed: ['lead'], what: 'team settings (time zone, approval thresholds...)' },
  { ops: 'rota.', allowed: ['lead'], what: 'the duty rota: assignments, publishing, settings, and deciding leave, covers and swaps' },
  // Members act for themselves only: the rota's rules (shared/rota) set aside one about someone else.
  { ops: 'rota.leaveRequested', allowed: ['lead', 'editor'], what: 'request leave (a member for themselves)' },
  { ops: 'rota.leaveWithdrawn', allowed: ['lead', 'editor'], what: 'withdraw a leave request (its member)' },
  { ops: 'rota.coverRequested', allowed: ['lead', 'editor'], what: 'ask cover for a shift (the person on it)' },
  { ops: 'rota.coverWithdrawn', allowed: ['lead', 'editor'], what: 'withdraw a cover request (its requester)' },
  { ops: 'rota.coverTaken', allowed: ['lead', 'editor'], what: 'take a cover (an eligible colleague)' },
  { ops: 'rota.swapProposed', allowed: ['lead', 'editor'], what: 'propose a swap of one of their own shifts' },
  { ops: 'rota.swapAnswered', allowed: ['lead', 'editor'], what: 'accept or decline a swap offered to them' },
  { ops: 'rota.swapWithdrawn', allowed: ['lead', 'editor'], what: 'withdraw a swap they proposed' },
  { ops: 'shiftType.', allowed: ['lead'], what: 'the shift types of the team' },
  { ops: 'sop.', allowed: ['lead'], what: 'SOPs: publish or return a revision, set owners, review date, required roles and shifts' },
  { ops: 'sop.revised', allowed: ['lead', 'editor'], what: 'write an SOP revision (a draft; restore and merge are revisions too)' },
  { ops: 'sop.submitted', allowed: ['lead', 'editor'], what: 'submit an SOP draft for a lead to review' },
  { ops: 'sop.acknowledged', allowed: ['lead', 'editor'], what: 'acknowledge a published SOP version (by its author only: checked in the fold)' },
  { ops: 'shiftChecklist.', allowed: ['lead', 'editor'], what: "tick or untick an item of a shift's checklist" },
  { ops: 'campaign.', allowed: ['lead'], what: "campaigns and other departments' campaign notices: dates, budget" },
  { ops: 'handover.', allowed: ['editor'], what: 'handover notes and their acknowledgement' },
  { ops: 'followUp.', allowed: ['editor'], what: 'follow-ups and escalations' },
  { ops: 'prize.', allowed: ['approver'], what: 'prize request decisions: approve, return, reject' },
  { ops: 'prize.requested', allowed: ['editor'], what: 'request prizes for a campaign' },
  { ops: 'prize.commented', allowed: ['editor', 'approver', 'lead'], what: 'comment on a prize request' },
  // Who may decide which step (the step's role, never the requester, a delegate while the person
  // is on leave) is the prize workflow's rule on every device (shared/prizes/workflow.ts): these
  // rows only keep viewers and strangers out.
  { ops: 'prize.submitted', allowed: ['editor', 'lead'], what: 'request prizes for a campaign, or resubmit a returned request' },
  { ops: 'prize.recalled', allowed: ['editor', 'lead'], what: "recall one's own prize request before the first decision" },
  { ops: 'prize.decided', allowed: ['lead', 'approver', 'editor'], what: "a step's decision: approve, return, reject (its role, or a delegate)" },
  { ops: 'prize.settled', allowed: ['lead'], what: 'settle a prize request that needs review' },
  { ops: 'prize.fulfil.', allowed: ['editor', 'lead'], what: 'prize fulfilment: winners, contact details and their reveals, shipping, closing' },
  { ops: 'prizeSettings.', allowed: ['lead'], what: 'prize settings: approval thresholds, named approver, cap, deadlines, retention' },
  { ops: 'prizeDelegate.', allowed: ['lead', 'approver', 'editor'], what: "name one's delegate for prize decisions while on leave" },
  { ops: 'prizeKey.', allowed: ['lead', 'approver', 'editor'], what: "a device's key for winners' contact files" },
];

const byOps = new Map(PERMISSIONS.map((rule) => [rule.ops, rule]));
if (byOps.size !== PERMISSIONS.length) throw new Error('two permission rows for the same ops');

/** The row that decides `opType`: its exact row, else the row of its longest prefix. */
export function permissionFor(opType: string): PermissionRule | undefined {
  const exact = byOps.get(opType);
  if (exact) return exact;
  for (let end = opType.lastIndexOf('.'); end > 0; end = opType.lastIndexOf('.', end - 1)) {
    const rule = byOps.get(opType.slice(0, end + 1));
    if (rule) return rule;
  }
  return undefined;
}

/**
 * Whether a member holding `roles` may write an op of `opType`. For a 'self' row this says yes to
 * any approved member: whether the op is about the author is the trust filter's to check.
 */
export function mayWrite(roles: Iterable<Role>, opType: string): boolean {
  const rule = permissionFor(opType);
  return rule !== undefined && ruleAllows(rule, roles);
}

/** `mayWrite` for a row already found (the trust filter looks each op type up once). */
export function ruleAllows(rule: PermissionRule, roles: Iterable<Role>): boolean {
  if (rule.allowed === 'anyone' || rule.allowed === 'self') return true;
  const allowed = rule.allowed;
  for (const role of roles) if (allowed.includes(role)) return true;
  return false;
}
