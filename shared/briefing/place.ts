/** What an item opens: a screen (its registered id) and, when there is one, the thing on it. */
export interface Place {
  readonly screen: string;
  readonly item?: string;
}

/** A campaign's place on the prizes screen (`campaign:<id>`), apart from a request's (its id). */
export const CAMPAIGN_PLACE_PREFIX = 'campaign:';

/** The stand-in pack's place for a shift: `<date>.<shift type id>`. */
export const shiftPlaceItem = (shift: { readonly date: string; readonly shiftTypeId: string }): string => `${shift.date}.${shift.shiftTypeId}`;
