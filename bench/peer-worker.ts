import { parentPort } from 'node:worker_threads';
import type { Op } from '../shared/sync/op';
import { PeerHistory } from './peer';

/**
 * The peer document, built on a thread of its own (bench/peer-thread.ts) while the generator goes
 * on: it gets each sealed segment's text (one Automerge change per segment, as before) and, at
 * the end, saves the document.
 */
export type PeerMessage = { readonly kind: 'segments'; readonly segments: ReadonlyArray<{ readonly text: string; readonly wall: number }> } | { readonly kind: 'save' };

/** A segment's ops: every line between the header and the trailer. */
const opsOf = (text: string) => text.split('\n').slice(1, -2).map((line) => JSON.parse(line) as Op);

const port = parentPort!;
const peer = new PeerHistory();
port.on('message', (message: PeerMessage) => {
  if (message.kind === 'segments') {
    for (const { text, wall } of message.segments) peer.addBatch(opsOf(text), wall);
    return;
  }
  const bytes = peer.save();
  port.postMessage({ bytes, changes: peer.changes }, [bytes.buffer as ArrayBuffer]);
});
