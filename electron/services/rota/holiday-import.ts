import ICAL from 'ical.js';
import { addDaysToDate } from '../../../shared/team-settings';
import { rotaDateSchema, type Holiday } from '../../../shared/rota';

/**
 * Public holidays and make-up working days (调休) from an .ics file (e.g. a published China
 * holiday calendar): each all-day event's days, a make-up working day when its title says so.
 * Throws a readable Error on a file that is not iCalendar; nothing is written then.
 */

const WORKDAY = /(上班|补班|调休上班|working day|workday)/i;
/** A holiday calendar spans a few years; more events than this is not one. */
const MAX_DAYS = 1000;

export function holidaysFromIcs(text: string): Holiday[] {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text));
  } catch (error) {
    throw new Error(`not an iCalendar file: ${(error as Error).message}`);
  }
  const days = new Map<string, Holiday>();
  for (const vevent of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(vevent);
    if (!event.startDate) continue;
    const name = (event.summary || '假日').trim().slice(0, 60);
    const first = event.startDate.toString().slice(0, 10);
    // DTEND of an all-day event is the day after the last one.
    const end = event.endDate ? event.endDate.toString().slice(0, 10) : addDaysToDate(first, 1);
    const last = end > first && event.startDate.isDate ? addDaysToDate(end, -1) : first;
    for (let date = first; date <= last; date = addDaysToDate(date, 1)) {
      if (!rotaDateSchema.safeParse(date).success) throw new Error(`a date outside 2000–2099 in the file: ${date}`);
      days.set(date, { date, kind: WORKDAY.test(name) ? 'workday' : 'holiday', name });
      if (days.size > MAX_DAYS) throw new Error(`more than ${MAX_DAYS} days in the file: not a holiday calendar`);
    }
  }
  if (days.size === 0) throw new Error('no holidays in the file (no events with a date)');
  return [...days.values()];
}
