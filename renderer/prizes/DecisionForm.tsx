import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestDetail } from '../../shared/api/prizes-contract';
import type { DecisionOutcome } from '../../shared/prizes';
import { baton } from '../bridge/baton';
import { issueText } from './issue-text';
import { act } from './use-request';

/** The step waiting for me: approve, return with a comment, or reject with a reason (budget warnings shown first). */
export function DecisionForm({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const can = detail.can.decide;
  if (!can) return null;
  const decide = async (outcome: DecisionOutcome) => {
    const sent = comment;
    const issues = await act(() => baton.decidePrizeStep({ id: detail.view.id, step: can.step, outcome, comment: sent }));
    setErrors(issues.map((issue) => issueText(issue, t, 'decision-')));
    // The next step's form may show (and be typed in) before this answer: only what was sent is cleared.
    if (issues.length === 0) setComment((current) => (current === sent ? '' : current));
  };
  return (
    <div className="inset decision">
      <p><strong>{t('prizes.decide.title', { step: can.step + 1 })}</strong>{can.asDelegateOf && ` ${t('prizes.asDelegateOf', { name: can.asDelegateOf })}`}</p>
      {detail.warnings.map((warning) => <p key={warning} className="budget-line--over" role="alert">{t(`prizes.warning.${warning}`)}</p>)}
      <label className="field__label" htmlFor="decision-comment">{t('prizes.decide.comment')}</label>
      <textarea id="decision-comment" className="input" rows={2} value={comment} onChange={(event) => setComment(event.target.value)} />
      {errors.length > 0 && <p className="field__error" role="alert">{errors.join(' ')}</p>}
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => void decide('approve')}>{t('prizes.decide.approve')}</button>
        <button type="button" className="button" onClick={() => void decide('return')}>{t('prizes.decide.return')}</button>
        <button type="button" className="button prize-reject" onClick={() => void decide('reject')}>{t('prizes.decide.reject')}</button>
      </div>
    </div>
  );
}
