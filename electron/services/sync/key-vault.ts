import type { KeyProtection } from '../../../shared/sync/status';

/**
 * Guards this device's private key at rest. The default keeps the PEM in identity.json with file
 * mode 0600 (readable by this OS user only); the Electron shell can plug one backed by
 * `safeStorage` (DPAPI, Keychain, libsecret) without the services importing Electron:
 *
 *   { protection: 'os-encrypted',
 *     protect: (pem) => safeStorage.encryptString(pem).toString('base64'),
 *     unprotect: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')) }
 */
export interface KeyVault {
  readonly protection: KeyProtection;
  /** Turns the PEM into the text stored in identity.json. */
  protect(privateKeyPem: string): string;
  /** The inverse; throws if this computer cannot open it. */
  unprotect(sealed: string): string;
}

export const plainFileVault: KeyVault = {
  protection: 'plain-file',
  protect: (pem) => pem,
  unprotect: (sealed) => sealed,
};
