import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevisionView, SopDetail } from '../../shared/api/sop-views';
import type { DiffLine } from '../../shared/sop';
import { reportError } from '../app/errors/report-error';
import { Card } from '../app/ui/Card';
import { baton } from '../bridge/baton';
import { DiffView } from './DiffView';
import { refreshLibrary, useSop } from './sop-store';
import { useTeamTime } from './team-time';

/** Every revision the person may read, newest first: status, who and when; submit, publish, return, restore; the diff between any two. */
export function HistoryCard({ detail }: { detail: SopDetail }) {
  const { t } = useTranslation();
  const teamTime = useTeamTime();
  const revisions = detail.revisions;
  const [from, setFrom] = useState<string>(revisions[1]?.id ?? '');
  const [to, setTo] = useState<string>(revisions[0]!.id);
  const [lines, setLines] = useState<DiffLine[] | null>(null);
  const [minor, setMinor] = useState(false);
  const [comment, setComment] = useState('');

  useEffect(() => {
    void baton.diffSopRevisions({ id: detail.id, from: from === '' ? null : from, to }).then((result) => (result.ok ? setLines(result.value.lines) : reportError(result.error)));
  }, [detail.id, from, to]);

  const done = async (result: { ok: boolean; error?: unknown }) => {
    if (!result.ok) return;
    useSop.setState((s) => ({ revision: s.revision + 1 }));
    await refreshLibrary();
  };
  const act = async (call: () => Promise<{ ok: true; value: unknown } | { ok: false; error: Parameters<typeof reportError>[0] }>) => {
    const result = await call();
    if (!result.ok) reportError(result.error, 'errors.couldNotSave');
    await done(result);
  };
  const restore = (revision: RevisionView) =>
    act(() => baton.saveSopRevision({ id: detail.id, parents: detail.editFrom ? [detail.editFrom.id] : [], title: revision.title, body: revision.body, checklist: [...revision.checklist], pictures: [...revision.pictures], restores: revision.id }));
  const label = (revision: RevisionView) => `${revision.version === null ? t(`sop.status.${revision.status}`) : t('sop.version', { version: revision.version })} · ${revision.by.name} · ${teamTime(revision.at, { dateStyle: 'short', timeStyle: 'short' })}`;

  return (
    <Card id="sop-history" title={t('sop.history.title', { count: revisions.length })}>
      <ol className="sop-history">
        {revisions.map((revision) => (
          <li key={revision.id} className="sop-history__item">
            <span>{label(revision)}</span>
            <span className={`badge ${revision.status === 'published' ? 'badge--ok' : revision.status === 'returned' ? 'badge--danger' : revision.status === 'submitted' ? 'badge--accent' : ''}`}>{t(`sop.status.${revision.status}`)}</span>
            {revision.restores && <span className="muted">{t('sop.history.restored')}</span>}
            {revision.returnComment && <span className="muted">“{revision.returnComment}”</span>}
            <span className="button-row">
              {revision.status === 'draft' && detail.viewer.canWrite && (
                <button type="button" className="button" onClick={() => void act(() => baton.submitSopRevision({ id: detail.id, revision: revision.id }))}>
                  {t('sop.history.submit')}
                </button>
              )}
              {revision.status !== 'published' && revision.status !== 'returned' && detail.viewer.isLead && (
                <>
                  <button type="button" className="button button--primary" onClick={() => void act(() => baton.publishSopRevision({ id: detail.id, revision: revision.id, minor }))}>
                    {t('sop.history.publish')}
                  </button>
                  <label className="check">
                    <input type="checkbox" checked={minor} onChange={(event) => setMinor(event.target.checked)} />
                    {t('sop.history.minor')}
                  </label>
                  <input className="input input--medium" value={comment} placeholder={t('sop.history.returnComment')} aria-label={t('sop.history.returnComment')} onChange={(event) => setComment(event.target.value)} />
                  <button type="button" className="button" disabled={comment.trim() === ''} onClick={() => void act(() => baton.returnSopRevision({ id: detail.id, revision: revision.id, comment }))}>
                    {t('sop.history.return')}
                  </button>
                </>
              )}
              {!revision.isHead && detail.viewer.canWrite && (
                <button type="button" className="button" onClick={() => void restore(revision)}>
                  {t('sop.history.restore')}
                </button>
              )}
            </span>
          </li>
        ))}
      </ol>
      <div className="input-row">
        <label>
          {t('sop.history.from')}{' '}
          <select className="input" value={from} onChange={(event) => setFrom(event.target.value)}>
            <option value="">{t('sop.history.empty')}</option>
            {revisions.map((revision) => (
              <option key={revision.id} value={revision.id}>{label(revision)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('sop.history.to')}{' '}
          <select className="input" value={to} onChange={(event) => setTo(event.target.value)}>
            {revisions.map((revision) => (
              <option key={revision.id} value={revision.id}>{label(revision)}</option>
            ))}
          </select>
        </label>
      </div>
      {lines && <DiffView lines={lines} />}
    </Card>
  );
}
