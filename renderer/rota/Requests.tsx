import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TakeCoverOutcome } from '../../shared/api/rota-contract';
import type { CoverCandidatesView, RotaRequestsView, RotaView } from '../../shared/api/rota-views';
import type { CoverView } from '../../shared/rota';
import { Card } from '../app/ui/Card';
import { baton } from '../bridge/baton';
import { useLanguage } from '../i18n/use-language';
import { dateLabel, shiftLabel, useNames, useReasonText } from './format';
import { afterWrite } from './rota-store';

function Decide({ kind, id }: { kind: 'leave' | 'cover' | 'swap'; id: string }) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => void afterWrite(baton.decideRotaRequest({ kind, id, approved: true, note: '' }))}>{t('rota.approve')}</button>
      <button type="button" className="button" onClick={() => void afterWrite(baton.decideRotaRequest({ kind, id, approved: false, note: '' }))}>{t('rota.decline')}</button>
    </>
  );
}

function CoverItem({ cover, view, requests }: { cover: CoverView; view: RotaView; requests: RotaRequestsView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = useNames(view.members);
  const reasonText = useReasonText();
  const [candidates, setCandidates] = useState<CoverCandidatesView | null>(null);
  const [outcome, setOutcome] = useState<TakeCoverOutcome | null>(null);
  const me = requests.me.memberId;
  const refusedMine = cover.refusedTakes.find((take) => take.memberId === me);
  const take = async () => {
    const result = await afterWrite(baton.takeCover({ id: cover.id }));
    if (result.ok) setOutcome(result.value);
  };
  const shown = outcome ?? (refusedMine ? (refusedMine.reason === 'taken-first' ? { outcome: 'taken-first' as const, takenBy: cover.takenBy } : { outcome: 'not-eligible' as const, reasons: refusedMine.why }) : null);
  return (
    <li data-cover={cover.id} data-place={cover.id}>
      <strong>{dateLabel(cover.date, language)} {shiftLabel(view.shiftTypes, cover.shiftTypeId, language)}</strong> · {t('rota.cover.for', { name: name(cover.memberId) })}
      {cover.note && ` · ${cover.note}`} · <span className={`status status--${cover.status}`}>{t(`rota.coverStatus.${cover.status}`, { name: name(cover.takenBy) })}</span>
      {shown?.outcome === 'taken-first' && <p className="rota-notice rota-notice--warn" role="status">{t('rota.cover.takenFirst', { name: name(shown.takenBy) })}</p>}
      {shown?.outcome === 'not-eligible' && <p className="rota-notice rota-notice--warn" role="status">{t('rota.cover.notEligible', { reasons: shown.reasons.map(reasonText).join('；') })}</p>}
      <div className="input-row">
        {cover.status === 'open' && requests.me.member && me !== cover.memberId && (
          <button type="button" className="button button--primary" onClick={() => void take()}>{t('rota.cover.take')}</button>
        )}
        {cover.status === 'open' && (
          <button type="button" className="button" onClick={() => void baton.getCoverCandidates({ id: cover.id }).then((result) => result.ok && setCandidates(result.value))}>
            {t('rota.cover.whoCan')}
          </button>
        )}
        {cover.status === 'awaiting-approval' && requests.me.lead && <Decide kind="cover" id={cover.id} />}
        {cover.status === 'open' && (me === cover.memberId || requests.me.lead) && (
          <button type="button" className="button" onClick={() => void afterWrite(baton.withdrawRotaRequest({ kind: 'cover', id: cover.id }))}>{t('rota.withdraw')}</button>
        )}
      </div>
      {candidates && cover.status === 'open' && (
        <ul className="rota-candidates">
          {candidates.candidates.map((candidate) => (
            <li key={candidate.memberId} className={candidate.reasons.length === 0 ? 'eligible' : 'ineligible'}>
              {candidate.name}: {candidate.reasons.length === 0 ? t('rota.cover.eligible') : candidate.reasons.map(reasonText).join('；')}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Leave, cover and swap requests: who asked, how each stands, and what I can do about it. */
export function Requests({ view, requests }: { view: RotaView; requests: RotaRequestsView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = useNames(view.members);
  const me = requests.me.memberId;
  const shiftText = (ref: { date: string; shiftTypeId: string }) => `${dateLabel(ref.date, language)} ${shiftLabel(view.shiftTypes, ref.shiftTypeId, language)}`;
  return (
    <>
      <Card id="rota-covers" title={t('rota.cover.title')} description={t('rota.cover.explain')}>
        {requests.covers.length === 0 ? <p className="muted">{t('rota.none')}</p> : (
          <ul className="rota-list">{requests.covers.map((cover) => <CoverItem key={cover.id} cover={cover} view={view} requests={requests} />)}</ul>
        )}
      </Card>
      <Card id="rota-leaves" title={t('rota.leave.list')}>
        {requests.leaves.length === 0 ? <p className="muted">{t('rota.none')}</p> : (
          <ul className="rota-list">
            {requests.leaves.map((leave) => (
              <li key={leave.id} data-place={leave.id}>
                <strong>{name(leave.memberId)}</strong> · {t(`rota.leaveType.${leave.leaveType}`)} · {leave.from === leave.to ? leave.from : `${leave.from} – ${leave.to}`}
                {leave.note && ` · ${leave.note}`} · <span className={`status status--${leave.status}`}>{t(`rota.leaveStatus.${leave.status}`)}</span>
                <div className="input-row">
                  {leave.status === 'pending' && requests.me.lead && <Decide kind="leave" id={leave.id} />}
                  {leave.status !== 'withdrawn' && (leave.memberId === me || requests.me.lead) && (
                    <button type="button" className="button" onClick={() => void afterWrite(baton.withdrawRotaRequest({ kind: 'leave', id: leave.id }))}>{t('rota.withdraw')}</button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card id="rota-swaps" title={t('rota.swap.title')}>
        {requests.swaps.length === 0 ? <p className="muted">{t('rota.none')}</p> : (
          <ul className="rota-list">
            {requests.swaps.map((swap) => (
              <li key={swap.id} data-place={swap.id}>
                {t('rota.swap.line', { from: name(swap.from.memberId), fromShift: shiftText(swap.from), to: name(swap.to.memberId), toShift: shiftText(swap.to) })} ·{' '}
                <span className={`status status--${swap.status}`}>{t(`rota.swapStatus.${swap.status}`)}</span>
                <div className="input-row">
                  {swap.status === 'proposed' && swap.to.memberId === me && (
                    <>
                      <button type="button" className="button button--primary" onClick={() => void afterWrite(baton.answerSwap({ id: swap.id, accepted: true }))}>{t('rota.swap.accept')}</button>
                      <button type="button" className="button" onClick={() => void afterWrite(baton.answerSwap({ id: swap.id, accepted: false }))}>{t('rota.decline')}</button>
                    </>
                  )}
                  {swap.status === 'awaiting-approval' && requests.me.lead && <Decide kind="swap" id={swap.id} />}
                  {swap.status === 'proposed' && swap.from.memberId === me && (
                    <button type="button" className="button" onClick={() => void afterWrite(baton.withdrawRotaRequest({ kind: 'swap', id: swap.id }))}>{t('rota.withdraw')}</button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {requests.setAside.length > 0 && (
        <Card id="rota-set-aside" title={t('rota.setAside.title')} description={t('rota.setAside.explain')}>
          <ul className="rota-list">
            {requests.setAside.map((entry) => <li key={entry.opId}>{name(entry.memberId)} · {t(`rota.setAside.${entry.reason}`)}</li>)}
          </ul>
        </Card>
      )}
    </>
  );
}
