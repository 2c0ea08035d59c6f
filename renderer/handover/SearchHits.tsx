import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../../shared/api/handover-views';
import type { ShiftType } from '../../shared/team-settings';
import { settingName } from '../app/format';
import { useLanguage } from '../i18n/use-language';
import { openNote } from './handover-store';
import { UnlessArriving } from '../sync/StillArriving';

/**
 * Search results: how many, and for each the date and shift (a note) or the tag (a follow-up),
 * with the passage that matched and the words marked, so that one sees why it was found.
 */
export function SearchHits({ hits, shiftTypes }: { hits: readonly SearchResult[]; shiftTypes: readonly ShiftType[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      {hits.length === 0 ? (
        <UnlessArriving variant="line" className="muted history__count">
          <p className="muted history__count" role="status">{t('handover.history.noHits')}</p>
        </UnlessArriving>
      ) : (
        <p className="muted history__count" role="status">{t('handover.history.results', { count: hits.length })}</p>
      )}
      <ul className="history__hits" aria-label={t('handover.history.results', { count: hits.length })}>
        {hits.map((hit) => {
          const passage = <span className="history__passage">{hit.passage.map((part, index) => (part.hit ? <mark key={index}>{part.text}</mark> : part.text))}</span>;
          return (
            <li key={`${hit.kind}:${hit.id}`}>
              {hit.kind === 'handover' ? (
                <button type="button" className="history__row" onClick={() => openNote(hit.id)}>
                  <span className="history__date">{hit.date} {hit.shiftTypeId && settingName(shiftTypes, hit.shiftTypeId, language)}</span>
                  {passage}
                </button>
              ) : (
                <p className="history__row">
                  <span className="history__date"><span className="badge">{t('followUps.nav')}</span> {hit.date}</span>
                  {passage}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
