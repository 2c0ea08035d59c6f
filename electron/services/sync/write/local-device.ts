import { HybridClock } from '../../../../shared/sync/hlc';
import { formatOpId, opDeviceId, opSchema, parseOpId, type Op } from '../../../../shared/sync/op';
import type { OpDraft } from '../../../../shared/sync/op-draft';
import type { Logger } from '../../log';
import { maxPublishedCounter } from './device-state';
import { IdentityStore, type DeviceIdentity } from './identity';
import type { KeyVault } from '../key-vault';
import type { ProfileLayout } from '../layout';
import { Outbox } from './outbox';
import { rehomeOps } from '../repair/rehome';
import type { DeviceClaim } from '../team-create';

export type { OpDraft } from '../../../../shared/sync/op-draft';

/** A single op must fit comfortably in a segment with others. */
export const MAX_OP_BYTES = 1024 * 1024;

/**
 * This computer as a writer: its identity, its clock, its op counter and its outbox. Op ids are
 * `<deviceId>:<counter>`; the counter resumes after the highest of the outbox, of every team's
 * device-state and of every own op seen, so no id is ever issued twice.
 */
export class LocalDevice {
  readonly outbox: Outbox;
  private readonly identities: IdentityStore;
  private clockNow: HybridClock;
  private counter = 0;
  private maxSeenHlc = '';

  constructor(
    profile: ProfileLayout,
    vault: KeyVault,
    private readonly log: Logger,
    private readonly now: () => number,
  ) {
    this.identities = new IdentityStore(profile.identityFile, vault, log, now);
    this.outbox = new Outbox(profile.outboxFile, log, now);
    this.clockNow = new HybridClock(this.deviceId);
    this.resume(maxPublishedCounter(profile.teamsDir, this.deviceId, log));
  }

  get deviceId(): string {
    return this.identities.identity.deviceId;
  }

  get identity(): DeviceIdentity {
    return this.identities.identity;
  }

  get clock(): HybridClock {
    return this.clockNow;
  }

  /** This device's id and the ids it had before (a copied profile takes a new one). */
  ownIds(): Set<string> {
    return new Set([this.deviceId, ...this.identity.replaced.map((entry) => entry.deviceId)]);
  }

  /**
   * Gives drafts ids and timestamps and appends them to the outbox, fsynced, before returning.
   * Each op is returned as it will read back from a segment (a JSON round trip). Throws, having
   * written nothing, if an op is malformed or too large.
   */
  record(drafts: readonly OpDraft[]): Op[] {
    const ops = drafts.map((draft) => {
      const text = JSON.stringify({
        id: formatOpId(this.deviceId, this.counter + 1),
        hlc: this.clockNow.now(this.now()),
        type: draft.type,
        entity: draft.entity,
        data: draft.data,
      });
      if (Buffer.byteLength(text) > MAX_OP_BYTES) throw new RangeError(`op of ${draft.type} is larger than ${MAX_OP_BYTES} bytes`);
      const op = opSchema.parse(JSON.parse(text));
      this.counter += 1;
      return op;
    });
    this.outbox.append(ops);
    return ops;
  }

  /** Records ops of another (or a former) device id again as new ops of this one. */
  recordAgain(ops: readonly Op[]): Op[] {
    const moved = rehomeOps(ops, this.deviceId, this.clockNow, () => ++this.counter, this.now());
    this.outbox.append(moved);
    return moved;
  }

  /** Every timestamp seen moves the clock; this device's own ops move the op counter. */
  observe(op: Op): void {
    this.clockNow.observe(op.hlc, this.now());
    if (op.hlc > this.maxSeenHlc) this.maxSeenHlc = op.hlc;
    const id = parseOpId(op.id);
    if (id && id.deviceId === this.deviceId && id.counter > this.counter) this.counter = id.counter;
  }

  /** A new device id and key pair (the profile was copied); the outbox moves to the new id. */
  remint(reason: string): { oldId: string; newId: string } {
    const oldId = this.deviceId;
    const identity = this.identities.remint(reason);
    this.clockNow = new HybridClock(identity.deviceId);
    if (this.maxSeenHlc) this.clockNow.observe(this.maxSeenHlc, this.now());
    this.counter = 0;
    this.outbox.replace(rehomeOps(this.outbox.pending, identity.deviceId, this.clockNow, () => ++this.counter, this.now()));
    return { oldId, newId: identity.deviceId };
  }

  /** The member id, made the first time the person is named on this computer. */
  ensureMemberId(): string {
    return this.identities.ensureMemberId();
  }

  /** What device.json and team.json say about this device. */
  claim(memberName: string, appVersion: string): DeviceClaim {
    const identity = this.identity;
    return {
      deviceId: identity.deviceId,
      publicKeyPem: identity.publicKeyPem,
      memberId: this.identities.ensureMemberId(),
      memberName,
      appVersion,
    };
  }

  /** Resumes the op counter and tidies what a crash may have left in the outbox. */
  private resume(published: number): void {
    const pending = this.outbox.pending;
    // Sealed and recorded, but the crash came before the outbox was cleared.
    const waiting = pending.filter((op) => opDeviceId(op) !== this.deviceId || (parseOpId(op.id)?.counter ?? 0) > published);
    this.counter = published;
    for (const op of waiting) this.observe(op);
    // Left by a crash between taking a new device id and moving the outbox to it.
    const strays = waiting.some((op) => opDeviceId(op) !== this.deviceId);
    const kept = strays ? rehomeOps(waiting, this.deviceId, this.clockNow, () => ++this.counter, this.now()) : waiting;
    if (strays || kept.length !== pending.length) {
      this.outbox.replace(kept);
      this.log.info('sync', `outbox: ${pending.length - waiting.length} op(s) already published dropped${strays ? ', old device id moved' : ''}`);
    }
  }
}
