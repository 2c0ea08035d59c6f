import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../shared/api/handover-views';
import type { HandoverFilter } from '../../shared/handover';
import { reportError } from '../app/errors/report-error';
import { baton } from '../bridge/baton';
import { useLanguage } from '../i18n/use-language';
import { useTeam, useTeamFeed } from '../team/team-store';
import { formatInZone, settingName } from '../app/format';
import { keepHistoryPlace, openNote, showTab, useHandover } from './handover-store';
import { usePagedNotes } from './paged-notes';
import { SearchHits } from './SearchHits';
import { UnlessArriving, useStillArriving } from '../sync/StillArriving';

const ROW_HEIGHT = 80;

/** Every submitted note, newest first, filtered or searched (Chinese words work: 微博, 投诉). */
export function HistoryView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const context = useHandover((s) => s.context);
  const revision = useHandover((s) => s.revision);
  const place = useHandover((s) => s.history);
  // While the team is opening, the total is of the notes read so far, and says so.
  const arriving = useStillArriving();
  // The authors to choose from: the team's members, as the team feed keeps them.
  useTeamFeed();
  const members = useTeam((s) => s.view?.members);
  const { filter } = place;
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchResult[] | null>(null);
  const { total, row, show } = usePagedNotes(filter, revision);
  const scroller = useRef<HTMLDivElement>(null);
  const offset = useRef(place.scrollTop);
  // The virtualizer re-renders the list itself; this component is not memoised by the compiler, as intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    onChange: (instance) => {
      offset.current = instance.scrollOffset ?? 0;
    },
  });
  const items = virtualizer.getVirtualItems();
  const [first, last] = [items[0]?.index ?? 0, items.at(-1)?.index ?? 0];
  useEffect(() => show(first, last), [show, first, last]);

  // Back from a note: the list scrolls to where it was once its length is known again.
  const [restoreTo, setRestoreTo] = useState(place.scrollTop);
  useEffect(() => {
    if (total === null || restoreTo === 0) return;
    virtualizer.scrollToOffset(restoreTo);
    setRestoreTo(0);
  }, [total, restoreTo, virtualizer]);
  useEffect(() => () => keepHistoryPlace({ scrollTop: offset.current }), []);

  useEffect(() => {
    if (!query.trim()) return setHits(null);
    const timer = setTimeout(() => {
      void baton.searchHandovers({ query, limit: 100 }).then((result) => (result.ok ? setHits(result.value.hits) : reportError(result.error)));
    }, 200);
    return () => clearTimeout(timer);
  }, [query, revision]);

  if (!context) return <p className="muted">{t('handover.loading')}</p>;
  const set = (patch: HandoverFilter) => keepHistoryPlace({ filter: { ...filter, ...patch }, scrollTop: 0 });

  return (
    <section className="card history" aria-labelledby="history-title">
      <h2 className="card__title" id="history-title">{t('handover.history.title')}</h2>
      <div className="history__filters">
        <label className="history__search">
          <span className="sr-only">{t('handover.history.search')}</span>
          <input type="search" className="input" placeholder={t('handover.history.searchPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <select className="input" aria-label={t('handover.write.shift')} value={filter.shiftTypeId ?? ''} onChange={(e) => set({ shiftTypeId: e.target.value || undefined })}>
          <option value="">{t('handover.history.allShifts')}</option>
          {context.shiftTypes.map((type) => (
            <option key={type.id} value={type.id}>{type.name[language]}</option>
          ))}
        </select>
        <select className="input" aria-label={t('handover.history.author')} value={filter.authorId ?? ''} onChange={(e) => set({ authorId: e.target.value || undefined })}>
          <option value="">{t('handover.history.allAuthors')}</option>
          {(members ?? []).map((member) => (
            <option key={member.memberId} value={member.memberId}>{member.displayName}</option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={filter.unacknowledged === true} onChange={(e) => set({ unacknowledged: e.target.checked || undefined })} />
          {t('handover.history.unacknowledged')}
        </label>
        <label className="check">
          <input type="checkbox" checked={filter.hasOpenFollowUps === true} onChange={(e) => set({ hasOpenFollowUps: e.target.checked || undefined })} />
          {t('handover.history.openFollowUps')}
        </label>
      </div>
      {hits ? (
        <SearchHits hits={hits} shiftTypes={context.shiftTypes} />
      ) : (
        <>
          <p className="muted history__count" role="status">{total === null ? t('handover.loading') : total > 0 ? t(arriving ? 'handover.history.countArriving' : 'handover.history.count', { count: total }) : ''}</p>
          {total === 0 && (
            <UnlessArriving>
              <HistoryEmpty filtered={Object.values(filter).some((value) => value !== undefined)} onClear={() => keepHistoryPlace({ filter: {}, scrollTop: 0 })} />
            </UnlessArriving>
          )}
          <div className="history__scroller" ref={scroller} role="list" aria-labelledby="history-title">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const summary = row(item.index);
                return (
                  <div
                    key={item.key}
                    role="listitem"
                    aria-setsize={total ?? 0}
                    aria-posinset={item.index + 1}
                    className="history__slot"
                    style={{ transform: `translateY(${item.start}px)`, height: item.size }}
                  >
                    {summary ? (
                      <button type="button" className="history__row" onClick={() => openNote(summary.id)}>
                        <span className="history__date">{summary.date} {settingName(context.shiftTypes, summary.shiftTypeId, language)}</span>
                        <span className="history__excerpt">{summary.excerpt || t('handover.history.noSummary')}</span>
                        <span className="history__meta">
                          {summary.author.name} · {formatInZone(summary.at, context.timeZone, language)} ·{' '}
                          {summary.acknowledgedBy.length > 0 ? t('handover.history.ackBy', { names: summary.acknowledgedBy.map((p) => p.name).join('、') }) : t('handover.note.notAcknowledged')}
                        </span>
                      </button>
                    ) : (
                      <span className="muted">…</span>
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        </>
      )}
    </section>
  );
}

/** No note yet, or none matching: what goes here and the first thing to do. */
function HistoryEmpty({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="empty-state">
      <p className="empty-state__title">{t(filtered ? 'handover.history.emptyFilteredTitle' : 'handover.history.emptyTitle')}</p>
      <p className="empty-state__body">{t(filtered ? 'handover.history.emptyFilteredBody' : 'handover.history.emptyBody')}</p>
      <button type="button" className="button button--primary" onClick={filtered ? onClear : () => showTab('write')}>
        {t(filtered ? 'handover.history.clearFilters' : 'handover.history.writeFirst')}
      </button>
    </div>
  );
}
