/**
 * What the trust layer needs of `baton/team.json`, the root of trust: the creator's device and
 * its key. The file's schema, reading and writing belong to the storage service
 * (shared/sync/team-files.ts, whose `TeamFile` fits this); the service also pins the team.json a
 * computer first accepted, so that a replaced file is refused rather than believed.
 */
export interface TeamRoot {
  readonly rootDeviceId: string;
  readonly rootPublicKey: string;
}
