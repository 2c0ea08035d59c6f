import { ApiFailure } from '../../../shared/api/result';
import type { PrizeChecked } from '../../../shared/api/prizes-contract';
import {
  deviceKeyOp,
  maskAddress,
  maskPhone,
  mayFulfil,
  parseWinnersCsv,
  prizeKey,
  prizeSettingsIn,
  requestEventOp,
  type ImportedWinner,
  type RequestView,
} from '../../../shared/prizes';
import { PrizeApprovals, type PrizesServiceOptions } from './approvals';
import { deleteContactFiles, readContactFile, writeContactFile } from './contact-files';
import { loadContactKey, type ContactKeyPair } from './device-key';

export type { PrizesServiceOptions } from './approvals';

const DAY_MS = 86_400_000;
const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;

/**
 * Prize approvals plus fulfilment: winners, their contact details (kept outside the log, in
 * encrypted files of this device's own folder, deleted when the retention after closing ends),
 * each reveal recorded, shipping and closing.
 */
export class PrizesService extends PrizeApprovals {
  private key: ContactKeyPair | null = null;
  /** Written this session: an op the trust layer holds back must not be written again at every change. */
  private readonly written = new Set<string>();
  private readonly unsubscribe: Array<() => void> = [];

  constructor(options: PrizesServiceOptions) {
    super(options);
    this.unsubscribe.push(options.sync.onChange(() => this.housekeeping()));
  }

  /** Loads this device's contact key; publishes it and purges due files as soon as the team allows. */
  async start(): Promise<void> {
    this.key = await loadContactKey(this.options.profileDir, this.options.log);
    this.housekeeping();
  }

  close(): void {
    for (const off of this.unsubscribe.splice(0)) off();
  }

  /** Publishes the device's key once it may write, and deletes contact files whose retention ended. */
  housekeeping(): void {
    try {
      this.publishKey();
      this.purgeDue();
    } catch (error) {
      this.options.log.error('prizes', 'prize housekeeping failed', error);
    }
  }

  private publishKey(): void {
    const { key } = this;
    const deviceId = this.options.sync.deviceId;
    const facts = this.options.facts();
    const member = facts?.memberOfDevice(deviceId);
    if (!key || !facts || !member) return;
    const roles = facts.members().find((item) => item.memberId === member)?.roles ?? [];
    if (!roles.some((role) => role === 'lead' || role === 'approver' || role === 'editor')) return;
    const published = this.state.get(prizeKey, deviceId)?.writes.some((write) => write.deviceId === deviceId && write.publicKey === key.publicKey);
    if (published || this.written.has(key.publicKey)) return;
    this.written.add(key.publicKey);
    this.record([deviceKeyOp(deviceId, key.publicKey)]);
  }

  private purgeDue(): void {
    const deviceId = this.options.sync.deviceId;
    const retention = prizeSettingsIn(this.state).retentionDays * DAY_MS;
    for (const view of this.views()) {
      if (view.closedAt === null || this.now() < view.closedAt + retention) continue;
      const due = view.winners.flatMap((winner) =>
        winner.contact && winner.contact.writerDevice === deviceId && !winner.contact.purged && !this.written.has(winner.contact.fileId) ? [winner.contact.fileId] : [],
      );
      if (due.length === 0) continue;
      for (const fileId of due) this.written.add(fileId);
      const deleted = deleteContactFiles(this.options.sharedDir(), deviceId, due);
      this.options.log.info('prizes', `deleted ${deleted.length} winners' contact file(s) of request ${view.id}: retention ended`);
      this.record([requestEventOp('prize.fulfil.contactsPurged', view.id, { at: this.now(), fileIds: due }, this.heads(view.id))]);
    }
  }

  private fulfilling(id: string): RequestView {
    const detail = this.detail(id);
    if (!detail.can.fulfil) throw new ApiFailure('forbidden', 'only a lead or an editor fulfils, and only an approved request');
    return detail.view;
  }

  addWinners(id: string, winners: readonly ImportedWinner[]): PrizeChecked<{ added: number; queued: boolean }> {
    const me = this.requireMe();
    const view = this.fulfilling(id);
    const issues: Array<{ code: string; path: string; params: Record<string, number> }> = [];
    winners.forEach((winner, index) => {
      if (winner.weiboName.trim() === '' || winner.weiboName.trim().length > 100) issues.push({ code: 'required', path: `winners.${index}.weiboName`, params: {} });
      if (!view.lines.some((line) => line.id === winner.lineId)) issues.push({ code: 'unknown-line', path: `winners.${index}.lineId`, params: {} });
    });
    for (const line of view.lines) {
      const count = view.winners.filter((winner) => winner.lineId === line.id).length + winners.filter((winner) => winner.lineId === line.id).length;
      if (count > line.quantity) issues.push({ code: 'more-winners-than-prizes', path: 'winners', params: { quantity: line.quantity, count } });
    }
    if (winners.length === 0) issues.push({ code: 'required', path: 'winners', params: {} });
    if (winners.length > 5_000) issues.push({ code: 'too-many', path: 'winners', params: { max: 5_000 } });
    if (issues.length > 0) return { ok: false, issues };
    const start = view.winners.length;
    const entries = winners.map((winner, index) => ({ id: `w${start + index + 1}-${this.options.sync.deviceId.slice(0, 6)}`, lineId: winner.lineId, weiboName: winner.weiboName.trim() }));
    return { ok: true, added: entries.length, ...this.record([requestEventOp('prize.fulfil.winnersAdded', id, { at: this.now(), winners: entries, by: me }, this.heads(id))]) };
  }

  importWinners(id: string, csv: string): PrizeChecked<{ added: number; queued: boolean }> {
    const view = this.fulfilling(id);
    const parsed = parseWinnersCsv(csv, view.lines);
    if (!parsed.ok) {
      this.options.log.warn('prizes', `a winners import was refused: ${parsed.issues.map((issue) => issue.code).join(', ')}`);
      return parsed;
    }
    return this.addWinners(id, parsed.winners);
  }

  async storeContact(id: string, winnerId: string, phone: string, address: string): Promise<PrizeChecked<{ queued: boolean }>> {
    const me = this.requireMe();
    const view = this.fulfilling(id);
    if (!view.winners.some((winner) => winner.id === winnerId)) throw new ApiFailure('not-found', 'no such winner');
    const issues = [];
    if (!PHONE.test(phone.trim())) issues.push({ code: 'not-a-phone', path: 'phone', params: {} });
    if (address.trim() === '' || address.trim().length > 300) issues.push({ code: 'required', path: 'address', params: {} });
    if (issues.length > 0) return { ok: false, issues };
    const file = await writeContactFile(this.options.sharedDir(), this.options.sync.deviceId, { phone: phone.trim(), address: address.trim() }, this.recipients());
    return {
      ok: true,
      ...this.record([
        requestEventOp('prize.fulfil.contactStored', id, { at: this.now(), winnerId, ...file, masked: { phone: maskPhone(phone.trim()), address: maskAddress(address) }, by: me }, this.heads(id)),
      ]),
    };
  }

  /** Devices of people allowed to fulfil, with their published keys (this one's always among them). */
  private recipients(): Map<string, string> {
    const facts = this.options.facts();
    const recipients = new Map<string, string>();
    if (this.key) recipients.set(this.options.sync.deviceId, this.key.publicKey);
    if (!facts) return recipients;
    for (const { id, state } of this.state.list(prizeKey)) {
      const own = state.writes.find((write) => write.deviceId === id);
      const member = facts.memberOfDevice(id);
      const roles = facts.members().find((item) => item.memberId === member)?.roles ?? [];
      if (own && mayFulfil(roles)) recipients.set(id, own.publicKey);
    }
    return recipients;
  }

  reveal(id: string, winnerId: string): { phone: string; address: string } {
    const me = this.requireMe();
    const view = this.detail(id).view;
    const roles = this.context().facts.members().find((member) => member.memberId === me.memberId)?.roles ?? [];
    if (!mayFulfil(roles)) throw new ApiFailure('forbidden', "only people who fulfil prizes may see winners' contact details");
    const contact = view.winners.find((winner) => winner.id === winnerId)?.contact;
    if (!contact || contact.purged) throw new ApiFailure('not-found', 'no contact details are kept for this winner');
    if (!this.key) throw new ApiFailure('unavailable', 'the contact key of this computer is not loaded yet');
    const read = readContactFile(this.options.sharedDir(), contact, { deviceId: this.options.sync.deviceId, privateKey: this.key.privateKey });
    if (!read.ok) {
      const messages = {
        missing: 'the contact file has not arrived in the shared folder yet (or was deleted)',
        changed: 'the contact file is not the one the log names: it was changed, so it is not shown',
        'not-a-recipient': 'the contact was encrypted before this computer could read it: ask the person who entered it to enter it again',
        damaged: 'the contact file is damaged',
      } as const;
      throw new ApiFailure('unavailable', messages[read.reason]);
    }
    this.record([requestEventOp('prize.fulfil.contactRevealed', id, { at: this.now(), winnerId, by: me }, this.heads(id))]);
    return read.contact;
  }

  ship(id: string, winnerId: string, carrier: string, tracking: string): PrizeChecked<{ queued: boolean }> {
    const me = this.requireMe();
    const view = this.fulfilling(id);
    if (!view.winners.some((winner) => winner.id === winnerId)) throw new ApiFailure('not-found', 'no such winner');
    if (tracking.trim() === '' || tracking.trim().length > 64) return { ok: false, issues: [{ code: 'required', path: 'tracking', params: {} }] };
    return { ok: true, ...this.record([requestEventOp('prize.fulfil.shipped', id, { at: this.now(), winnerId, carrier: carrier.trim().slice(0, 100), tracking: tracking.trim(), by: me }, this.heads(id))]) };
  }

  closeRequest(id: string): PrizeChecked<{ queued: boolean }> {
    const me = this.requireMe();
    const detail = this.detail(id);
    if (!detail.can.close) throw new ApiFailure('conflict', 'a request closes once every winner has been shipped');
    return { ok: true, ...this.record([requestEventOp('prize.fulfil.closed', id, { at: this.now(), submission: detail.view.submission!.opId, by: me }, this.heads(id))]) };
  }
}
