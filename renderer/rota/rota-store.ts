import { create } from 'zustand';
import type { OnDutyView, RotaRequestsView, RotaView } from '../../shared/api/rota-views';
import type { ApiError, ApiResult } from '../../shared/api/result';
import { ROTA_KINDS } from '../../shared/rota';
import { teamDataFeed } from '../app/stores/feed';
import { baton } from '../bridge/baton';

export type RotaTab = 'month' | 'week' | 'shifts' | 'requests' | 'checks' | 'fairness' | 'settings';

interface RotaState {
  tab: RotaTab;
  /** First day shown: the 1st of the month (month grid) or a Monday (week). */
  month: string;
  weekFrom: string;
  view: RotaView | null;
  requests: RotaRequestsView | null;
  onDuty: OnDutyView | null;
  /** The slot the lead has open in the editor. */
  selected: string | null;
  /** A card to bring into view once its tab shows (the empty rota's "make a pattern"). */
  focus: 'pattern' | null;
  error: ApiError | null;
}

const today = () => new Date().toISOString().slice(0, 10);
const mondayOf = (date: string) => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
};

export const useRota = create<RotaState>()(() => ({
  tab: 'month',
  month: today().slice(0, 7),
  weekFrom: mondayOf(today()),
  view: null,
  requests: null,
  onDuty: null,
  selected: null,
  focus: null,
  error: null,
}));

export const daysInMonth = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
export const addDays = (date: string, days: number) => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
};
export const shiftMonth = (month: string, by: number) => addDays(`${month}-15`, by * 30).slice(0, 7);

let reads = 0;

/** Reads what the current tab shows, and the requests and "on now" that every tab uses. */
export async function refreshRota(): Promise<void> {
  const mine = ++reads;
  const { tab, month, weekFrom } = useRota.getState();
  const range = tab === 'week' ? { from: weekFrom, days: 7 } : { from: `${month}-01`, days: daysInMonth(month) };
  const [view, requests, onDuty] = await Promise.all([baton.getRota(range), baton.getRotaRequests({}), baton.getOnDuty({})]);
  if (mine !== reads) return;
  const error = [view, requests, onDuty].find((result) => !result.ok);
  useRota.setState({
    ...(view.ok && { view: view.value }),
    ...(requests.ok && { requests: requests.value }),
    ...(onDuty.ok && { onDuty: onDuty.value }),
    error: error && !error.ok ? error.error : null,
  });
}

/** After a write: show its error, else read again. */
export async function afterWrite<T>(pending: Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  const result = await pending;
  if (!result.ok) useRota.setState({ error: result.error });
  else await refreshRota();
  return result;
}

export function setRotaView(patch: Partial<Pick<RotaState, 'tab' | 'month' | 'weekFrom' | 'selected' | 'focus'>>): void {
  useRota.setState(patch);
  void refreshRota();
}

/** The rota shows its own entities, the shift types and zone, the roster's names and roles, and who acknowledged which SOPs (cover eligibility). */
export const useRotaFeed = teamDataFeed({
  kinds: [...Object.values(ROTA_KINDS), 'teamSettings', 'member', 'device', 'sop'],
  refresh: refreshRota,
});
