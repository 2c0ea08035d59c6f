export { ROLES, normalizeRoles, roleSchema, rolesContradict, rolesSchema, type Role } from './roles';
export { PERMISSIONS, mayWrite, permissionFor, ruleAllows, type PermissionAllowed, type PermissionRule } from './permissions';
export { TRUST_REASONS, isTrustReason, type TrustReason, type Verdict } from './reasons';
export { deviceIdSchema, displayNameSchema, memberIdSchema, publicKeySchema, sameKey } from './ids';
export type { TeamRoot } from './team-file';
export {
  DEVICE_KIND,
  MEMBER_KIND,
  ROSTER_KINDS,
  device,
  deviceOps,
  member,
  memberOps,
  revocationPointSchema,
  rosterCapabilities,
  type DeviceEntityState,
  type MemberEntityState,
  type RevocationPoint,
} from './roster-ops';
export {
  foldRoster,
  isRosterKind,
  rolesForOp,
  type DeviceStatus,
  type JoinRequest,
  type PublicKeyOf,
  type Roster,
  type RosterDevice,
  type RosterMember,
} from './roster';
export {
  createTrustFilter,
  touchesRoster,
  trustPlugin,
  type DeviceKeys,
  type TrustFilter,
  type TrustPlugin,
} from './trust';
export {
  adminCount,
  devicesWithForeignKeys,
  membersHolding,
  membersWithRoles,
  pendingRequests,
  revokedDevices,
  type DeviceRevocation,
  type MemberSummary,
  type PendingRequest,
} from './queries';
export {
  approveDeviceOp,
  approveOp,
  createTeamOps,
  declineOp,
  joinRequestOp,
  removeMemberOp,
  revokeDeviceOp,
  setDisplayNameOp,
  setRolesOp,
  type DeviceIdentity,
  type OpDraft,
  type RequestRef,
} from './builders';
export { TEAM_CODE_MISMATCH, normalizeTeamCode, sameTeamCode, teamCode, teamCodeInputSchema } from './team-code';
