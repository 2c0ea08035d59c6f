import type { ReactNode } from 'react';
import type { Place } from '../../shared/briefing';
import { openPlace } from '../app/nav/nav-store';

/**
 * An item of the briefing that opens its place; marked for the next-item key, and for the
 * acknowledge key when it opens a note to read and sign.
 */
export function PlaceLink({ place, children, className = 'link-button', acknowledge = false }: { place: Place; children: ReactNode; className?: string; acknowledge?: boolean }) {
  return (
    <button
      type="button"
      className={className}
      data-briefing-item=""
      {...(acknowledge ? { 'data-briefing-acknowledge': '' } : {})}
      onClick={() => openPlace(place.screen, place.item)}
    >
      {children}
    </button>
  );
}
