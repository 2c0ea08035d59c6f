import { z } from 'zod';
import { MemberNameSchema, SettingsSchema } from '../settings/schema';
import { ROLES, displayNameSchema, teamCodeInputSchema } from '../team';
import { oneLine } from '../text/one-line';
import { defineOperations } from './define-operations';

/** The bridge's view of the team (Team screen, first run). Built by electron/services/team. */
const RoleSchema = z.enum(ROLES);
const RolesSchema = z.array(RoleSchema).min(1).max(ROLES.length);
const DeviceStatusSchema = z.enum(['pending', 'declined', 'approved', 'revoked']);
/** Where this device stands: 'unknown' = it has not asked to join (or its request did not arrive yet). */
export const MyStatusSchema = z.enum(['approved', 'pending', 'declined', 'revoked', 'unknown']);

export const TeamViewSchema = z.object({
  /** False: no team in the folder yet, or the app folds without the trust plug. */
  available: z.boolean(),
  /** The team's records are still being read (sync status `opening`): nobody's roles are known yet. */
  opening: z.boolean(),
  trustActive: z.boolean(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  /** The team code (shared/team/team-code.ts) of the root this computer trusts: for admins only, else null. */
  teamCode: z.string().nullable(),
  me: z.object({
    deviceId: z.string(),
    memberId: z.string().nullable(),
    status: MyStatusSchema,
    roles: z.array(RoleSchema),
    displayName: z.string(),
    isAdmin: z.boolean(),
  }),
  members: z.array(
    z.object({
      memberId: z.string(),
      displayName: z.string(),
      roles: z.array(RoleSchema),
      isRoot: z.boolean(),
      isMe: z.boolean(),
      rolesConflict: z.boolean(),
      joinedAt: z.string(),
      devices: z.array(
        z.object({ deviceId: z.string(), status: DeviceStatusSchema, lastSeenAt: z.number().nullable(), isThisDevice: z.boolean() }),
      ),
    }),
  ),
  pending: z.array(
    z.object({
      id: z.string(),
      hlc: z.string(),
      memberId: z.string(),
      memberName: z.string(),
      deviceId: z.string(),
      existingMember: z.boolean(),
      keyMatches: z.boolean(),
    }),
  ),
  adminCount: z.number().int().nonnegative(),
  /** Ops held but not counted, with the trust layer's reason (shared/team/reasons.ts). */
  setAside: z.array(
    z.object({
      opId: z.string(),
      type: z.string(),
      entity: z.string(),
      hlc: z.string(),
      deviceId: z.string(),
      reason: z.string(),
      explanation: z.string(),
    }),
  ),
});
export type TeamView = z.infer<typeof TeamViewSchema>;

export const FolderTeamSchema = z.object({
  /** The folder can be read and holds a team (join) or is empty of one (create). */
  state: z.enum(['has-team', 'no-team', 'unavailable']),
  team: z.object({ id: z.string(), name: z.string() }).nullable(),
  detail: z.string(),
});
export type FolderTeam = z.infer<typeof FolderTeamSchema>;

const PathSchema = z.string().min(1).max(4096);
export const TeamNameSchema = oneLine(z.string().trim().min(1).max(100));

export const teamOperations = defineOperations({
  getTeam: { input: z.object({}).strict(), output: TeamViewSchema },
  /** What a folder holds, for the first run's "create" or "join". */
  inspectFolder: { input: z.object({ path: PathSchema }).strict(), output: FolderTeamSchema },
  /** First run: a new team in the chosen folder, with this device as its first admin. */
  createTeam: { input: z.object({ memberName: MemberNameSchema, teamName: TeamNameSchema, path: PathSchema }).strict(), output: SettingsSchema },
  /** First run: ask to join the team of the chosen folder, whose root key must match the team code an admin gave. */
  joinTeam: { input: z.object({ memberName: MemberNameSchema, path: PathSchema, teamCode: teamCodeInputSchema }).strict(), output: SettingsSchema },
  approveJoin: {
    writes: true,
    input: z.object({ requestId: z.string().min(1).max(200), roles: RolesSchema, memberId: z.string().max(64).optional() }).strict(),
    output: TeamViewSchema,
  },
  declineJoin: { writes: true, input: z.object({ requestId: z.string().min(1).max(200) }).strict(), output: TeamViewSchema },
  setMemberRoles: { writes: true, input: z.object({ memberId: z.string().min(1).max(64), roles: RolesSchema }).strict(), output: TeamViewSchema },
  removeMember: { writes: true, input: z.object({ memberId: z.string().min(1).max(64) }).strict(), output: TeamViewSchema },
  revokeDevice: { writes: true, input: z.object({ deviceId: z.string().min(1).max(64) }).strict(), output: TeamViewSchema },
  setMyDisplayName: { writes: true, input: z.object({ displayName: displayNameSchema }).strict(), output: TeamViewSchema },
});
