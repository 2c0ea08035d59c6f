import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrizeIssueOut, RequestDetail } from '../../shared/api/prizes-contract';
import type { WinnerView } from '../../shared/prizes';
import { reportError } from '../app/errors/report-error';
import { formatInZone } from '../app/format';
import { baton } from '../bridge/baton';
import { issueText } from './issue-text';
import { useLanguage } from '../i18n/use-language';
import { act } from './use-request';

/** One winner: masked contact (revealed on demand, which is recorded), contact entry, shipping. */
export function WinnerRow({ detail, winner }: { detail: RequestDetail; winner: WinnerView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [revealed, setRevealed] = useState<{ phone: string; address: string } | null>(null);
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const [issues, setIssues] = useState<readonly PrizeIssueOut[]>([]);
  const id = detail.view.id;
  const line = detail.view.lines.find((item) => item.id === winner.lineId);
  const reveal = async () => {
    const result = await baton.revealPrizeContact({ id, winnerId: winner.id });
    if (result.ok) setRevealed(result.value);
    else reportError(result.error);
  };
  return (
    <li className="winner">
      <p>
        <strong>{winner.weiboName}</strong> · {line?.prize}
        {winner.shipment && <span className="prize-status prize-status--approved"> {t('prizes.fulfil.shipped', { carrier: winner.shipment.carrier, tracking: winner.shipment.tracking })}</span>}
      </p>
      {winner.contact && (
        <p className="winner__contact">
          {winner.contact.purged ? t('prizes.fulfil.purged') : revealed ? `${revealed.phone} · ${revealed.address}` : `${winner.contact.masked.phone} · ${winner.contact.masked.address}`}
          {!winner.contact.purged && !revealed && detail.can.fulfil && <button type="button" className="link-button" onClick={() => void reveal()}>{t('prizes.fulfil.reveal')}</button>}
          {winner.reveals.length > 0 && <span className="muted"> · {t('prizes.fulfil.reveals', { list: winner.reveals.map((item) => `${item.by.name} ${formatInZone(item.at, detail.timeZone, language)}`).join('、') })}</span>}
        </p>
      )}
      {detail.can.fulfil && !winner.contact && (
        <form className="prize-form__row" onSubmit={(event) => { event.preventDefault(); void act(() => baton.storePrizeContact({ id, winnerId: winner.id, phone, address })).then(setIssues); }}>
          <input aria-label={t('prizes.fulfil.phone')} placeholder={t('prizes.fulfil.phone')} className="input" value={phone} onChange={(event) => setPhone(event.target.value)} />
          <input aria-label={t('prizes.fulfil.address')} placeholder={t('prizes.fulfil.address')} className="input" value={address} onChange={(event) => setAddress(event.target.value)} />
          <button type="submit" className="button">{t('prizes.fulfil.saveContact')}</button>
        </form>
      )}
      {detail.can.fulfil && !winner.shipment && (
        <form className="prize-form__row" onSubmit={(event) => { event.preventDefault(); void act(() => baton.shipPrize({ id, winnerId: winner.id, carrier, tracking })).then(setIssues); }}>
          <input aria-label={t('prizes.fulfil.carrier')} placeholder={t('prizes.fulfil.carrier')} className="input prize-form__narrow" value={carrier} onChange={(event) => setCarrier(event.target.value)} />
          <input aria-label={t('prizes.fulfil.tracking')} placeholder={t('prizes.fulfil.tracking')} className="input" value={tracking} onChange={(event) => setTracking(event.target.value)} />
          <button type="submit" className="button">{t('prizes.fulfil.ship')}</button>
        </form>
      )}
      {issues.length > 0 && <p className="field__error" role="alert">{issues.map((issue) => issueText(issue, t)).join(' ')}</p>}
    </li>
  );
}
