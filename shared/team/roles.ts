import { z } from 'zod';

/**
 * What a member may do is the union of their roles (one person may hold several). Roles are
 * additive and independent: an admin manages membership only; a creator who also runs shifts
 * holds admin and editor.
 */
export const ROLES = ['admin', 'lead', 'approver', 'editor', 'viewer'] as const;

export type Role = (typeof ROLES)[number];

export const roleSchema = z.enum(ROLES);

/** A member's roles: at least one (viewer is the role that may write nothing), no repeats. */
export const rolesSchema = z
  .array(roleSchema)
  .min(1)
  .max(ROLES.length)
  .refine((roles) => new Set(roles).size === roles.length, 'a role is listed twice');

/** Roles in the order of ROLES, without repeats: the one spelling used in state and ops. */
export function normalizeRoles(roles: Iterable<Role>): Role[] {
  const held = new Set(roles);
  return ROLES.filter((role) => held.has(role));
}

/**
 * Read-only (viewer) is the role that writes nothing, so it cannot go with a role that writes: a
 * member ticked 编辑 and 只读 would be both. Checked by the service before it writes, and by the
 * trust layer on every device (an op giving such a set does not count: 'contradictory-roles').
 */
export function rolesContradict(roles: Iterable<Role>): boolean {
  const held = new Set(roles);
  return held.has('viewer') && held.size > 1;
}
