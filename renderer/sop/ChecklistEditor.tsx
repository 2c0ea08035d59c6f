import { useTranslation } from 'react-i18next';
import { CHECKLIST_KINDS, CONTENT_TYPES, DAY_RULES, HOLIDAY_RULES, type ChecklistDef } from '../../shared/sop';
import { useLanguage } from '../i18n/use-language';
import { useTeamSettings } from '../team-settings/use-team-settings';

/** The recurring tasks of an SOP: kind, title, times or interval, which shifts, days and holidays. */
export function ChecklistEditor({ items, onChange, errorAt }: { items: ChecklistDef[]; onChange: (items: ChecklistDef[]) => void; errorAt: (place: string) => string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const shiftTypes = useTeamSettings()?.settings.shiftTypes ?? [];
  // The team's shift types in use, and a retired one an item still names (so it can be unticked).
  const offered = (item: ChecklistDef) => shiftTypes.filter((type) => type.retired !== true || item.shiftTypeIds.includes(type.id));
  const toggleShift = (index: number, shiftTypeId: string) => {
    const ids = items[index]!.shiftTypeIds;
    update(index, { shiftTypeIds: ids.includes(shiftTypeId) ? ids.filter((id) => id !== shiftTypeId) : [...ids, shiftTypeId] });
  };
  const update = (index: number, change: Partial<ChecklistDef>) => onChange(items.map((item, at) => (at === index ? { ...item, ...change } : item)));
  const add = () =>
    onChange([...items, { id: `item-${Date.now().toString(36)}`, title: '', kind: 'post', contentType: 'product', times: ['10:00'], everyMinutes: null, shiftTypeIds: [], days: 'weekdays', holidays: 'skip' }]);
  return (
    <fieldset className="sop-checklist-editor">
      <legend>{t('sop.editor.checklist')}</legend>
      {items.map((item, index) => (
        <div key={item.id} className={errorAt(`checklist.${index}`) ? 'sop-item field--invalid' : 'sop-item'}>
          <input className="input" aria-label={t('sop.editor.itemTitle')} placeholder={t('sop.editor.itemTitle')} value={item.title} onChange={(event) => update(index, { title: event.target.value })} />
          <select className="input" aria-label={t('sop.editor.kindLabel')} value={item.kind} onChange={(event) => update(index, { kind: event.target.value as ChecklistDef['kind'] })}>
            {CHECKLIST_KINDS.map((kind) => <option key={kind} value={kind}>{t(`sop.editor.kind.${kind}`)}</option>)}
          </select>
          {item.kind === 'post' && (
            <>
              <select className="input" aria-label={t('sop.editor.contentType')} value={item.contentType ?? ''} onChange={(event) => update(index, { contentType: (event.target.value || null) as ChecklistDef['contentType'] })}>
                {CONTENT_TYPES.map((type) => <option key={type} value={type}>{t(`sop.contentType.${type}`)}</option>)}
              </select>
              <input className="input input--medium" aria-label={t('sop.editor.times')} placeholder="10:00, 15:00" value={item.times.join(', ')} onChange={(event) => update(index, { times: event.target.value.split(/[,，\s]+/).filter(Boolean) })} />
            </>
          )}
          {item.kind === 'sweep' && (
            <input className="input input--medium" type="number" aria-label={t('sop.editor.everyMinutes')} value={item.everyMinutes ?? ''} onChange={(event) => update(index, { everyMinutes: event.target.value === '' ? null : Math.max(0, Math.round(Number(event.target.value))) })} />
          )}
          <fieldset className="sop-item__shifts">
            <legend>{t('sop.editor.shiftTypes')}</legend>
            {offered(item).map((type) => (
              <label key={type.id} className="check">
                <input type="checkbox" checked={item.shiftTypeIds.includes(type.id)} onChange={() => toggleShift(index, type.id)} />
                {type.name[language]}
              </label>
            ))}
          </fieldset>
          <select className="input" aria-label={t('sop.editor.days')} value={item.days} onChange={(event) => update(index, { days: event.target.value as ChecklistDef['days'] })}>
            {DAY_RULES.map((rule) => <option key={rule} value={rule}>{t(`sop.days.${rule}`)}</option>)}
          </select>
          <select className="input" aria-label={t('sop.editor.holidays')} value={item.holidays} onChange={(event) => update(index, { holidays: event.target.value as ChecklistDef['holidays'] })}>
            {HOLIDAY_RULES.map((rule) => <option key={rule} value={rule}>{t(`sop.holidays.${rule}`)}</option>)}
          </select>
          <button type="button" className="button" onClick={() => onChange(items.filter((_, at) => at !== index))}>{t('sop.editor.remove')}</button>
          {errorAt(`checklist.${index}`) && <p className="field__error">{errorAt(`checklist.${index}`)}</p>}
        </div>
      ))}
      <button type="button" className="button" onClick={add}>{t('sop.editor.addItem')}</button>
    </fieldset>
  );
}
