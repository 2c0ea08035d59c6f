import { addDaysToDate, dateInZone, type Person } from '../team-settings';
import { coverCandidates, requestsInvolving, type RotaWorld } from '../rota/queries';
import type { BriefingQuery } from './duty';
import type { CoverAsk, RotaRequestItem, RotaRequestsSection } from './capability-types';
import type { BriefingWorld } from './team-world';

/** The rota's part of the briefing beyond who is on duty, asked through shared/rota/queries.ts. */

const OPEN = new Set(['pending', 'open', 'awaiting-approval', 'proposed']);

const personOf = (world: RotaWorld, memberId: string): Person => ({ memberId, name: world.members.find((member) => member.memberId === memberId)?.name ?? memberId });

/**
 * Colleagues' cover requests (代班) for today onwards that I may take (the rota's eligibility, with
 * the SOPs' acknowledgements), and my own leave, cover and swap requests still open or about a day
 * to come: a cover of mine someone took, a swap offered to me that waits for my answer.
 */
export function rotaRequestsSection(query: BriefingQuery, world: BriefingWorld): RotaRequestsSection | null {
  const rota = world.rota;
  if (!rota || !query.me) return null;
  const me = query.me.memberId;
  const today = dateInZone(query.now, rota.settings.timeZone);
  const place = { screen: 'rota' };
  const coverAsks: CoverAsk[] = rota.covers
    .filter((cover) => cover.status === 'open' && cover.memberId !== me && cover.date >= today)
    .filter((cover) => coverCandidates(rota, cover).some((candidate) => candidate.memberId === me && candidate.reasons.length === 0))
    .map((cover) => ({ id: cover.id, shift: { date: cover.date, shiftTypeId: cover.shiftTypeId }, requester: personOf(rota, cover.memberId), urgent: cover.urgent, place: { screen: 'rota', item: cover.id } }));

  const involving = requestsInvolving(rota, me);
  const current = (status: string, date: string) => OPEN.has(status) || date >= today;
  const requests: RotaRequestItem[] = [
    ...involving.leaves
      .filter((leave) => OPEN.has(leave.status) || ((leave.status === 'approved' || leave.status === 'declined') && leave.to >= today))
      .map((leave): RotaRequestItem => ({ id: leave.id, kind: 'leave', status: leave.status, date: leave.from, shiftTypeId: null, other: null, byMe: true, waitsForMe: false, place: { screen: 'rota', item: leave.id } })),
    ...involving.covers
      .filter((cover) => current(cover.status, cover.date) && cover.date >= addDaysToDate(today, -1))
      .map((cover): RotaRequestItem => {
        const other = cover.memberId === me ? cover.takenBy : cover.memberId;
        return { id: cover.id, kind: 'cover', status: cover.status, date: cover.date, shiftTypeId: cover.shiftTypeId, other: other ? personOf(rota, other) : null, byMe: cover.memberId === me, waitsForMe: false, place: { screen: 'rota', item: cover.id } };
      }),
    ...involving.swaps
      .filter((swap) => current(swap.status, swap.from.date))
      .map((swap): RotaRequestItem => {
        const offeredToMe = swap.to.memberId === me;
        const mySide = offeredToMe ? swap.to : swap.from;
        return {
          id: swap.id,
          kind: 'swap',
          status: swap.status,
          date: mySide.date,
          shiftTypeId: mySide.shiftTypeId,
          other: personOf(rota, offeredToMe ? swap.from.memberId : swap.to.memberId),
          byMe: !offeredToMe,
          waitsForMe: offeredToMe && swap.status === 'proposed',
          place: { screen: 'rota', item: swap.id },
        };
      }),
  ];
  if (coverAsks.length === 0 && requests.length === 0) return null;
  return { kind: 'rotaRequests', coverAsks, requests, place };
}
