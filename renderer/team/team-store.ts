import { create } from 'zustand';
import type { ApiError, ApiResult } from '../../shared/api/result';
import type { TeamView } from '../../shared/api/team-schemas';
import { teamDataFeed } from '../app/stores/feed';
import { baton } from '../bridge/baton';

interface TeamState {
  view: TeamView | null;
  readError: ApiError | null;
}

export const useTeam = create<TeamState>()(() => ({ view: null, readError: null }));

/** Reads count in order: an answer to an older read never overwrites a newer one. */
let reads = 0;

export async function refreshTeam(): Promise<void> {
  const mine = ++reads;
  const result = await baton.getTeam({});
  if (mine !== reads) return;
  useTeam.setState(result.ok ? { view: result.value, readError: null } : { readError: result.error });
}

/** An admin's decision answers with the new view; keep it unless a newer read started. */
export function applyTeamResult(result: ApiResult<TeamView>): ApiResult<TeamView> {
  if (result.ok) {
    reads += 1;
    useTeam.setState({ view: result.value, readError: null });
  }
  return result;
}

/**
 * Keeps the team view fresh while anything shows it (the nav indicator always does): roster ops
 * arrive as team data changes, and a device's "last synced" moves with the sync status.
 */
export const useTeamFeed = teamDataFeed({ kinds: 'any', refresh: refreshTeam, alsoOnSyncStatus: true });
