import { useEffect, useState } from 'react';
import type { HandoverSummary } from '../../shared/api/handover-views';
import type { ShiftRef } from '../../shared/team-settings';
import { reportError } from '../app/errors/report-error';
import { baton } from '../bridge/baton';
import { useHandover } from './handover-store';

/** The notes already submitted for a shift, kept current with the team data: a second note is warned about. */
export function useShiftNotes(shift: ShiftRef | null): readonly HandoverSummary[] {
  const revision = useHandover((s) => s.revision);
  const [found, setFound] = useState<{ key: string; notes: readonly HandoverSummary[] }>({ key: '', notes: [] });
  const date = shift?.date;
  const shiftTypeId = shift?.shiftTypeId;
  const key = `${date}/${shiftTypeId}`;
  useEffect(() => {
    if (date === undefined || shiftTypeId === undefined) return;
    let live = true;
    void baton.listHandovers({ filter: { fromDate: date, toDate: date, shiftTypeId }, offset: 0, limit: 50 }).then((result) => {
      if (!live) return;
      if (result.ok) setFound({ key, notes: result.value.items });
      else reportError(result.error);
    });
    return () => {
      live = false;
    };
  }, [date, shiftTypeId, key, revision]);
  // Until the answer for the shift now chosen arrives, the last shift's notes are not this one's.
  return found.key === key ? found.notes : [];
}
