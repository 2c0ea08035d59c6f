import { useCallback, useEffect, useRef, useState } from 'react';
import type { HandoverSummary } from '../../shared/api/handover-views';
import type { HandoverFilter } from '../../shared/handover';
import { reportError } from '../app/errors/report-error';
import { baton } from '../bridge/baton';

const PAGE = 200;
/** Pages are asked for this many rows before they scroll into view, so that rows are there when they arrive. */
const AHEAD = PAGE / 2;

interface Loaded {
  /** The filter these pages belong to (its JSON). */
  readonly key: string;
  readonly total: number | null;
  readonly pages: ReadonlyMap<number, readonly HandoverSummary[]>;
}

/**
 * The history list, loaded a page at a time around the rows in view (`show(first, last)`): 10,000
 * notes cost a few pages of data and a screenful of DOM. Another filter is another list and starts
 * empty; new team data (`revision`) refreshes the pages in view in place, keeping the old rows on
 * screen until the fresh ones arrive. An answer for a list no longer shown is dropped.
 */
export function usePagedNotes(filter: HandoverFilter, revision: number) {
  const key = JSON.stringify(filter);
  const [loaded, setLoaded] = useState<Loaded>({ key, total: null, pages: new Map() });
  const asked = useRef(new Set<number>());
  const shown = useRef({ key, revision });

  useEffect(() => {
    shown.current = { key, revision };
    asked.current = new Set();
  }, [key, revision]);

  const load = useCallback(
    (page: number) => {
      void baton.listHandovers({ filter, offset: page * PAGE, limit: PAGE }).then((result) => {
        if (shown.current.key !== key || shown.current.revision !== revision) return;
        if (!result.ok) {
          asked.current.delete(page);
          return reportError(result.error);
        }
        const { total, items } = result.value;
        setLoaded((current) => ({ key, total, pages: new Map(current.key === key ? current.pages : []).set(page, items) }));
      });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the filter's content
    [key, revision],
  );

  const current = loaded.key === key ? loaded : { total: null, pages: new Map<number, readonly HandoverSummary[]>() };
  const show = useCallback(
    (first: number, last: number) => {
      const from = Math.floor(Math.max(0, first - AHEAD) / PAGE);
      const to = Math.floor((last + AHEAD) / PAGE);
      for (let page = from; page <= to; page += 1) {
        // Page 0 is asked for even in an empty list: it brings the total.
        if (asked.current.has(page) || (page > 0 && current.total !== null && page * PAGE >= current.total)) continue;
        asked.current.add(page);
        load(page);
      }
    },
    [load, current.total],
  );

  const row = (index: number): HandoverSummary | undefined => current.pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  return { total: current.total, row, show };
}
