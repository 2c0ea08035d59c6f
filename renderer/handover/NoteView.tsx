import { useTranslation } from 'react-i18next';
import type { HandoverView } from '../../shared/api/handover-views';
import { SECTION_KEYS } from '../../shared/handover';
import { reportError } from '../app/errors/report-error';
import { baton } from '../bridge/baton';
import { useLatestAnswer } from '../app/stores/latest-answer';
import { FollowUpSummary } from './FollowUpSummary';
import type { MessageKey } from '../i18n/resources';
import { useLanguage } from '../i18n/use-language';
import { Markdown } from '../markdown/Markdown';
import { useCanWrite } from '../team/use-can-write';
import { AddendumForm } from './AddendumForm';
import { HandoverChecklist } from '../sop/HandoverChecklist';
import { Attachments } from '../attachments/Attachments';
import { formatInZone, settingName } from '../app/format';
import { showTab, useHandover } from './handover-store';
import { PrintButton } from './PrintButton';

function NoteBody({ view, timeZone }: { view: HandoverView; timeZone: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { note } = view;
  return (
    <>
      <p className="note__byline">{t('handover.note.byline', { name: note.author.name, at: formatInZone(note.at, timeZone, language) })}</p>
      {SECTION_KEYS.filter((key) => note.sections[key].trim() !== '').map((key) => (
        <section key={key} className="note__section">
          <h3>{t(`handover.section.${key}` as MessageKey)}</h3>
          <Markdown source={note.sections[key]} />
        </section>
      ))}
      <HandoverChecklist items={note.checklist} className="note__section" />
      <Attachments items={note.attachments} />
      {view.addenda.length > 0 && (
        <section className="note__section">
          <h3>{t('handover.note.addenda')}</h3>
          <ul className="note__addenda">
            {view.addenda.map((addendum) => (
              <li key={addendum.opId}>
                <p className="muted">{t('handover.note.addendumBy', { name: addendum.author.name, at: formatInZone(addendum.at, timeZone, language) })}</p>
                <Markdown source={addendum.text} />
                <Attachments items={addendum.attachments} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className={view.acknowledgements.length === 0 ? 'note__acks note__acks--none' : 'note__acks'} role="status">
        {view.acknowledgements.length === 0
          ? t('handover.note.notAcknowledged')
          : view.acknowledgements.map((ack) => t('handover.note.acknowledgedBy', { name: ack.by.name, at: formatInZone(ack.at, timeZone, language) })).join('；')}
      </p>
    </>
  );
}

/** A submitted note: sections as sanitised Markdown, attachments, addenda, acknowledgements; sign, add, print. */
export function NoteView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { noteId, context, revision } = useHandover();
  const canWrite = useCanWrite();
  const detail = useLatestAnswer(noteId ? () => baton.getHandover({ id: noteId }) : null, [noteId, revision]);

  if (!detail || !context) return <p className="muted">{t('handover.loading')}</p>;
  const { note } = detail;
  const departmentName = (id: string | null) => settingName(context.departments, id, language);

  const acknowledge = async () => {
    const result = await baton.acknowledgeHandover({ id: detail.id });
    if (!result.ok) reportError(result.error, 'errors.couldNotSave');
  };
  const title = t('handover.note.title', { date: note.date, shift: settingName(context.shiftTypes, note.shiftTypeId, language) });

  return (
    <article className="card note" aria-labelledby="note-title">
      <div className="card__head note__head">
        <h2 className="card__title" id="note-title">
          {title}
        </h2>
        <div className="button-row no-print">
          <button type="button" className="button" onClick={() => showTab('history')}>{t('handover.note.back')}</button>
          <PrintButton title={title} />
        </div>
      </div>
      <NoteBody view={detail} timeZone={context.timeZone} />
      {detail.followUps.length > 0 && (
        <section className="note__section">
          <h3>{t('handover.note.followUps')}</h3>
          <ul className="fu-list">
            {detail.followUps.map((item) => (
              <li key={item.id}><FollowUpSummary item={item} timeZone={context.timeZone} departmentName={departmentName} /></li>
            ))}
          </ul>
        </section>
      )}
      {detail.sameShift.map((other) => (
        <section key={other.id} className="note__other">
          <h3>{t('handover.note.sameShift')}</h3>
          <NoteBody view={other} timeZone={context.timeZone} />
        </section>
      ))}
      {detail.canAcknowledge && canWrite && (
        // Under the whole note, the other notes of the shift included: signing means having read it.
        <div className="note__sign no-print">
          <p>{t('handover.note.signHint')}</p>
          <button type="button" className="button button--primary" onClick={() => void acknowledge()}>{t('handover.note.acknowledge')}</button>
        </div>
      )}
      <AddendumForm key={detail.id} noteId={detail.id} />
    </article>
  );
}
