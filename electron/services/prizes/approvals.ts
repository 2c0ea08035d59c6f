import { z } from 'zod';
import { randomBytes } from 'node:crypto';
import type { PrizeChecked, PrizesOverview, RequestDetail, RequestInputValue } from '../../../shared/api/prizes-contract';
import { ApiFailure } from '../../../shared/api/result';
import type { Person } from '../../../shared/team-settings';
import {
  campaign as campaignCapability,
  campaignSetOp,
  campaignsOf,
  delegateSetOp,
  delegatesOf,
  prizeDelegate,
  prizeSettings,
  prizeSettingsIn,
  prizeSettingsSetOp,
  requestEventOp,
  validateRequest,
  nobodyOnLeave,
  noPostsPlanned,
  PRIZE_SETTINGS_ID,
  campaignFields,
  prizeSettingsFields,
  type CampaignFields,
  type OnLeave,
  type PostsOn,
  type PrizeSettingsFields,
  type TeamFacts,
} from '../../../shared/prizes';
import type { Op } from '../../../shared/sync/op';
import type { ReadonlySyncState } from '../../../shared/sync/trust-plug';
import type { Logger } from '../log';
import type { OpDraft, SyncChange } from '../sync/sync-service';
import { PrizeDraftFile } from './draft-file';
import { allViews, overview, requestDetail, type ViewContext } from './prize-views';

/** The part of the sync service this one uses. */
export interface PrizesSync {
  readonly state: ReadonlySyncState;
  readonly deviceId: string;
  record(drafts: readonly OpDraft[]): Op[];
  onChange(listener: (change: SyncChange) => void): () => void;
}

export interface PrizesServiceOptions {
  readonly sync: PrizesSync;
  readonly profileDir: string;
  readonly sharedDir: () => string;
  /** The person on this computer; null before the first run is done. */
  readonly me: () => Person | null;
  /** The team as the trust layer folded it; null while no team is open. */
  readonly facts: () => TeamFacts | null;
  /** The rota's "on approved leave at this instant"; nobody by default. */
  readonly onLeave?: OnLeave;
  /** The content calendar: the posts the SOPs plan on a day; nothing by default. */
  readonly postsOn?: PostsOn;
  readonly timeZone: () => string;
  readonly folderAvailable: () => boolean;
  readonly log: Logger;
  readonly now?: () => number;
}

const newId = () => randomBytes(12).toString('base64url');
const noTeam: TeamFacts = { memberOfDevice: () => null, rolesAt: () => [], members: () => [] };

/**
 * Campaigns, prize requests and their decisions (fulfilment is added by `PrizesService`): reads the fold through the pure rules of
 * shared/prizes, writes ops through `sync.record`. The checks here spare people an op that would
 * be set aside; whether it counts is decided by the rules on every device.
 */
export class PrizeApprovals {
  readonly drafts: PrizeDraftFile;
  protected readonly now: () => number;

  constructor(protected readonly options: PrizesServiceOptions) {
    this.now = options.now ?? Date.now;
    this.drafts = new PrizeDraftFile(options.profileDir, options.log);
  }

  protected get state(): ReadonlySyncState {
    return this.options.sync.state;
  }

  protected context(): ViewContext {
    const facts = this.options.facts() ?? noTeam;
    const me = this.options.me()?.memberId ?? null;
    const delegates = delegatesOf(this.state.list(prizeDelegate).map(({ id, state }) => ({ id, writes: state.writes })), facts);
    return {
      state: this.state,
      facts,
      onLeave: this.options.onLeave ?? nobodyOnLeave,
      postsOn: this.options.postsOn ?? noPostsPlanned,
      me,
      deviceId: this.options.sync.deviceId,
      delegate: me ? (delegates.get(me) ?? null) : null,
      timeZone: this.options.timeZone(),
      now: this.now(),
    };
  }

  protected requireMe(): Person {
    const me = this.options.me();
    if (!me) throw new ApiFailure('unavailable', 'this computer has no member name yet (finish the first run)');
    return me;
  }

  protected record(drafts: OpDraft[]): { queued: boolean } {
    this.options.sync.record(drafts);
    return { queued: !this.options.folderAvailable() };
  }

  protected detail(id: string): RequestDetail {
    const detail = requestDetail(this.context(), id);
    if (!detail) throw new ApiFailure('not-found', 'no such prize request');
    return detail;
  }

  protected heads(id: string): string[] {
    return this.state.heads(`prizeRequest:${id}`);
  }

  getOverview(): PrizesOverview {
    return overview(this.context());
  }

  getRequest(id: string): RequestDetail {
    return this.detail(id);
  }

  saveCampaign(id: string | null, fields: CampaignFields): PrizeChecked<{ id: string }> {
    const parsed = campaignObject.safeParse(fields);
    if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((issue) => ({ code: issue.code, path: issue.path.join('.'), params: {} })) };
    if (parsed.data.endDate < parsed.data.startDate) return { ok: false, issues: [{ code: 'end-before-start', path: 'endDate', params: {} }] };
    const campaignId = id ?? newId();
    const current = id ? this.state.get(campaignCapability, id)?.fields : undefined;
    if (id && !current) throw new ApiFailure('not-found', 'no such campaign');
    this.record([campaignSetOp(campaignId, current, parsed.data)]);
    return { ok: true, id: campaignId };
  }

  setSettings(changes: Partial<PrizeSettingsFields>): PrizeChecked<{ queued: boolean }> {
    const parsed = settingsObject.safeParse(changes);
    if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((issue) => ({ code: issue.code, path: issue.path.join('.'), params: {} })) };
    const next = { ...prizeSettingsIn(this.state), ...parsed.data };
    if (next.leadMaxFen > next.approverMaxFen) return { ok: false, issues: [{ code: 'thresholds-out-of-order', path: 'leadMaxFen', params: {} }] };
    return { ok: true, ...this.record([prizeSettingsSetOp(this.state.get(prizeSettings, PRIZE_SETTINGS_ID)?.fields, parsed.data)]) };
  }

  setDelegate(delegate: string | null): { queued: boolean } {
    const me = this.requireMe();
    if (delegate === me.memberId) throw new ApiFailure('invalid-input', 'a person cannot be their own delegate');
    return this.record([delegateSetOp(me.memberId, delegate, this.now())]);
  }

  async submit(input: RequestInputValue, requestId: string | null): Promise<PrizeChecked<{ id: string; queued: boolean }>> {
    const me = this.requireMe();
    const campaign = campaignsOf(this.state).find((item) => item.id === input.campaignId) ?? null;
    if (requestId && !this.detail(requestId).can.resubmit) throw new ApiFailure('conflict', 'this request cannot be resubmitted now (only a returned or recalled request of yours)');
    const checked = validateRequest(input, { campaign, settings: prizeSettingsIn(this.state) });
    if (!checked.ok) return checked;
    const id = requestId ?? newId();
    const { queued } = this.record([
      requestEventOp('prize.submitted', id, {
        at: this.now(),
        campaignId: input.campaignId,
        lines: checked.lines,
        reason: input.reason.trim(),
        eligibility: input.eligibility.trim(),
        drawMethod: input.drawMethod.trim(),
        drawAt: input.drawAt,
        redemption: input.redemption.trim(),
        delivery: input.delivery.trim(),
        attachments: input.attachments,
        requester: me,
      }, requestId ? this.heads(requestId) : []),
    ]);
    await this.drafts.remove();
    return { ok: true, id, queued };
  }

  decide(id: string, step: number, outcome: 'approve' | 'return' | 'reject', comment: string): PrizeChecked<{ queued: boolean }> {
    const me = this.requireMe();
    const detail = this.detail(id);
    if (!detail.can.decide || detail.can.decide.step !== step) throw new ApiFailure('forbidden', 'this step is not waiting for you');
    if (outcome !== 'approve' && comment.trim() === '') return { ok: false, issues: [{ code: 'required', path: 'comment', params: {} }] };
    return { ok: true, ...this.record([requestEventOp('prize.decided', id, { at: this.now(), submission: detail.view.submission!.opId, step, outcome, comment: comment.trim(), by: me }, this.heads(id))]) };
  }

  recall(id: string): PrizeChecked<{ queued: boolean }> {
    const me = this.requireMe();
    const detail = this.detail(id);
    if (!detail.can.recall) throw new ApiFailure('conflict', 'only your own request, before its first decision, can be recalled');
    return { ok: true, ...this.record([requestEventOp('prize.recalled', id, { at: this.now(), submission: detail.view.submission!.opId, by: me }, this.heads(id))]) };
  }

  settle(
    id: string,
    target: { kind: 'step'; step: number; outcome: 'approve' | 'return' | 'reject' } | { kind: 'shipment'; winnerId: string; keep: string },
    comment: string,
  ): PrizeChecked<{ queued: boolean }> {
    const me = this.requireMe();
    const detail = this.detail(id);
    if (!detail.can.settle) throw new ApiFailure('forbidden', 'only a lead (not the requester) settles a request that needs review');
    if (comment.trim() === '') return { ok: false, issues: [{ code: 'required', path: 'comment', params: {} }] };
    return { ok: true, ...this.record([requestEventOp('prize.settled', id, { at: this.now(), submission: detail.view.submission!.opId, target, comment: comment.trim(), by: me }, this.heads(id))]) };
  }

  /** Every request as the rules make it (the CLI export uses the same). */
  views() {
    return allViews(this.context());
  }
}

const campaignObject = z.object(campaignFields);
const settingsObject = z.object(prizeSettingsFields).partial();
