import { safeStorage } from 'electron';
import type { KeyVault } from '../services/sync/key-vault';

/**
 * This device's private key sealed by the operating system (DPAPI, Keychain, libsecret) when
 * Electron can reach it; undefined otherwise, and the services keep the 0600 file. Asked after
 * the app is ready: before that safeStorage cannot tell. Settings and Sync show which is used
 * (the status's keyProtection).
 */
export function osKeyVault(): KeyVault | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    protection: 'os-encrypted',
    protect: (pem) => safeStorage.encryptString(pem).toString('base64'),
    unprotect: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
