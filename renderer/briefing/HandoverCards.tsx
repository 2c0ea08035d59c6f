import { useTranslation } from 'react-i18next';
import type { ChangesSection, HandoverToWriteSection, NoteItem, PreviousHandoverSection } from '../../shared/briefing';
import type { ShiftType } from '../../shared/team-settings';
import { reportError } from '../app/errors/report-error';
import { Card } from '../app/ui/Card';
import { baton } from '../bridge/baton';
import { formatInZone, settingName } from '../app/format';
import { useLanguage } from '../i18n/use-language';
import { useCanWrite } from '../team/use-can-write';
import { refreshBriefing } from './briefing-store';
import { PlaceLink } from './PlaceLink';

interface Props {
  timeZone: string;
  shiftTypes: readonly ShiftType[];
}

function NoteRow({ note, timeZone, signable }: { note: NoteItem; timeZone: string; signable: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const canWrite = useCanWrite();
  const acknowledge = async () => {
    const result = await baton.acknowledgeHandover({ id: note.id });
    if (!result.ok) reportError(result.error, 'errors.couldNotSave');
    await refreshBriefing();
  };
  return (
    <li className="briefing__row">
      <div className="briefing__row-main">
        <PlaceLink place={note.place}>{t('handover.note.byline', { name: note.author.name, at: formatInZone(note.at, timeZone, language) })}</PlaceLink>
        {note.excerpt && <p className="briefing__excerpt">{note.excerpt}</p>}
      </div>
      {signable &&
        (note.acknowledged ? (
          <span className="badge badge--ok">{t('handover.previous.signed')}</span>
        ) : (
          canWrite && (
            <button type="button" className="button button--primary" data-briefing-acknowledge="" onClick={() => void acknowledge()}>
              {t('handover.note.acknowledge')}
            </button>
          )
        ))}
    </li>
  );
}

/** The previous shift's notes, each to read and sign for (签收) right here. */
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
    </Card>
  );
}

/** My shift is ending or has just ended and no note of mine is in. */
export function HandoverToWriteCard({ section, shiftTypes }: Props & { section: HandoverToWriteSection }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Card id="briefing-write" title={t('briefing.write.title', { shift: settingName(shiftTypes, section.shift.shiftTypeId, language) })}>
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
