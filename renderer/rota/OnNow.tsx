import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Duty } from '../../shared/rota';
import { hrefOf } from '../app/nav/nav-store';
import { useLanguage } from '../i18n/use-language';
import { shiftLabel, useNames } from './format';
import { useStillArriving } from '../sync/StillArriving';
import { refreshRota, useRota, useRotaFeed } from './rota-store';
import './rota.css';

/**
 * "On now / next" in the header of every screen; links to the rota. Re-read each minute (shifts turn over).
 * While the team's records are still being read, an empty "now" is not known to be empty: it says
 * the rota is still being read, not that nobody is on duty (and shows so even before any shift is known).
 */
export function OnNow() {
  const { t } = useTranslation();
  const language = useLanguage();
  useRotaFeed();
  const onDuty = useRota((s) => s.onDuty);
  useEffect(() => {
    const timer = setInterval(() => void refreshRota(), 60_000);
    return () => clearInterval(timer);
  }, []);
  const arriving = useStillArriving();
  const name = useNames(onDuty?.names ?? {});
  const now = onDuty?.now ?? [];
  const next = onDuty?.next ?? [];
  if (now.length === 0 && next.length === 0 && !arriving) return null;
  const describe = (duties: readonly Duty[]) =>
    duties.map((duty) => `${shiftLabel(onDuty?.shiftTypes ?? [], duty.shiftTypeId, language).split(' ')[0]} ${duty.people.map((p) => name(p.memberId)).join('、') || t('rota.gap')}`).join('；');
  return (
    <a className="on-now" href={hrefOf('rota')} data-testid="on-now">
      <span>
        <span className="on-now__label">{t('rota.onNow.now')}</span> {now.length > 0 ? describe(now) : arriving ? t('rota.onNow.arriving') : t('rota.onNow.nobody')}
      </span>
      {next.length > 0 && (
        <span>
          <span className="on-now__label">{t('rota.onNow.next')}</span> {describe(next)}
        </span>
      )}
    </a>
  );
}
