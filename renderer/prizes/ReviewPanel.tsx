import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../shared/api/prizes-contract';
import type { DecisionOutcome } from '../../shared/prizes';
import { formatInZone } from '../app/format';
import { baton } from '../bridge/baton';
import { useLanguage } from '../i18n/use-language';
import { act } from './use-request';

/** "Needs review": both clashing events side by side; a lead settles it with a new recorded decision. */
export function ReviewPanel({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const review = detail.view.review;
  if (!review) return null;
  const settle = async (target: Parameters<typeof baton.settlePrizeRequest>[0]['target']) => {
    const issues = await act(() => baton.settlePrizeRequest({ id: detail.view.id, target, comment }));
    setError(issues.length > 0 ? t('prizes.review.commentRequired') : null);
  };
  return (
    <div className="inset review" role="alert">
      <p><strong>{t('prizes.review.title')}</strong> {t(review.kind === 'step' ? 'prizes.review.stepHint' : 'prizes.review.shipmentHint', { step: review.kind === 'step' ? review.step + 1 : 0 })}</p>
      <ul>
        {review.kind === 'step'
          ? review.events.map((event) => (
              <li key={event.opId}>{t(`prizes.outcome.${event.outcome}`)} · {event.by.name} · {formatInZone(event.at, detail.timeZone, language)}{event.comment && ` · “${event.comment}”`}</li>
            ))
          : review.events.map((event) => (
              <li key={event.opId}>
                {event.carrier} {event.tracking} · {event.by.name} · {formatInZone(event.at, detail.timeZone, language)}
                {detail.can.settle && <button type="button" className="link-button" onClick={() => void settle({ kind: 'shipment', winnerId: review.winnerId, keep: event.opId })}>{t('prizes.review.keep')}</button>}
              </li>
            ))}
      </ul>
      {detail.can.settle ? (
        <>
          <label className="field__label" htmlFor="review-comment">{t('prizes.review.comment')}</label>
          <textarea id="review-comment" className="input" rows={2} value={comment} onChange={(event) => setComment(event.target.value)} />
          {error && <p className="field__error" role="alert">{error}</p>}
          {review.kind === 'step' && (
            <div className="button-row">
              {(['approve', 'return', 'reject'] as DecisionOutcome[]).map((outcome) => (
                <button key={outcome} type="button" className="button" onClick={() => void settle({ kind: 'step', step: review.step, outcome })}>{t(`prizes.review.settle.${outcome}`)}</button>
              ))}
            </div>
          )}
        </>
      ) : (
        <p className="muted">{t('prizes.review.leadOnly')}</p>
      )}
    </div>
  );
}
