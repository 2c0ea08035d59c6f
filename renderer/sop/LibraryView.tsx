import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SopLibrary, SopSearchHit } from '../../shared/api/sop-views';
import { reportError } from '../app/errors/report-error';
import { Card } from '../app/ui/Card';
import { baton } from '../bridge/baton';
import { useLanguage } from '../i18n/use-language';
import { editSop, openSop, refreshLibrary } from './sop-store';
import { BusFactorCard } from './BusFactorCard';
import { useTeamTime } from './team-time';
import { UnlessArriving } from '../sync/StillArriving';

/** The library grouped by the nine areas, with what waits for me: acknowledgements, reviews, forks. */
export function LibraryView({ library }: { library: SopLibrary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const teamTime = useTeamTime();
  const [query, setQuery] = useState('');
  const [groups, setGroups] = useState<Array<{ kind: SopSearchHit['kind']; hits: SopSearchHit[] }> | null>(null);
  const empty = library.areas.every((area) => area.sops.length === 0);
  const date = (at: number) => teamTime(at, { dateStyle: 'medium' });

  const search = async (text: string) => {
    setQuery(text);
    if (text.trim() === '') return setGroups(null);
    const result = await baton.searchSops({ query: text });
    if (result.ok) setGroups(result.value.groups);
    else reportError(result.error);
  };
  const addStarters = async () => {
    const result = await baton.addStarterSops({ language });
    if (!result.ok) reportError(result.error, 'errors.couldNotSave');
    else await refreshLibrary();
  };

  return (
    <>
      {library.pending.length > 0 && (
        <Card id="sop-pending" title={t('sop.pending.title', { count: library.pending.length })} description={t('sop.pending.description')}>
          <ul className="sop-list">
            {library.pending.map((item) => (
              <li key={item.sopId}>
                <button type="button" className="sop-link" onClick={() => openSop(item.sopId)}>
                  {item.title}
                </button>
                <span className="badge badge--warning">{item.lastAcknowledgedVersion === null ? t('sop.pending.new', { version: item.version }) : t('sop.pending.changed', { from: item.lastAcknowledgedVersion, version: item.version })}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {library.reviewQueue.length > 0 && (
        <Card id="sop-review" title={t('sop.review.title', { count: library.reviewQueue.length })}>
          <ul className="sop-list">
            {library.reviewQueue.map((item) => (
              <li key={item.revision}>
                <button type="button" className="sop-link" onClick={() => openSop(item.sopId)}>
                  {item.title}
                </button>
                <span className="muted">{t('sop.review.by', { name: item.by.name, date: date(item.at) })}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {library.reviewsDue.length > 0 && (
        <Card id="sop-due" title={t('sop.reviewDue.title', { count: library.reviewsDue.length })} description={t('sop.reviewDue.description')}>
          <ul className="sop-list">
            {library.reviewsDue.map((item) => (
              <li key={item.sopId}>
                <button type="button" className="sop-link" onClick={() => openSop(item.sopId)}>
                  {item.title}
                </button>
                <span className="badge badge--danger">{t('sop.reviewDue.since', { date: item.reviewBy })}</span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card
        id="sop-library"
        title={t('sop.library.title')}
        aside={library.viewer.canWrite && (
          <button type="button" className="button button--primary" onClick={() => editSop(null)}>
            {t('sop.library.new')}
          </button>
        )}
      >
        <input className="input" type="search" value={query} placeholder={t('sop.search.placeholder')} aria-label={t('sop.search.label')} onChange={(event) => void search(event.target.value)} />
        {groups && (
          <div className="sop-search" aria-live="polite">
            {groups.length === 0 && (
              <UnlessArriving variant="line">
                <p className="muted">{t('sop.search.none')}</p>
              </UnlessArriving>
            )}
            {groups.map((group) => (
              <div key={group.kind}>
                <h3 className="sop-area__title">{t(`sop.search.kind.${group.kind}`)}</h3>
                <ul className="sop-list">
                  {group.hits.map((hit, index) => (
                    <li key={`${hit.sopId}-${index}`}>
                      <button type="button" className="sop-link" onClick={() => openSop(hit.sopId)}>
                        {hit.title}
                      </button>
                      <span className="muted">{hit.snippet}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )}
        {empty && (
          // While the team is still being opened, no offer of the starter SOPs: the team's own may be on their way.
          <UnlessArriving>
            <div className="sop-empty">
              <p>{t('sop.library.empty')}</p>
              {library.viewer.isLead && (
                <button type="button" className="button button--primary" onClick={() => void addStarters()}>
                  {t('sop.library.starters')}
                </button>
              )}
            </div>
          </UnlessArriving>
        )}
        {library.areas.map((area) => (
          <section key={area.area} className="sop-area" aria-labelledby={`area-${area.area}`}>
            <h3 className="sop-area__title" id={`area-${area.area}`}>
              {t(`sop.area.${area.area}`)}
            </h3>
            {area.sops.length === 0 ? (
              <UnlessArriving variant={empty ? 'hidden' : 'line'}>
                <p className="muted">{t('sop.library.noneInArea')}</p>
              </UnlessArriving>
            ) : (
              <ul className="sop-list">
                {area.sops.map((item) => (
                  <li key={item.id}>
                    <button type="button" className="sop-link" onClick={() => openSop(item.id)}>
                      {item.title}
                    </button>
                    {item.version === null ? <span className="badge">{t('sop.status.draft')}</span> : <span className="muted">{t('sop.version', { version: item.version })}</span>}
                    {item.mustAcknowledge && <span className="badge badge--warning">{t('sop.mustAcknowledge')}</span>}
                    {item.fork && <span className="badge badge--danger">{t('sop.fork.badge')}</span>}
                    {item.reviewOverdue && <span className="badge badge--danger">{t('sop.reviewOverdue')}</span>}
                    {item.submitted > 0 && <span className="badge badge--accent">{t('sop.status.submitted')}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </Card>
      {library.busFactor.length > 0 && <BusFactorCard areas={library.busFactor} pendingBySop={library.pendingBySop} />}
    </>
  );
}
