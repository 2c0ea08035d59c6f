/**
 * Why the trust layer does not count an op: the `reason` of `ApplyResult.refused`, shown on the
 * "set aside" screen. Refused ops are kept: a later roster change may admit them (`refilter`).
 */
export const TRUST_REASONS = {
  // About the author of any op.
  'unknown-device': 'its device never asked to join and was never approved',
  'bad-key': "the key its segment was verified with is not its device's key in the roster (a copied or forged device.json)",
  'device-not-approved': 'its device asked to join and is not approved yet; it will count once approved',
  'device-declined': "its device's request to join was declined",
  'device-revoked': 'it comes after the point where its device was revoked or its member removed',
  'role-not-allowed': "its author's roles do not allow this kind of change",
  'no-permission-rule': 'no role may write this kind of change (the permission table has no row for it)',
  'roster-pending': 'a roster change that arrived after the roster was last folded; the next refilter decides',
  // About what a roster op says.
  'wrong-entity': 'it is filed under a different member or device than it names',
  'not-own-device': 'a device can ask to join only for itself',
  'unknown-request': 'it answers a join request that is not there (or did not count)',
  'request-mismatch': 'its device or key differ from those of the join request it answers',
  'already-decided': 'the join request, or the device, was already decided',
  'device-taken': 'the device is already approved, for another member or with another key',
  'unknown-target': 'the member or device it is about is not in the roster',
  'target-revoked': 'the device it approves was revoked or its member removed',
  'member-removed': 'the member it is about was removed',
  'self-removal': 'a member cannot remove themselves; another admin must',
  'device-not-of-member': 'it lists a device that is not one of the removed member\'s devices',
  'contradictory-roles': 'it gives a member read-only together with a role that writes, which contradict each other',
  'revokes-own-authority': "it revokes the very ops that made its author an admin, so it cannot count",
} as const;

export type TrustReason = keyof typeof TRUST_REASONS;

/** A roster op's fate: it counts (true) or why not. */
export type Verdict = true | TrustReason;

export function isTrustReason(value: unknown): value is TrustReason {
  return typeof value === 'string' && Object.hasOwn(TRUST_REASONS, value);
}
