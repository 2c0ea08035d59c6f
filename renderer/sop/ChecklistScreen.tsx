import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftChecklistPayload } from '../../shared/api/sop-views';
import type { ChecklistEntry } from '../../shared/sop';
import type { ShiftRef } from '../../shared/team-settings';
import { reportError } from '../app/errors/report-error';
import { CLOCK_24H } from '../app/format';
import { takeItem, usePlaceItem } from '../app/nav/nav-store';
import { shiftOfItem } from '../app/nav/shift-place';
import { Card } from '../app/ui/Card';
import { baton } from '../bridge/baton';
import { useLanguage } from '../i18n/use-language';
import { useZoneName } from '../team-settings/TimeZoneSelect';
import './sop.css';
import { useSop, useSopFeed } from './sop-store';
import { UnlessArriving } from '../sync/StillArriving';

/**
 * 本班检查单: this shift's items from the published SOPs; tick with an optional link to the post and a note.
 * Opened at a shift (`#/checklist/<date>.<shift type id>`, the briefing's link), that shift's; else the
 * one under way, or the one that started last.
 */
export function ChecklistScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const zoneName = useZoneName();
  useSopFeed();
  const revision = useSop((s) => s.revision);
  const [payload, setPayload] = useState<ShiftChecklistPayload | null>(null);
  const [links, setLinks] = useState<Record<string, string>>({});
  const item = usePlaceItem('checklist');
  const [asked, setAsked] = useState<ShiftRef | null>(() => (item === null ? null : shiftOfItem(item)));
  const [seen, setSeen] = useState(item);
  const loads = useRef(0);
  // Opened at another shift while shown: that one is asked from now on.
  if (item !== null && item !== seen) {
    setSeen(item);
    setAsked(shiftOfItem(item));
  }
  useEffect(() => {
    if (item !== null) takeItem();
  }, [item]);
  const load = () => {
    const count = ++loads.current;
    void baton.getShiftChecklist(asked ? { shift: asked } : {}).then((result) => {
      // An answer overtaken by a later ask (another shift, a tick) is dropped.
      if (count !== loads.current) return;
      if (result.ok) setPayload(result.value);
      else reportError(result.error);
    });
  };
  useEffect(load, [revision, asked]);
  if (!payload) return <p className="muted">{t('sop.loading')}</p>;
  const shift = payload.shift;
  const titleOf = (key: string) => {
    const entry = payload.entries.find((candidate) => candidate.key === key);
    return entry ? `${entry.slot} ${entry.title}` : key;
  };
  const time = (at: number) => new Intl.DateTimeFormat(language, { timeZone: payload.timeZone, hour: '2-digit', minute: '2-digit', ...CLOCK_24H }).format(at);

  const tick = async (entry: ChecklistEntry, done: boolean) => {
    if (!shift) return;
    const link = links[entry.key]?.trim();
    const result = await baton.tickChecklistItem({ date: shift.date, shiftTypeId: shift.shiftTypeId, key: entry.key, done, ...(link ? { link } : {}) });
    if (!result.ok) return reportError(result.error, 'errors.couldNotSave');
    if (!result.value.ok) return reportError({ code: 'invalid-input', message: t('sop.checklist.badLink') }, 'errors.couldNotSave');
    load();
  };

  return (
    <Card
      id="sop-checklist"
      title={shift ? t('sop.checklist.title', { date: shift.date, shift: payload.shiftName?.[language] ?? shift.shiftTypeId }) : t('sop.checklist.noShift')}
      description={t('sop.checklist.summary', { done: payload.entries.filter((entry) => entry.state === 'done').length, total: payload.entries.length, pastDue: payload.pastDue, zone: zoneName(payload.timeZone) })}
    >
      {payload.tickRefusal && <p className="alert" role="note">{t(`sop.checklist.refusal.${payload.tickRefusal}`)}</p>}
      {payload.next && <p className="sop-next">{t('sop.checklist.next', { time: payload.next.slot, title: payload.next.title })}</p>}
      {payload.entries.length === 0 && (
        <UnlessArriving variant="line">
          <p className="muted">{t('sop.checklist.empty')}</p>
        </UnlessArriving>
      )}
      {payload.truncated && <p className="field__error">{t('sop.checklist.truncated')}</p>}
      <ul className="sop-checklist">
        {payload.entries.map((entry) => (
          <li key={entry.key} className={`sop-checklist__item sop-checklist__item--${entry.state}`}>
            <label className="check">
              <input type="checkbox" checked={entry.state === 'done'} disabled={payload.tickRefusal !== null} onChange={(event) => void tick(entry, event.target.checked)} />
              <span className="sop-slot">{entry.slot}</span> {entry.title}
              {entry.contentType && <span className="badge">{t(`sop.contentType.${entry.contentType}`)}</span>}
              <span className="muted"> · {entry.sopTitle}</span>
            </label>
            {entry.state === 'past-due' && <span className="badge badge--danger">{t('sop.checklist.pastDue')}</span>}
            {entry.tick ? (
              <span className="muted">
                {t('sop.checklist.doneBy', { name: entry.tick.by.name, time: time(entry.tick.at) })} {entry.tick.link}
              </span>
            ) : (
              payload.tickRefusal === null && <input className="input input--medium" aria-label={t('sop.checklist.link', { title: entry.title, slot: entry.slot })} placeholder={t('sop.checklist.linkPlaceholder')} value={links[entry.key] ?? ''} onChange={(event) => setLinks({ ...links, [entry.key]: event.target.value })} />
            )}
          </li>
        ))}
      </ul>
      {payload.setAside.length > 0 && (
        <section className="sop-set-aside" aria-labelledby="sop-checklist-set-aside">
          <h3 className="sop-area__title" id="sop-checklist-set-aside">{t('sop.checklist.setAside.title', { count: payload.setAside.length })}</h3>
          <ul className="sop-list">
            {payload.setAside.map((entry) => (
              <li key={entry.opId}>
                {t('sop.checklist.setAside.tick', { name: entry.by.name, time: time(entry.at), title: titleOf(entry.key) })} {t(`sop.checklist.setAside.${entry.reason}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Card>
  );
}
