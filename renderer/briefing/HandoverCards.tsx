import { useTranslation } from 'react-i18next';
import type { ChangesSection, HandoverToWriteSection, NoteItem, PreviousHandoverSection } from '../../shared/briefing';
import type { ShiftType } from '../../shared/team-settings';
import { Card } from '../app/ui/Card';
import { formatInZone, settingName } from '../app/format';
import { useLanguage } from '../i18n/use-language';
import { useCanWrite } from '../team/use-can-write';
import { useStillArriving } from '../sync/StillArriving';
import { PlaceLink } from './PlaceLink';

interface Props {
  timeZone: string;
  shiftTypes: readonly ShiftType[];
}

/**
 * A note in the briefing. Acknowledging means having read it (#17 item 5): the card never signs,
 * it opens the note, whose 签收 button sits under the whole text.
 */
function NoteRow({ note, timeZone, signable }: { note: NoteItem; timeZone: string; signable: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const canWrite = useCanWrite();
  const byline = t('handover.note.byline', { name: note.author.name, at: formatInZone(note.at, timeZone, language) });
  const toSign = signable && note.acknowledgedAt === null;
  return (
    <li className="briefing__row">
      <div className="briefing__row-main">
        {toSign ? <span>{byline}</span> : <PlaceLink place={note.place}>{byline}</PlaceLink>}
        {note.excerpt && <p className="briefing__excerpt">{note.excerpt}</p>}
      </div>
      {signable && note.acknowledgedAt !== null && (
        <span className="badge badge--ok">{t('handover.previous.signedAt', { at: formatInZone(note.acknowledgedAt, timeZone, language) })}</span>
      )}
      {toSign && (
        <PlaceLink place={note.place} className={canWrite ? 'button button--primary' : 'button'} acknowledge>
          {t(canWrite ? 'handover.previous.readAndSign' : 'handover.previous.read')}
        </PlaceLink>
      )}
    </li>
  );
}

/** The previous shift's notes, each to open, read and sign for (签收). */
export function PreviousHandoverCard({ section, timeZone, shiftTypes }: Props & { section: PreviousHandoverSection }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const waiting = section.notes.filter((note) => !note.acknowledged).length;
  return (
    <Card
      id="briefing-previous"
      title={t('handover.previous.title', { date: section.shift.date, shift: settingName(shiftTypes, section.shift.shiftTypeId, language) })}
      aside={waiting > 0 ? <span className="badge badge--warning">{t('briefing.previous.waiting', { count: waiting })}</span> : undefined}
    >
      <ul className="briefing__list">
        {section.notes.map((note) => (
          <NoteRow key={note.id} note={note} timeZone={timeZone} signable />
        ))}
      </ul>
      {waiting > 0 && <p className="card__description">{t('handover.previous.hint')}</p>}
    </Card>
  );
}

/** My shift is ending or has just ended and no note of mine is in (or none read yet, while the team is opening). */
export function HandoverToWriteCard({ section, shiftTypes }: Props & { section: HandoverToWriteSection }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const arriving = useStillArriving();
  return (
    <Card id="briefing-write" title={t(arriving ? 'briefing.write.titleArriving' : 'briefing.write.title', { shift: settingName(shiftTypes, section.shift.shiftTypeId, language) })}>
      <p className="card__description">{t('briefing.write.hint')}</p>
      <PlaceLink place={section.place} className="button button--primary">
        {t('briefing.write.action')}
      </PlaceLink>
    </Card>
  );
}

/** Others' notes since I was last here that I have not signed. */
export function ChangesCard({ section, timeZone }: Props & { section: ChangesSection }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card id="briefing-changes" title={t('briefing.changes.title')} description={t('briefing.changes.since', { at: formatInZone(section.since, timeZone, language) })}>
      <ul className="briefing__list">
        {section.notes.map((note) => (
          <NoteRow key={note.id} note={note} timeZone={timeZone} signable={false} />
        ))}
      </ul>
    </Card>
  );
}
