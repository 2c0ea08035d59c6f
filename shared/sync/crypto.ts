/**
 * Crypto is injected so that `shared/` stays free of Node built-ins: the Electron main process
 * supplies a node:crypto implementation, tests supply their own.
 */
export interface SyncCrypto {
  /** Lowercase hex SHA-256. */
  sha256Hex(data: Uint8Array): string;
  /** Ed25519 signature, base64. */
  sign(privateKeyPem: string, data: Uint8Array): string;
  /** Must return false (never throw) for a malformed key or signature. */
  verify(publicKeyPem: string, data: Uint8Array, signatureB64: string): boolean;
}
