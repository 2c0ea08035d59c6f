import { opDeviceId } from '../../../shared/sync/op';
import { TRUST_REASONS, isTrustReason } from '../../../shared/team';
import type { TrustView } from './trust-tap';

/** An op held but not counted, with the trust layer's reason in plain words. */
export interface SetAsideOp {
  readonly opId: string;
  readonly type: string;
  readonly entity: string;
  readonly hlc: string;
  readonly deviceId: string;
  readonly reason: string;
  readonly explanation: string;
}

/**
 * Every op the trust filter turns down now. The service's ApplyResult.refused reports only the
 * ops refused by one call; asking the service's own filter about every held op gives the whole
 * current list, the same one on every device holding the same files. Newest first.
 */
export function setAsideOps(view: TrustView | null): SetAsideOp[] {
  if (!view) return [];
  const refused: SetAsideOp[] = [];
  for (const op of view.state.snapshot().ops) {
    const verdict = view.filter(op);
    if (verdict === true) continue;
    const reason = typeof verdict === 'string' ? verdict : 'refused';
    refused.push({
      opId: op.id,
      type: op.type,
      entity: op.entity,
      hlc: op.hlc,
      deviceId: opDeviceId(op),
      reason,
      explanation: isTrustReason(reason) ? TRUST_REASONS[reason] : 'the trust layer did not count it',
    });
  }
  return refused.sort((a, b) => (a.hlc < b.hlc ? 1 : a.hlc > b.hlc ? -1 : 0));
}
