import { Worker } from 'node:worker_threads';
import type { PeerMessage } from './peer-worker';

/** Worker threads do not inherit tsx's loader: the worker starts by importing its TypeScript through tsx's API. */
const BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ tsImport }) => tsImport(${JSON.stringify(new URL('./peer-worker.ts', import.meta.url).href)}, ${JSON.stringify(import.meta.url)}))`;

/**
 * The generator's side of the peer (bench/peer.ts): sealed segments go to a worker thread in
 * batches, which builds the Automerge document meanwhile (building it on the generator's thread
 * was a third of the time; on a shared machine a second thread also gets a second share of the
 * cores).
 */
export class PeerThread {
  private readonly worker = new Worker(BOOT, { eval: true });
  private segments: Array<{ text: string; wall: number }> = [];
  private failure: Error | null = null;

  constructor() {
    this.worker.on('error', (error) => (this.failure = error));
  }

  /** One Automerge change for one sealed segment's ops. */
  addSegment(text: string, wall: number): void {
    this.segments.push({ text, wall });
    if (this.segments.length >= 256) this.post();
  }

  /** The saved document and its number of changes; ends the worker. */
  async save(): Promise<{ bytes: Uint8Array; changes: number }> {
    this.post();
    const saved = new Promise<{ bytes: Uint8Array; changes: number }>((resolve, reject) => {
      if (this.failure) reject(this.failure);
      this.worker.once('message', resolve);
      this.worker.once('error', reject);
    });
    this.send({ kind: 'save' });
    try {
      return await saved;
    } finally {
      await this.worker.terminate();
    }
  }

  private post(): void {
    if (this.segments.length === 0) return;
    this.send({ kind: 'segments', segments: this.segments });
    this.segments = [];
  }

  private send(message: PeerMessage): void {
    this.worker.postMessage(message);
  }
}
