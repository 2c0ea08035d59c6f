import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RotaSlotView, RotaView } from '../../shared/api/rota-views';
import type { Assignment } from '../../shared/rota';
import { Card } from '../app/ui/Card';
import { baton } from '../bridge/baton';
import { useLanguage } from '../i18n/use-language';
import { dateLabel, shiftLabel, useCheckText, useNames } from './format';
import { afterWrite, setRotaView } from './rota-store';

/** The editor's React key: a new slot, or the fold changing its draft, starts the form again from what it shows. */
export const editorKey = (slot: RotaSlotView) => `${slot.key}|${JSON.stringify(slot.draft)}`;

/** The lead edits one slot of the draft: its people, its backup; sees its checks and conflicts; names an urgent stand-in. */
export function SlotEditor({ view, slot }: { view: RotaView; slot: RotaSlotView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = useNames(view.members);
  const checkText = useCheckText(view.shiftTypes, name);
  const current = slot.draft ?? { primary: [], backup: null };
  const [primary, setPrimary] = useState<string[]>(current.primary);
  const [backup, setBackup] = useState<string | null>(current.backup);
  const [standIn, setStandIn] = useState<{ memberId: string; standIn: string }>({ memberId: '', standIn: '' });
  const save = (assignment: Assignment) => afterWrite(baton.setRotaSlot({ date: slot.date, shiftTypeId: slot.shiftTypeId, ...assignment }));
  const title = `${dateLabel(slot.date, language)} ${shiftLabel(view.shiftTypes, slot.shiftTypeId, language)}`;
  const working = slot.duty?.people.map((person) => person.memberId) ?? [];
  return (
    <Card id="rota-slot" title={title} aside={<button type="button" className="button" onClick={() => setRotaView({ selected: null })}>{t('rota.close')}</button>}>
      {slot.conflicts.length > 0 && (
        <div className="rota-notice rota-notice--warn" role="status">
          <p>{t('rota.conflict.explain')}</p>
          <ul>
            {[current, ...slot.conflicts].map((assignment, index) => (
              <li key={index}>
                {assignment.primary.map(name).join('、') || t('rota.gap')}
                {assignment.backup !== null && ` · ${t('rota.backup')} ${name(assignment.backup)}`}{' '}
                <button type="button" className="button" onClick={() => void save(assignment)}>{t('rota.conflict.keep')}</button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {slot.checks.length > 0 && (
        <ul className="rota-checks" aria-label={t('rota.tabs.checks')}>
          {slot.checks.map((check, index) => <li key={index}>{checkText(check)}</li>)}
        </ul>
      )}
      <fieldset className="rota-people">
        <legend>{t('rota.primary')}</legend>
        {view.members.map((member) => (
          <label key={member.memberId} className="rota-check">
            <input
              type="checkbox"
              checked={primary.includes(member.memberId)}
              onChange={(event) => setPrimary(event.target.checked ? [...primary, member.memberId] : primary.filter((id) => id !== member.memberId))}
            />
            {member.name}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span className="field__label">{t('rota.backup')}</span>
        <select className="input input--medium" value={backup ?? ''} onChange={(event) => setBackup(event.target.value || null)}>
          <option value="">{t('rota.none')}</option>
          {view.members.map((member) => <option key={member.memberId} value={member.memberId}>{member.name}</option>)}
        </select>
      </label>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => void save({ primary, backup })}>{t('rota.saveDraft')}</button>
      </div>
      {working.length > 0 && (
        <div className="rota-urgent">
          <h3>{t('rota.standIn.title')}</h3>
          <p className="muted">{t('rota.standIn.explain')}</p>
          <div className="input-row">
            <select aria-label={t('rota.standIn.for')} className="input input--medium" value={standIn.memberId} onChange={(event) => setStandIn({ ...standIn, memberId: event.target.value })}>
              <option value="">{t('rota.standIn.for')}</option>
              {working.map((id) => <option key={id} value={id}>{name(id)}</option>)}
            </select>
            <select aria-label={t('rota.standIn.who')} className="input input--medium" value={standIn.standIn} onChange={(event) => setStandIn({ ...standIn, standIn: event.target.value })}>
              <option value="">{t('rota.standIn.who')}</option>
              {view.members.filter((member) => !working.includes(member.memberId)).map((member) => <option key={member.memberId} value={member.memberId}>{member.name}</option>)}
            </select>
            <button
              type="button"
              className="button"
              disabled={!standIn.memberId || !standIn.standIn}
              onClick={() => void afterWrite(baton.assignStandIn({ date: slot.date, shiftTypeId: slot.shiftTypeId, memberId: standIn.memberId, standIn: standIn.standIn, note: '' }))}
            >
              {t('rota.standIn.assign')}
            </button>
          </div>
        </div>
      )}
    </Card>
  );
}
