import { useEffect, useState } from 'react';
import type { Department } from '../../shared/team-settings';
import { baton } from '../bridge/baton';

/** The team's departments (team settings), for campaign notices of other departments. */
export function useDepartments(): readonly Department[] {
  const [departments, setDepartments] = useState<readonly Department[]>([]);
  useEffect(() => {
    void baton.getTeamSettings({}).then((result) => {
      if (result.ok) setDepartments(result.value.settings.departments);
    });
  }, []);
  return departments;
}
