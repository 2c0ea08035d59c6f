import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language';
import { formatInZone } from '../app/format';
import { openNote, useHandover } from './handover-store';
import { describeShift } from './shift-words';

/** The author's last note, where they look when they come back: who signed it (签收) and when, or that nobody has yet. */
export function MyLastNote() {
  const { t } = useTranslation();
  const language = useLanguage();
  const context = useHandover((s) => s.context);
  const mine = context?.mine;
  if (!context || !mine) return null;
  const { acknowledgements } = mine;
  return (
    <section className="card mine" aria-labelledby="mine-title">
      <div className="card__head">
        <h2 className="card__title" id="mine-title">{t('handover.mine.title', { shift: describeShift(mine.note, context.shiftTypes, language) })}</h2>
        <button type="button" className="link-button" onClick={() => openNote(mine.id)}>{t('handover.mine.open')}</button>
      </div>
      <p className={acknowledgements.length === 0 ? 'note__acks note__acks--none' : 'note__acks'} role="status">
        {acknowledgements.length === 0
          ? t('handover.mine.nobody')
          : acknowledgements.map((ack) => t('handover.note.acknowledgedBy', { name: ack.by.name, at: formatInZone(ack.at, context.timeZone, language) })).join(t('handover.shiftChoice.listSeparator'))}
      </p>
    </section>
  );
}
