import type { Person } from '../team-settings';
import type { PrizeEvent, PrizeLine } from './request';
import { authorDevice, type TeamFacts } from './team-facts';
import type { Review, SetAsideReason, WinnerView } from './workflow-types';

/**
 * The fulfilment part of a request's fold: winners, contacts (masked; the real ones are in
 * encrypted files outside the log), reveals, shipments and closing. Two shipments of one winner
 * made without seeing each other clash: "needs review" until a lead keeps one.
 */
type Shipment = NonNullable<WinnerView['shipment']>;
interface MutableWinner extends Omit<WinnerView, 'contact' | 'shipment' | 'reveals'> {
  contact: WinnerView['contact'];
  shipment: (Shipment & { readonly hlc: string }) | null;
  reveals: Array<{ by: Person; at: number }>;
}

export function newFulfilment() {
  const winners = new Map<string, MutableWinner>();
  const clashes = new Map<string, Array<Shipment & { readonly hlc: string }>>();
  let firstWinnersAt: number | null = null;
  let closedAt: number | null = null;
  const purged = new Set<string>();
  return {
    winners,
    clashes,
    purged,
    setFirst(at: number) {
      firstWinnersAt ??= at;
    },
    setClosed(at: number) {
      closedAt = at;
    },
    /** A lead keeps one of the clashing shipments; null when that counted. */
    settle(event: PrizeEvent, target: { winnerId: string; keep: string }, sawIt: (hlc: string) => boolean): SetAsideReason | null {
      const clash = clashes.get(target.winnerId);
      const kept = clash?.find((shipment) => shipment.opId === target.keep);
      if (!clash || !kept) return 'no-review';
      if (!clash.every((shipment) => sawIt(shipment.hlc))) return 'review-not-seen';
      winners.get(target.winnerId)!.shipment = kept;
      clashes.delete(target.winnerId);
      void event;
      return null;
    },
    review(): Review | null {
      const first = [...clashes.entries()][0];
      if (!first) return null;
      const [winnerId, events] = first;
      return { kind: 'shipment', winnerId, events: events.map(({ opId, tracking, carrier, by, at }) => ({ opId, tracking, carrier, by, at })) };
    },
    result() {
      return {
        winners: [...winners.values()].map((winner): WinnerView => ({
          ...winner,
          contact: winner.contact && { ...winner.contact, purged: purged.has(winner.contact.fileId) },
          shipment: winner.shipment && { opId: winner.shipment.opId, carrier: winner.shipment.carrier, tracking: winner.shipment.tracking, at: winner.shipment.at, by: winner.shipment.by },
        })),
        firstWinnersAt,
        closedAt,
        purgedFileIds: [...purged].sort(),
      };
    },
  };
}

type Fulfilment = ReturnType<typeof newFulfilment>;

const FULFILLER_ROLES = ['lead', 'editor'] as const;

/** Who may fulfil (enter winners, collect contacts, reveal them, ship, close): a lead or an editor. */
export function mayFulfil(roles: readonly string[]): boolean {
  return FULFILLER_ROLES.some((role) => roles.includes(role));
}

/**
 * Applies one fulfilment event of an approved request. Returns why it does not count, 'closed'
 * when it closed the request, or null.
 */
export function fulfilmentEvent(
  f: Fulfilment,
  event: PrizeEvent,
  lines: readonly PrizeLine[],
  facts: TeamFacts,
  seen: (later: string, earlier: string) => boolean,
  personOf: (opId: string) => Person,
): SetAsideReason | 'closed' | null {
  const author = authorDevice(event.id);
  if (!mayFulfil(facts.rolesAt(author, event.hlc))) return 'not-allowed';
  const by = personOf(event.id);
  switch (event.type) {
    case 'prize.fulfil.winnersAdded': {
      const fresh = event.data.winners.filter((winner) => !f.winners.has(winner.id));
      if (fresh.some((winner) => !lines.some((line) => line.id === winner.lineId))) return 'unknown-line';
      for (const line of lines) {
        const count = [...f.winners.values(), ...fresh].filter((winner) => winner.lineId === line.id).length;
        if (count > line.quantity) return 'more-winners-than-prizes';
      }
      if (fresh.length === 0) return 'already-decided';
      f.setFirst(event.data.at);
      for (const winner of fresh) f.winners.set(winner.id, { ...winner, addedAt: event.data.at, contact: null, shipment: null, reveals: [] });
      return null;
    }
    case 'prize.fulfil.contactStored': {
      const winner = f.winners.get(event.data.winnerId);
      if (!winner) return 'unknown-winner';
      winner.contact = { ...event.data, opId: event.id, writerDevice: author, purged: false };
      return null;
    }
    case 'prize.fulfil.contactRevealed': {
      const winner = f.winners.get(event.data.winnerId);
      if (!winner) return 'unknown-winner';
      winner.reveals.push({ by, at: event.data.at });
      return null;
    }
    case 'prize.fulfil.shipped': {
      const winner = f.winners.get(event.data.winnerId);
      if (!winner) return 'unknown-winner';
      const shipment = { opId: event.id, hlc: event.hlc, carrier: event.data.carrier, tracking: event.data.tracking, at: event.data.at, by };
      const clash = f.clashes.get(winner.id);
      if (clash) {
        clash.push(shipment);
        return null;
      }
      const before = winner.shipment;
      // A second shipment made having seen the first corrects it (a wrong tracking number).
      if (!before || seen(event.hlc, before.hlc) || before.tracking === shipment.tracking) winner.shipment = before && before.tracking === shipment.tracking && !seen(event.hlc, before.hlc) ? before : shipment;
      else f.clashes.set(winner.id, [before, shipment]);
      return null;
    }
    case 'prize.fulfil.closed':
      if (f.clashes.size > 0) return 'waiting-for-review';
      f.setClosed(event.data.at);
      return 'closed';
    case 'prize.fulfil.contactsPurged':
      for (const fileId of event.data.fileIds) f.purged.add(fileId);
      return null;
    default:
      return 'request-not-open';
  }
}
