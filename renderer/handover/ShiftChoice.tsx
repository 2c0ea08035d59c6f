import { useTranslation } from 'react-i18next';
import type { HandoverSummary, ShiftContext } from '../../shared/api/handover-views';
import type { HandoverDraft } from '../../shared/handover';
import { useLanguage } from '../i18n/use-language';
import { formatInZone } from '../app/format';
import { describeShift, sameShift } from './shift-words';
import { DateField } from '../app/ui/DateFields';
import { useZoneName } from '../team-settings/TimeZoneSelect';

interface Props {
  context: ShiftContext;
  draft: HandoverDraft;
  /** Notes already submitted for the chosen shift. */
  existing: readonly HandoverSummary[];
  onChange: (change: Partial<Pick<HandoverDraft, 'date' | 'shiftTypeId'>>) => void;
}

/**
 * The date and shift a note is for, and in words why that shift was proposed: at 04:12 no shift
 * is under way, and a stand-in must see that the late shift which ended at midnight was picked.
 */
export function ShiftChoice({ context, draft, existing, onChange }: Props) {
  const { t } = useTranslation();
  const zoneName = useZoneName();
  const language = useLanguage();
  const activeTypes = context.shiftTypes.filter((type) => type.retired !== true);
  const { proposal } = context;
  const shift = (ref: Parameters<typeof describeShift>[0]) => describeShift(ref, context.shiftTypes, language);
  const now = formatInZone(context.now, context.timeZone, language);
  let why: string | null = null;
  if (proposal && sameShift(draft, proposal.shift)) {
    why = proposal.reason === 'current'
      ? t('handover.shiftChoice.current', { shift: shift(proposal.shift), now })
      : t(proposal.upcoming ? 'handover.shiftChoice.lastEnded' : 'handover.shiftChoice.lastEndedNoNext', {
          shift: shift(proposal.shift),
          now,
          next: proposal.upcoming ? shift(proposal.upcoming) : '',
        });
  }
  return (
    <div className="write__shift">
      <DateField id="write-date" label={t('handover.write.date')} value={draft.date} onChange={(date) => date && onChange({ date })} />
      <div>
        <label className="field__label" htmlFor="write-shift">{t('handover.write.shift')}</label>
        <select id="write-shift" className="input" value={draft.shiftTypeId} onChange={(e) => onChange({ shiftTypeId: e.target.value })}>
          {activeTypes.map((type) => (
            <option key={type.id} value={type.id}>{`${type.name[language]} ${type.start}–${type.end}`}</option>
          ))}
        </select>
      </div>
      <p className="field__hint write__why" data-testid="shift-why">
        {why ?? (proposal ? t('handover.shiftChoice.other', { shift: shift(proposal.shift) }) : null)}
        {!why && proposal && (
          <button type="button" className="link-button" onClick={() => onChange({ date: proposal.shift.date, shiftTypeId: proposal.shift.shiftTypeId })}>
            {t('handover.shiftChoice.useProposed')}
          </button>
        )}
      </p>
      <p className="field__hint">{t('handover.write.zone', { zone: zoneName(context.timeZone), now })}</p>
      {existing.length > 0 && (
        <p className="write__warning" role="alert">
          {t('handover.shiftChoice.existing', {
            count: existing.length,
            shift: shift(draft),
            names: existing.map((note) => t('handover.shiftChoice.existingBy', { name: note.author.name, at: formatInZone(note.at, context.timeZone, language) })).join(t('handover.shiftChoice.listSeparator')),
          })}
        </p>
      )}
    </div>
  );
}
