import { create } from 'zustand';
import type { TeamSettingsView } from '../../shared/api/team-settings-contract';
import { mayWriteOp } from '../../shared/api/may-write';
import { TEAM_SETTINGS_KIND, TEAM_SETTINGS_SET } from '../../shared/team-settings';
import { reportError } from '../app/errors/report-error';
import { readSequence, teamDataFeed } from '../app/stores/feed';
import { baton } from '../bridge/baton';
import { useTeam, useTeamFeed } from '../team/team-store';

const useStore = create<{ view: TeamSettingsView | null }>()(() => ({ view: null }));

const nextRead = readSequence();

export async function refreshTeamSettings(): Promise<void> {
  const isLatest = nextRead();
  const result = await baton.getTeamSettings({});
  if (!isLatest()) return;
  if (result.ok) useStore.setState({ view: result.value });
  else reportError(result.error);
}

/** The team settings last read (null before the first answer), outside React. */
export const teamSettingsRead = (): TeamSettingsView | null => useStore.getState().view;

const useTeamSettingsFeed = teamDataFeed({ kinds: [TEAM_SETTINGS_KIND], refresh: refreshTeamSettings });

/** The team settings in force, read again whenever they change (here or from the shared folder). */
export function useTeamSettings(): TeamSettingsView | null {
  useTeamSettingsFeed();
  return useStore((s) => s.view);
}

/** Whether this computer's person is a lead who may change the team settings; no until the team view is known. */
export function useMayEditTeamSettings(): boolean {
  useTeamFeed();
  return useTeam((s) => s.view !== null && mayWriteOp(s.view, TEAM_SETTINGS_SET));
}
