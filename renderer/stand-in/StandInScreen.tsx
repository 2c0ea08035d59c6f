import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { currentShift, nextShift, previousShift, upcomingShift, type ShiftRef } from '../../shared/team-settings';
import { settingName } from '../app/format';
import { takeItem, usePlaceItem } from '../app/nav/nav-store';
import { shiftOfItem } from '../app/nav/shift-place';
import { shiftHours } from '../briefing/format';
import { PrintButton } from '../handover/PrintButton';
import { useHandover, useHandoverFeed } from '../handover/handover-store';
import { useLanguage } from '../i18n/use-language';
import { useZoneName } from '../team-settings/TimeZoneSelect';
import { ContactsCard, DutyCard } from './DutyAndContacts';
import { useAt } from './format';
import { showShift, useStandIn, useStandInFeed } from './stand-in-store';
import { CampaignsCard, FollowUpsCard, PostsCard, RulesCard } from './WorkCards';
import './stand-in.css';

/**
 * 代班手册: one printable page for whoever works a shift, a stand-in above all. Opened at a shift
 * (`#/stand-in/<date>.<shift type>`, from the briefing or the rota), else at the shift under way
 * or the next one; the previous and next shifts are a click away.
 */
export function StandInScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const zoneName = useZoneName();
  useStandInFeed();
  useHandoverFeed();
  const context = useHandover((s) => s.context);
  const { shift, pack, error } = useStandIn();
  const item = usePlaceItem('stand-in');
  const at = useAt(pack?.timeZone ?? context?.timeZone ?? 'Asia/Shanghai');

  useEffect(() => {
    if (item === null) return;
    takeItem();
    const asked = shiftOfItem(item);
    if (asked) showShift(asked);
  }, [item]);
  useEffect(() => {
    if (shift || item !== null || !context) return;
    const first = currentShift(context.now, context.shiftTypes, context.timeZone) ?? upcomingShift(context.now, context.shiftTypes, context.timeZone);
    if (first) showShift(first);
  }, [shift, item, context]);

  if (!context || (!pack && !error)) return <p className="muted">{t('standIn.loading')}</p>;
  const { shiftTypes, timeZone } = context;
  const step = (to: (ref: ShiftRef, types: typeof shiftTypes, zone: string) => ShiftRef | null) => {
    const target = shift && to(shift, shiftTypes, timeZone);
    if (target) showShift(target);
  };
  const shiftName = shift ? settingName(context.shiftTypes, shift.shiftTypeId, language) : '';
  return (
    <div className="stand-in">
      <div className="bar no-print">
        <div className="input-row">
          <button type="button" className="button" onClick={() => step(previousShift)}>{t('standIn.previous')}</button>
          <button type="button" className="button" onClick={() => step(nextShift)}>{t('standIn.next')}</button>
        </div>
        {pack && <PrintButton title={t('standIn.pdfTitle', { date: pack.shift.date, shift: shiftName })} />}
      </div>
      {error && <p className="notice notice--error" role="alert">{t('standIn.noShift')}</p>}
      {pack && (
        <>
          <header className="stand-in__head">
            <h2 className="stand-in__title">{t('standIn.title', { date: pack.shift.date, shift: shiftName, hours: shiftHours(pack.shift, pack.timeZone, language) })}</h2>
            <p className="muted">{t('standIn.composedAt', { at: at(pack.at), zone: zoneName(pack.timeZone) })}</p>
          </header>
          <div className="stand-in__grid">
            <DutyCard pack={pack} />
            <ContactsCard pack={pack} />
            <PostsCard pack={pack} />
            <FollowUpsCard pack={pack} departments={context.departments} />
            <CampaignsCard pack={pack} />
            <RulesCard pack={pack} />
          </div>
        </>
      )}
    </div>
  );
}
