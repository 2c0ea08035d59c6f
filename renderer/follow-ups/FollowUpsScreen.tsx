import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../shared/team-settings';
import { reportError } from '../app/errors/report-error';
import { takeItem, usePlaceItem } from '../app/nav/nav-store';
import { baton } from '../bridge/baton';
import { useLatestAnswer } from '../app/stores/latest-answer';
import { useLanguage } from '../i18n/use-language';
import { FollowUpForm } from '../handover/FollowUpForm';
import { issueText, settingName } from '../app/format';
import { useHandover, useHandoverFeed } from '../handover/handover-store';
import '../handover/handover.css';
import { FollowUpDetailView } from './FollowUpDetailView';
import { FollowUpSummary } from '../handover/FollowUpSummary';
import { UnlessArriving } from '../sync/StillArriving';

/** 待跟进: every open follow-up, overdue first and red, escalations counting down; change, comment, create. */
export function FollowUpsScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  useHandoverFeed();
  const { context, revision } = useHandover();
  const [scope, setScope] = useState<'running' | 'all'>('running');
  const items = useLatestAnswer(() => baton.listFollowUps({ scope }), [scope, revision])?.items ?? [];
  const [unfolded, setUnfolded] = useState<string | null>(null);
  // Opened at one follow-up (from the briefing): it shows unfolded until the person picks another.
  const item = usePlaceItem('follow-ups');
  const open = item ?? unfolded;
  const setOpen = (id: string | null) => {
    takeItem();
    setUnfolded(id);
  };
  const [issues, setIssues] = useState<ValidationIssue[]>([]);


  if (!context) return <p className="muted">{t('handover.loading')}</p>;
  const departmentName = (id: string | null) => settingName(context.departments, id, language);

  return (
    <div className="handover">
      <section className="card" aria-labelledby="fu-list-title">
        <div className="card__head">
          <h2 className="card__title" id="fu-list-title">{t('followUps.listTitle', { count: items.length })}</h2>
          <label className="check">
            <input type="checkbox" checked={scope === 'all'} onChange={(e) => setScope(e.target.checked ? 'all' : 'running')} />
            {t('followUps.showClosed')}
          </label>
        </div>
        {items.length === 0 && (
          <UnlessArriving>
            <div className="empty-state">
              <p className="empty-state__title">{t(scope === 'all' ? 'followUps.noneEver' : 'followUps.none')}</p>
              <p className="empty-state__body">{t('followUps.noneBody')}</p>
              <button type="button" className="button button--primary" onClick={() => document.getElementById('fu-title')?.focus()}>{t('followUps.createFirst')}</button>
            </div>
          </UnlessArriving>
        )}
        <ul className="fu-list">
          {items.map((item) => (
            <li key={item.id}>
              <button type="button" className="fu-toggle" aria-expanded={open === item.id} onClick={() => setOpen(open === item.id ? null : item.id)}>
                <FollowUpSummary item={item} timeZone={context.timeZone} departmentName={departmentName} />
              </button>
              {open === item.id && <FollowUpDetailView id={item.id} revision={revision} />}
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <FollowUpForm
          context={context}
          errors={issues.map((issue) => issueText(issue, t, 'handover'))}
          submitLabel={t('followUps.create')}
          onSubmit={async (item) => {
            const result = await baton.createFollowUp({ title: item.title, owner: item.owner, dueAt: item.dueAt, category: item.category, departmentId: item.departmentId, escalation: item.escalation });
            if (!result.ok) {
              reportError(result.error, 'errors.couldNotSave');
              return false;
            }
            if (!result.value.ok) {
              setIssues(result.value.issues);
              return false;
            }
            setIssues([]);
            return true;
          }}
        />
      </section>
    </div>
  );
}
