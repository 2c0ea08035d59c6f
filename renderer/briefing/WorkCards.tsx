import { useTranslation } from 'react-i18next';
import type { ChecklistSection, SopsSection } from '../../shared/briefing';
import { shiftInstance, type ShiftType } from '../../shared/team-settings';
import { Card } from '../app/ui/Card';
import { formatInZone, settingName } from '../app/format';
import { useLanguage } from '../i18n/use-language';
import { shiftHours } from './format';
import { PlaceLink } from './PlaceLink';

/** My shift's checklist from the SOPs: past due first in the count, the next item marked; its link names the shift ("早班 08:00–16:00"), as the duty card does. */
export function ChecklistCard({ section, shiftTypes, timeZone }: { section: ChecklistSection; shiftTypes: readonly ShiftType[]; timeZone: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = settingName(shiftTypes, section.shift.shiftTypeId, language);
  const instance = shiftInstance(section.shift, shiftTypes, timeZone);
  return (
    <Card
      id="briefing-checklist"
      title={t('briefing.checklist.title', { shift: name, done: section.done, total: section.items.length })}
      aside={section.pastDue > 0 ? <span className="badge badge--danger">{t('briefing.checklist.pastDue', { count: section.pastDue })}</span> : undefined}
    >
      <ul className="briefing__list">
        {section.items.map((item) => (
          <li key={item.key} className={item.state === 'past-due' ? 'briefing__row briefing__row--overdue' : 'briefing__row'}>
            <div className="briefing__row-main">
              <span>
                {item.slot} {item.title}
              </span>
              <p className="briefing__meta">
                <span>{item.sopTitle}</span>
                {item.state === 'done' && item.doneBy && <span className="badge badge--ok">{t('briefing.checklist.doneBy', { name: item.doneBy.name })}</span>}
                {item.state === 'past-due' && <span className="badge badge--danger">{t('briefing.checklist.late')}</span>}
                {item.key === section.next && <span className="badge badge--warning">{t('briefing.checklist.next')}</span>}
              </p>
            </div>
          </li>
        ))}
      </ul>
      <PlaceLink place={section.place}>{t('briefing.checklist.open', { shift: instance ? `${name} ${shiftHours(instance, timeZone, language)}` : name })}</PlaceLink>
    </Card>
  );
}

/** SOPs I must (re-)acknowledge, with how much changed, and versions published since I was last here. */
export function SopsCard({ section, timeZone }: { section: SopsSection; timeZone: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card
      id="briefing-sops"
      title={t('briefing.sops.title')}
      aside={section.toAcknowledge.length > 0 ? <span className="badge badge--warning">{t('briefing.sops.waiting', { count: section.toAcknowledge.length })}</span> : undefined}
    >
      <ul className="briefing__list">
        {section.toAcknowledge.map((item) => (
          <li key={item.sopId} className="briefing__row">
            <div className="briefing__row-main">
              <PlaceLink place={item.place}>{item.title}</PlaceLink>
              <p className="briefing__meta">
                <span>
                  {item.lastAcknowledgedVersion === null
                    ? t('briefing.sops.new', { version: item.version })
                    : t('briefing.sops.changed', { version: item.version, last: item.lastAcknowledgedVersion, added: item.linesAdded, removed: item.linesRemoved })}
                </span>
              </p>
            </div>
          </li>
        ))}
        {section.changed.map((item) => (
          <li key={`${item.sopId}:${item.version}`} className="briefing__row">
            <div className="briefing__row-main">
              <PlaceLink place={item.place}>{item.title}</PlaceLink>
              <p className="briefing__meta">
                <span>{t(item.minor ? 'briefing.sops.publishedMinor' : 'briefing.sops.published', { version: item.version, name: item.publishedBy, at: formatInZone(item.publishedAt, timeZone, language) })}</span>
              </p>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
