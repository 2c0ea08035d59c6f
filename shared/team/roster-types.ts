import type { LwwField } from '../sync';
import type { Verdict } from './reasons';
import type { Role } from './roles';
import type { RevocationPoint } from './roster-ops';

/** What the folded roster says: members, devices, join requests and each roster op's verdict. */

/** Which key a device's segments were verified with (device.json's); undefined: the roster's own. */
export type PublicKeyOf = (deviceId: string) => string | undefined;

export type DeviceStatus = 'pending' | 'declined' | 'approved' | 'revoked';

export interface RosterDevice {
  readonly deviceId: string;
  /** Approved: its member. Pending or declined: the member its latest request names. Null: the root device before its own approval. */
  readonly memberId: string | null;
  readonly publicKey: string;
  readonly status: DeviceStatus;
  /** The hlc of its approval ('' for the root device, approved by team.json); null if never approved. */
  readonly approvedAt: string | null;
  /** The revocation in force (the lowest point), by the op that set it. */
  readonly revoked: (RevocationPoint & { readonly by: string }) | null;
  /** Its member was removed at this hlc: its ops stamped later do not count. */
  readonly removedAt: string | null;
  /** Whether the key its segments were verified with is the roster's. False: every op of it is 'bad-key'. */
  readonly keyMatches: boolean;
  readonly isRoot: boolean;
}

export interface RosterMember {
  readonly memberId: string;
  /** Their profile's name, else the name their approved join request gave, else ''. */
  readonly displayName: string;
  readonly nameField: LwwField<string> | null;
  /** Current roles; for the member owning an active root device, always with admin. */
  readonly roles: readonly Role[];
  /** The roles field as last written (with conflicts), for `setRolesOp`. */
  readonly rolesField: LwwField<Role[]> | null;
  /** Every roles write that counted, oldest first: an op is judged by the roles of its time. */
  readonly rolesHistory: ReadonlyArray<{ readonly hlc: string; readonly roles: readonly Role[] }>;
  readonly joinedAt: string;
  readonly removed: { readonly by: string; readonly hlc: string } | null;
  /** Devices approved for the member, in order of approval. */
  readonly deviceIds: readonly string[];
  readonly isRoot: boolean;
}

export interface JoinRequest {
  /** The request op's id: what an approval or a decline names. */
  readonly id: string;
  readonly hlc: string;
  readonly entity: string;
  readonly memberId: string;
  readonly memberName: string;
  readonly deviceId: string;
  readonly publicKey: string;
  readonly decision: { readonly kind: 'approved' | 'declined'; readonly by: string; readonly hlc: string } | null;
}

export interface Roster {
  readonly rootDeviceId: string;
  readonly rootPublicKey: string;
  readonly devices: ReadonlyMap<string, RosterDevice>;
  readonly members: ReadonlyMap<string, RosterMember>;
  /** Join requests that counted, oldest first. */
  readonly requests: readonly JoinRequest[];
  /** Every roster op held, by id: true if it counts, else why not. */
  readonly verdicts: ReadonlyMap<string, Verdict>;
}
