import { readFileSync } from 'node:fs';
import { profileLayout } from '../sync/layout';

export interface OwnIdentity {
  readonly deviceId: string;
  readonly memberId: string | null;
  readonly publicKey: string;
}

/**
 * This device's public identity, for its join request. The sync service keeps it private; its
 * identity file is read here for the public parts only (never the private key), fresh each time
 * because a copied profile gets a new device id.
 */
export function readOwnIdentity(profileDir: string): OwnIdentity {
  const stored = JSON.parse(readFileSync(profileLayout(profileDir).identityFile, 'utf8')) as Record<string, unknown>;
  if (typeof stored.deviceId !== 'string' || typeof stored.publicKey !== 'string') throw new Error('identity.json is not readable');
  return {
    deviceId: stored.deviceId,
    memberId: typeof stored.memberId === 'string' ? stored.memberId : null,
    publicKey: stored.publicKey,
  };
}
