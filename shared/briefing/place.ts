/** What an item opens: a screen (its registered id) and, when there is one, the thing on it. */
export interface Place {
  readonly screen: string;
  readonly item?: string;
}
