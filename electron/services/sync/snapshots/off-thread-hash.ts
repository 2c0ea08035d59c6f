import { Worker } from 'node:worker_threads';

/**
 * SHA-256 of bytes held in a SharedArrayBuffer, computed on a worker thread while the caller
 * goes on (a start parses a 160 MB snapshot while it is hashed on the other core). The worker
 * reads the same memory, so what is hashed is exactly what the caller parses: nothing is read
 * from disk twice, nothing copied.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { buffer, offset, length } = workerData;
parentPort.postMessage(createHash('sha256').update(new Uint8Array(buffer, offset, length)).digest('hex'));
`;

export function sha256OffThread(bytes: Uint8Array): Promise<string> {
  if (!(bytes.buffer instanceof SharedArrayBuffer)) throw new TypeError('sha256OffThread needs bytes in a SharedArrayBuffer');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { buffer: bytes.buffer, offset: bytes.byteOffset, length: bytes.length } });
    worker.once('message', (hex: string) => {
      resolve(hex);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the hashing thread stopped (${code})`)));
  });
}
