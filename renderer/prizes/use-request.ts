import type { PrizeIssueOut } from '../../shared/api/prizes-contract';
import { reportError } from '../app/errors/report-error';
import { baton } from '../bridge/baton';
import { useLatestAnswer } from '../app/stores/latest-answer';
import { refreshPrizes, usePrizes } from './prizes-store';

/** The request shown, re-fetched whenever prize data changes; `act` runs a write and refreshes. */
export function useRequest(id: string | null) {
  const revision = usePrizes((s) => s.revision);
  return useLatestAnswer(id ? () => baton.getPrizeRequest({ id }) : null, [id, revision]);
}

type Outcome = { ok: true; value: { ok: true } | { ok: false; issues: PrizeIssueOut[] } } | { ok: false; error: Parameters<typeof reportError>[0] };

/** Runs a write; returns the issue codes a person can fix (none when it went through). */
export async function act(run: () => Promise<Outcome>): Promise<PrizeIssueOut[]> {
  const result = await run();
  if (!result.ok) {
    reportError(result.error, 'errors.couldNotSave');
    return [];
  }
  if (!result.value.ok) return result.value.issues;
  await refreshPrizes();
  return [];
}
