import { useTranslation } from 'react-i18next';
import { Card } from '../app/ui/Card';
import { baton } from '../bridge/baton';
import { useLatestAnswer } from '../app/stores/latest-answer';
import { AcknowledgeCard } from './AcknowledgeCard';
import { HistoryCard } from './HistoryCard';
import { MetaCard } from './MetaCard';
import { SopMarkdown } from './SopMarkdown';
import { editSop, mergeSop, useSop } from './sop-store';
import { useTeamTime } from './team-time';

/** One SOP: what to acknowledge (with the diff), the published text, the fork if any, history and metadata. */
export function DocumentView({ id }: { id: string }) {
  const { t } = useTranslation();
  const teamTime = useTeamTime();
  const revision = useSop((s) => s.revision);
  const detail = useLatestAnswer(() => baton.getSop({ id }), [id, revision]);

  if (!detail) return <p className="muted">{t('sop.loading')}</p>;
  const shown = detail.published ?? detail.revisions[0]!;
  const firstRead = detail.myPending?.lastAcknowledgedVersion === null;
  const date = (at: number) => teamTime(at, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      {detail.fork && (
        <div className="alert alert--danger sop-fork" role="status">
          <p>{t('sop.fork.notice', { count: detail.fork.heads.length, names: detail.fork.heads.map((head) => head.by.name).join('、') })}</p>
          {detail.viewer.canWrite && (
            <button type="button" className="button button--primary" onClick={() => mergeSop(id)}>
              {t('sop.fork.merge')}
            </button>
          )}
        </div>
      )}
      {detail.reviewDue && (
        <p className="alert" role="status">
          {t('sop.reviewDue.notice', { date: detail.reviewDue })}
        </p>
      )}
      {/* What changed since my last acknowledgement comes first; a first read comes after the text it is about. */}
      {detail.myPending && !firstRead && <AcknowledgeCard id={id} pending={detail.myPending} />}
      <Card
        id="sop-doc"
        title={shown.title}
        description={detail.published ? t('sop.doc.published', { version: detail.published.version, date: date(detail.published.at), name: detail.published.by.name }) : t('sop.doc.unpublished')}
        aside={detail.viewer.canWrite && (
          <button type="button" className="button" onClick={() => editSop(id)}>
            {t('sop.doc.edit')}
          </button>
        )}
      >
        <p className="muted">
          {t(`sop.area.${detail.meta.area}`)} · {t('sop.meta.owner')}: {detail.meta.owner?.name ?? '—'} · {t('sop.meta.backupOwner')}: {detail.meta.backupOwner?.name ?? '—'} · {t('sop.meta.reviewBy')}: {detail.meta.reviewBy ?? '—'}
        </p>
        <SopMarkdown source={shown.body} pictures={shown.pictures} />
        {shown.checklist.length > 0 && (
          <>
            <h3 className="sop-area__title">{t('sop.doc.checklist')}</h3>
            <ul className="sop-list">
              {shown.checklist.map((item) => (
                <li key={item.id}>
                  {item.title} <span className="muted">{item.kind === 'post' ? item.times.join('、') : item.kind === 'sweep' ? t('sop.editor.every', { minutes: item.everyMinutes }) : t('sop.editor.kind.once')}</span>
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="muted">
          {t('sop.doc.acknowledgedBy')}: {detail.acknowledgedBy.map((entry) => `${entry.name} · ${t('sop.version', { version: entry.version })}`).join('、') || '—'}
          {detail.waiting.length > 0 && ` · ${t('sop.doc.waiting')}: ${detail.waiting.map((entry) => entry.name).join('、')}`}
        </p>
      </Card>
      {detail.myPending && firstRead && <AcknowledgeCard id={id} pending={detail.myPending} />}
      <HistoryCard detail={detail} />
      {/* Keyed by the saved settings, so that the form starts again from them after a save or a sync. */}
      {detail.viewer.isLead && <MetaCard key={JSON.stringify(detail.meta)} detail={detail} />}
      {detail.setAside.length > 0 && (
        <Card id="sop-set-aside" title={t('sop.setAside.title', { count: detail.setAside.length })}>
          <ul className="sop-list">
            {detail.setAside.map((entry) => (
              <li key={entry.opId}>{t(`sop.setAside.${entry.reason}`)}</li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
