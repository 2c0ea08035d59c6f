import type { RotaWorld } from '../../../shared/rota';
import { holidayCalendar, isOnShift, type HolidayCalendar } from '../../../shared/rota/queries';
import type { OnShift } from '../../../shared/sop/queries';

/**
 * What the shift checklists take from the rota, through its queries only: the holiday calendar
 * (which items apply on a day) and who is on a shift (whose ticks count).
 */
export interface SopRotaFacts {
  calendar(): HolidayCalendar;
  readonly onShift: OnShift;
}

export function sopRotaFacts(world: () => RotaWorld): SopRotaFacts {
  return {
    calendar: () => holidayCalendar(world()),
    onShift: (memberId, shift) => isOnShift(world(), memberId, shift),
  };
}
