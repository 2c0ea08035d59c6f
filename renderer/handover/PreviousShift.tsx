import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language';
import { useCanWrite } from '../team/use-can-write';
import { formatInZone } from '../app/format';
import { openNote, useHandover } from './handover-store';
import { describeShift } from './shift-words';

/**
 * The previous shift's notes at the top: what the incoming person reads and acknowledges (签收).
 * Signing means having read: the card opens the note, and the 签收 button is under the note's text.
 */
export function PreviousShift() {
  const { t } = useTranslation();
  const language = useLanguage();
  const context = useHandover((s) => s.context);
  const canWrite = useCanWrite();
  if (!context?.previous) return null;
  const { previous, me } = context;
  return (
    <section className="card previous" aria-labelledby="previous-title">
      <h2 className="card__title" id="previous-title">
        {t('handover.previous.title', { shift: describeShift(previous.shift, context.shiftTypes, language) })}
      </h2>
      <ul className="previous__list">
        {previous.notes.map((view) => {
          const signed = me !== null ? view.acknowledgements.find((ack) => ack.by.memberId === me.memberId) : undefined;
          const byline = t('handover.note.byline', { name: view.note.author.name, at: formatInZone(view.note.at, context.timeZone, language) });
          return (
            <li key={view.id} className="previous__item">
              {signed ? (
                <>
                  <button type="button" className="link-button" onClick={() => openNote(view.id)}>{byline}</button>
                  <span className="badge badge--ok">{t('handover.previous.signedAt', { at: formatInZone(signed.at, context.timeZone, language) })}</span>
                </>
              ) : (
                <>
                  <span>{byline}</span>
                  <button type="button" className={canWrite ? 'button button--primary' : 'button'} onClick={() => openNote(view.id)}>
                    {t(canWrite ? 'handover.previous.readAndSign' : 'handover.previous.read')}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {canWrite && previous.notes.some((view) => !view.acknowledgements.some((ack) => ack.by.memberId === me?.memberId)) && (
        <p className="card__description">{t('handover.previous.hint')}</p>
      )}
    </section>
  );
}
