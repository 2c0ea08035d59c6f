import { z } from 'zod';
import { defineCapability } from '../sync';
import { authorDevice } from './team-facts';

/**
 * Two small per-person and per-device records the workflow reads:
 * - `prizeDelegate:<memberId>`: whom the member names to decide their steps while they are on
 *   approved leave. Only the member's own devices' writes count (checked when read: the fold of
 *   one entity cannot see the roster), the newest wins.
 * - `prizeKey:<deviceId>`: the device's X25519 public key, so that winners' contact files can be
 *   encrypted to it. Only the device's own write counts, the first one.
 */
export const DELEGATE_KIND = 'prizeDelegate';
export const DEVICE_KEY_KIND = 'prizeKey';

const memberIdSchema = z.string().min(1).max(64);
/** Raw 32-byte X25519 public key, base64. */
export const x25519PublicKeySchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'not an X25519 public key (32 bytes, base64)');

export interface DelegateWrite {
  readonly opId: string;
  readonly hlc: string;
  readonly deviceId: string;
  readonly delegate: string | null;
}

export const prizeDelegate = defineCapability({
  kind: DELEGATE_KIND,
  ops: { 'prizeDelegate.set': z.object({ delegate: memberIdSchema.nullable(), at: z.number().int().min(0) }) },
  reduce(ops): { readonly writes: readonly DelegateWrite[] } {
    return { writes: ops.map((op) => ({ opId: op.id, hlc: op.hlc, deviceId: authorDevice(op.id), delegate: op.data.delegate })) };
  },
});

export interface DeviceKeyWrite {
  readonly deviceId: string;
  readonly publicKey: string;
}

export const prizeKey = defineCapability({
  kind: DEVICE_KEY_KIND,
  ops: { 'prizeKey.published': z.object({ publicKey: x25519PublicKeySchema }) },
  reduce(ops): { readonly writes: readonly DeviceKeyWrite[] } {
    return { writes: ops.map((op) => ({ deviceId: authorDevice(op.id), publicKey: op.data.publicKey })) };
  },
});
