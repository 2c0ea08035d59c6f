import { useTranslation } from 'react-i18next';
import { reportError } from '../app/errors/report-error';
import { baton } from '../bridge/baton';
import { useLanguage } from '../i18n/use-language';
import { useCanWrite } from '../team/use-can-write';
import { formatInZone, settingName } from '../app/format';
import { openNote, useHandover } from './handover-store';

/** The previous shift's notes at the top: what the incoming person reads and acknowledges (签收). */
export function PreviousShift() {
  const { t } = useTranslation();
  const language = useLanguage();
  const context = useHandover((s) => s.context);
  const canWrite = useCanWrite();
  if (!context?.previous) return null;
  const { previous, me } = context;
  const acknowledge = async (id: string) => {
    const result = await baton.acknowledgeHandover({ id });
    if (!result.ok) reportError(result.error, 'errors.couldNotSave');
  };
  return (
    <section className="card previous" aria-labelledby="previous-title">
      <h2 className="card__title" id="previous-title">
        {t('handover.previous.title', { date: previous.shift.date, shift: settingName(context.shiftTypes, previous.shift.shiftTypeId, language) })}
      </h2>
      <ul className="previous__list">
        {previous.notes.map((view) => {
          const mine = me !== null && view.note.author.memberId === me.memberId;
          const signed = me !== null && view.acknowledgements.some((ack) => ack.by.memberId === me.memberId);
          return (
            <li key={view.id} className="previous__item">
              <button type="button" className="link-button" onClick={() => openNote(view.id)}>
                {t('handover.note.byline', { name: view.note.author.name, at: formatInZone(view.note.at, context.timeZone, language) })}
              </button>
              
              {signed ? (
                <span className="badge badge--ok">{t('handover.previous.signed')}</span>
              ) : (
                !mine && canWrite && (
                  <button type="button" className="button button--primary" onClick={() => void acknowledge(view.id)}>
                    {t('handover.note.acknowledge')}
                  </button>
                )
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
