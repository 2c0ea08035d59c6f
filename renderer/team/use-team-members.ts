import { useMemo } from 'react';
import type { Person } from '../../shared/team-settings';
import { assignableMembers } from './assignable-members';
import { useTeam, useTeamFeed } from './team-store';

/** `assignableMembers` for the current team view, kept fresh. */
export function useAssignableMembers(me: Person | null): Person[] {
  useTeamFeed();
  const view = useTeam((s) => s.view);
  return useMemo(() => assignableMembers(view, me), [view, me]);
}
