import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { deviceIdFromRandom } from '../../../../shared/sync/device-id';
import { KeyProtectionSchema, type KeyProtection } from '../../../../shared/sync/status';
import { randomIdSchema } from '../../../../shared/sync/team-files';
import type { Logger } from '../../log';
import { writeFileAtomicSync } from '../durable-fs';
import type { KeyVault } from '../key-vault';
import { generateDeviceKeys } from '../node-crypto';

/**
 * This computer's device identity: a random device id and an Ed25519 key pair, made on first
 * start and kept in `<profile>/sync/identity.json` (mode 0600). A copied profile carries the same
 * identity to a second computer; the service detects that and calls `remint`.
 */
export interface DeviceIdentity {
  readonly deviceId: string;
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
  readonly keyProtection: KeyProtection;
  /** Made when the person first names themself on this computer. */
  readonly memberId: string | null;
  readonly created: string;
  readonly replaced: ReadonlyArray<{ readonly deviceId: string; readonly at: string; readonly reason: string }>;
}

const IDENTITY_FORMAT = 'baton/identity@1';

const identityFileSchema = z.strictObject({
  format: z.literal(IDENTITY_FORMAT),
  deviceId: randomIdSchema,
  publicKey: z.string().min(1),
  privateKey: z.strictObject({ protection: KeyProtectionSchema, sealed: z.string().min(1) }),
  memberId: randomIdSchema.nullable(),
  created: z.string(),
  replaced: z.array(z.strictObject({ deviceId: randomIdSchema, at: z.string(), reason: z.string() })).max(1000),
});

export const newRandomId = () => deviceIdFromRandom(randomBytes(16));

export class IdentityLockedError extends Error {}

export class IdentityStore {
  private current: DeviceIdentity;

  constructor(
    private readonly file: string,
    private readonly vault: KeyVault,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    this.current = this.load();
  }

  get identity(): DeviceIdentity {
    return this.current;
  }

  /** The member id, made now if this is the first time the person is named on this computer. */
  ensureMemberId(): string {
    if (this.current.memberId) return this.current.memberId;
    this.current = { ...this.current, memberId: newRandomId() };
    this.save();
    return this.current.memberId!;
  }

  /** A new device id and key pair; the member stays the same person. */
  remint(reason: string): DeviceIdentity {
    const keys = generateDeviceKeys();
    const old = this.current;
    this.current = {
      ...old,
      deviceId: newRandomId(),
      publicKeyPem: keys.publicKeyPem,
      privateKeyPem: keys.privateKeyPem,
      keyProtection: this.vault.protection,
      created: new Date(this.now()).toISOString(),
      replaced: [...old.replaced, { deviceId: old.deviceId, at: new Date(this.now()).toISOString(), reason }],
    };
    this.save();
    return this.current;
  }

  private load(): DeviceIdentity {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return this.create();
    }
    const parsed = parseIdentity(text);
    if (!parsed) {
      // Keep the damaged file for a person to look at; a new identity is the safe way on.
      const keep = `${this.file}.damaged-${this.now()}`;
      copyFileSync(this.file, keep);
      this.log.error('sync', `identity.json is damaged (kept as ${keep}); this computer gets a new device id`);
      return this.create();
    }
    const stored = parsed.privateKey;
    if (stored.protection !== this.vault.protection && stored.protection !== 'plain-file') {
      throw new IdentityLockedError(
        `this device's key is protected by the operating system (${stored.protection}); open this profile with the desktop app`,
      );
    }
    const privateKeyPem = stored.protection === 'plain-file' ? stored.sealed : this.vault.unprotect(stored.sealed);
    this.current = {
      deviceId: parsed.deviceId,
      publicKeyPem: parsed.publicKey,
      privateKeyPem,
      keyProtection: this.vault.protection,
      memberId: parsed.memberId,
      created: parsed.created,
      replaced: parsed.replaced,
    };
    // A better vault than the one the key was stored with: move the key into it now.
    if (stored.protection !== this.vault.protection) this.save();
    return this.current;
  }

  private create(): DeviceIdentity {
    const keys = generateDeviceKeys();
    this.current = {
      deviceId: newRandomId(),
      publicKeyPem: keys.publicKeyPem,
      privateKeyPem: keys.privateKeyPem,
      keyProtection: this.vault.protection,
      memberId: null,
      created: new Date(this.now()).toISOString(),
      replaced: [],
    };
    this.save();
    this.log.info('sync', `new device identity ${this.current.deviceId}`);
    return this.current;
  }

  private save(): void {
    const identity = this.current;
    const file: z.input<typeof identityFileSchema> = {
      format: IDENTITY_FORMAT,
      deviceId: identity.deviceId,
      publicKey: identity.publicKeyPem,
      privateKey: { protection: this.vault.protection, sealed: this.vault.protect(identity.privateKeyPem) },
      memberId: identity.memberId,
      created: identity.created,
      replaced: [...identity.replaced],
    };
    writeFileAtomicSync(this.file, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  }
}

function parseIdentity(text: string): z.output<typeof identityFileSchema> | null {
  try {
    const parsed = identityFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
