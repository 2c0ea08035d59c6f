import { z } from 'zod';
import { defineCapability, foldLww, lwwSetSchema, opIdSchema, opsOfType, type LwwField, type LwwSet } from '../sync';
import { deviceIdSchema, displayNameSchema, memberIdSchema, publicKeySchema } from './ids';
import { normalizeRoles, rolesSchema, type Role } from './roles';

/**
 * The roster's op types. Membership ops live on `member:<memberId>`, device revocations on
 * `device:<deviceId>`. Which of them count is decided by `foldRoster`, not by these reducers:
 * the reducers only see the ops that counted and give a per-entity view (for the entity list,
 * LWW conflicts and the state hash).
 */
export const MEMBER_KIND = 'member';
export const DEVICE_KIND = 'device';
export const ROSTER_KINDS: readonly string[] = [MEMBER_KIND, DEVICE_KIND];

/**
 * Where a device's trust ends: the last segment of it the revoking admin had read and the counter
 * of the last op in it. Its ops with a higher counter no longer count, whatever their timestamp
 * (a stolen computer can forge timestamps, not the admin's memory of its counter). null: nothing
 * of it was seen, so none of its ops count.
 */
export const revocationPointSchema = z.object({
  lastSegmentSeq: z.number().int().min(1).nullable(),
  lastOpCounter: z.number().int().min(0).nullable(),
});
export type RevocationPoint = z.output<typeof revocationPointSchema>;

const deviceCutSchema = revocationPointSchema.extend({ deviceId: deviceIdSchema });

export const memberOps = {
  /** A device asks to join, as a new member or (naming an existing member id) as their new device. */
  'member.joinRequested': z.object({
    memberId: memberIdSchema,
    memberName: displayNameSchema,
    deviceId: deviceIdSchema,
    publicKey: publicKeySchema,
  }),
  /**
   * An admin approves a device for a member. For a new member, `roles` are their first roles; for
   * an existing member (a second device) the member keeps the roles they have. `request`: the join
   * request answered, if any.
   */
  'member.approved': z.object({
    memberId: memberIdSchema,
    deviceId: deviceIdSchema,
    publicKey: publicKeySchema,
    roles: rolesSchema,
    request: opIdSchema.optional(),
  }),
  /** An admin declines a join request; the device may ask again. On the request's member entity. */
  'member.declined': z.object({ request: opIdSchema, deviceId: deviceIdSchema }),
  'member.rolesSet': lwwSetSchema({ roles: rolesSchema }),
  'member.profileSet': lwwSetSchema({ displayName: displayNameSchema }),
  /**
   * An admin removes a member, for good; every device of the member stops counting: those listed
   * after their revocation point, any other after the removal's timestamp.
   */
  'member.removed': z.object({ devices: z.array(deviceCutSchema).max(64) }),
};

export const deviceOps = {
  'device.revoked': deviceCutSchema,
};

export interface MemberEntityState {
  readonly requests: ReadonlyArray<{ id: string; hlc: string; deviceId: string; memberName: string }>;
  readonly approvals: ReadonlyArray<{ id: string; hlc: string; deviceId: string; request: string | null }>;
  readonly declines: ReadonlyArray<{ id: string; hlc: string; request: string }>;
  readonly roles: LwwField<Role[]> | null;
  readonly displayName: LwwField<string> | null;
  readonly removed: { id: string; hlc: string } | null;
}

export const member = defineCapability({
  kind: MEMBER_KIND,
  ops: memberOps,
  reduce(ops): MemberEntityState {
    const approvals = opsOfType(ops, 'member.approved');
    // The member's first approval gives their first roles, as it does in foldRoster.
    const first = approvals[0];
    const roleWrites: Array<{ hlc: string; data: LwwSet<{ roles: Role[] }> }> = [];
    for (const op of opsOfType(ops, 'member.approved', 'member.rolesSet')) {
      if (op.type === 'member.rolesSet') roleWrites.push(op);
      else if (op === first) roleWrites.push({ hlc: op.hlc, data: { set: { roles: op.data.roles }, seen: {} } });
    }
    const roles = foldLww(roleWrites).roles;
    const removed = opsOfType(ops, 'member.removed')[0];
    return {
      requests: opsOfType(ops, 'member.joinRequested').map(({ id, hlc, data }) => ({
        id,
        hlc,
        deviceId: data.deviceId,
        memberName: data.memberName,
      })),
      approvals: approvals.map(({ id, hlc, data }) => ({ id, hlc, deviceId: data.deviceId, request: data.request ?? null })),
      declines: opsOfType(ops, 'member.declined').map(({ id, hlc, data }) => ({ id, hlc, request: data.request })),
      roles: roles
        ? { ...roles, value: normalizeRoles(roles.value), conflicts: roles.conflicts.map((c) => ({ ...c, value: normalizeRoles(c.value) })) }
        : null,
      displayName: foldLww(opsOfType(ops, 'member.profileSet')).displayName ?? null,
      removed: removed ? { id: removed.id, hlc: removed.hlc } : null,
    };
  },
});

export interface DeviceEntityState {
  /** Oldest first; the lowest point is the one in force. */
  readonly revocations: ReadonlyArray<{ id: string; hlc: string } & RevocationPoint>;
}

export const device = defineCapability({
  kind: DEVICE_KIND,
  ops: deviceOps,
  reduce(ops): DeviceEntityState {
    return {
      revocations: ops.map(({ id, hlc, data }) => ({
        id,
        hlc,
        lastSegmentSeq: data.lastSegmentSeq,
        lastOpCounter: data.lastOpCounter,
      })),
    };
  },
});

/** The roster capabilities, to register with `createSyncState` next to the app's others. */
export const rosterCapabilities = [member, device] as const;
