import type { ReactNode } from 'react';
import type { Place } from '../../shared/briefing';
import { openPlace } from '../app/nav/nav-store';

/** An item of the briefing that opens its place; marked for the next-item key. */
export function PlaceLink({ place, children, className = 'link-button' }: { place: Place; children: ReactNode; className?: string }) {
  return (
    <button type="button" className={className} data-briefing-item="" onClick={() => openPlace(place.screen, place.item)}>
      {children}
    </button>
  );
}
