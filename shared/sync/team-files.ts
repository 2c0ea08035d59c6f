import { z } from 'zod';
import { DEVICE_ID_PATTERN } from './device-id';

/**
 * The two small files of the shared folder that are not segments: `baton/team.json` (written once
 * by the team's creator) and `baton/devices/<deviceId>/device.json` (written once by each device).
 * Anyone can write to the folder, so both are read through these schemas and are only claims: the
 * trust layer decides what they are worth (team.json names the root of trust). The team.json
 * schema agrees with shared/team/team-file.ts (the trust layer's view of the same file).
 */
export const TEAM_FILE_FORMAT = 'baton/team@1';
export const DEVICE_FILE_FORMAT = 'baton/device@1';
/** Both files are a few hundred bytes; a larger one is not Baton's and is not read whole. */
export const MAX_SMALL_FILE_BYTES = 64 * 1024;

/** Team and member ids are made like device ids: 26 lowercase base32 characters, 128 random bits. */
export const randomIdSchema = z.string().regex(DEVICE_ID_PATTERN, 'not a random id (26 lowercase base32 characters)');
const deviceIdSchema = z.string().regex(DEVICE_ID_PATTERN, 'not a device id');
// A PEM copied through Windows gains "\r\n": still the same key (shared/team compares with sameKey).
const publicKeyPemSchema = z
  .string()
  .max(2048)
  .regex(/^\s*-----BEGIN PUBLIC KEY-----[A-Za-z0-9+/=\s]+-----END PUBLIC KEY-----\s*$/, 'not a PEM public key');
/** ISO 8601; only for people, so any reasonable text is accepted when reading. */
const createdSchema = z.string().min(1).max(40);

// Loose objects: a newer version may add fields without bumping the format; they are kept as read.
export const teamFileSchema = z.looseObject({
  format: z.literal(TEAM_FILE_FORMAT),
  teamId: randomIdSchema,
  name: z.string().min(1).max(100),
  created: createdSchema,
  rootDeviceId: deviceIdSchema,
  rootPublicKey: publicKeyPemSchema,
});
export type TeamFile = z.output<typeof teamFileSchema>;

export const deviceFileSchema = z.looseObject({
  format: z.literal(DEVICE_FILE_FORMAT),
  deviceId: deviceIdSchema,
  memberId: randomIdSchema,
  memberName: z.string().min(1).max(64),
  publicKey: publicKeyPemSchema,
  created: createdSchema,
  appVersion: z.string().min(1).max(40),
});
export type DeviceFile = z.output<typeof deviceFileSchema>;

/** The bytes written for either file: pretty, so that a person can read them without Baton. */
export function teamFileText(file: TeamFile | DeviceFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
