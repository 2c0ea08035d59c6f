import { create } from 'zustand';
import type { ApiError } from '../../shared/api/result';
import type { StandInPack } from '../../shared/stand-in';
import type { ShiftRef } from '../../shared/team-settings';
import { readSequence, teamDataFeed } from '../app/stores/feed';
import { baton } from '../bridge/baton';

interface StandInState {
  /** The shift the pack is about; null until the screen picks one. */
  shift: ShiftRef | null;
  /** null while it is being composed. */
  pack: StandInPack | null;
  error: ApiError | null;
}

export const useStandIn = create<StandInState>()(() => ({ shift: null, pack: null, error: null }));

const nextRead = readSequence();

export async function refreshPack(): Promise<void> {
  const shift = useStandIn.getState().shift;
  if (!shift) return;
  const isLatest = nextRead();
  const result = await baton.getStandInPack(shift);
  // An answer for a shift no longer shown, or older than one asked for since, is dropped.
  if (useStandIn.getState().shift !== shift || !isLatest()) return;
  useStandIn.setState(result.ok ? { pack: result.value, error: null } : { pack: null, error: result.error });
}

export function showShift(shift: ShiftRef): void {
  useStandIn.setState({ shift: { date: shift.date, shiftTypeId: shift.shiftTypeId }, pack: null, error: null });
  void refreshPack();
}

/** The pack reads every capability: any change of the team's data composes it again. */
export const useStandInFeed = teamDataFeed({ kinds: 'any', refresh: refreshPack });
