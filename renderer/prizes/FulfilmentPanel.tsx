import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrizeIssueOut, RequestDetail } from '../../shared/api/prizes-contract';
import { baton } from '../bridge/baton';
import { issueText } from './issue-text';
import { act } from './use-request';
import { WinnerRow } from './WinnerRow';
import { UnlessArriving } from '../sync/StillArriving';

/** 兑奖: winners by hand or from a CSV (Weibo name, prize line), contact details, shipping, closing. */
export function FulfilmentPanel({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  const { view } = detail;
  const [name, setName] = useState('');
  const [lineId, setLineId] = useState(view.lines[0]?.id ?? '');
  // Kept as issues, put in words when shown: a change of language rewords them too.
  const [errors, setErrors] = useState<readonly PrizeIssueOut[]>([]);
  const importFile = async (file: File) => setErrors(await act(async () => baton.importPrizeWinners({ id: view.id, csv: await file.text() })));
  const addWinner = async (weiboName: string, line: string) => {
    const issues = await act(() => baton.addPrizeWinners({ id: view.id, winners: [{ weiboName, lineId: line }] }));
    setErrors(issues);
    // The answer comes after the refresh: the list may show this winner already and the next name
    // be typed in by now. Only the name that was sent is cleared.
    if (issues.length === 0) setName((current) => (current === weiboName ? '' : current));
  };
  if (view.status !== 'approved' && view.status !== 'closed' && view.winners.length === 0) return null;
  return (
    <div className="inset fulfilment">
      <ul className="prize-list">{view.winners.map((winner) => <WinnerRow key={winner.id} detail={detail} winner={winner} />)}</ul>
      {view.winners.length === 0 && <UnlessArriving variant="line" className="muted"><p className="muted">{t('prizes.fulfil.noWinners')}</p></UnlessArriving>}
      {detail.can.fulfil && (
        <>
          <form className="prize-form__row" onSubmit={(event) => { event.preventDefault(); void addWinner(name, lineId); }}>
            <input aria-label={t('prizes.fulfil.weiboName')} placeholder={t('prizes.fulfil.weiboName')} className="input" value={name} onChange={(event) => setName(event.target.value)} />
            <select aria-label={t('prizes.fulfil.line')} className="input" value={lineId} onChange={(event) => setLineId(event.target.value)}>
              {view.lines.map((line) => <option key={line.id} value={line.id}>{line.prize}</option>)}
            </select>
            <button type="submit" className="button">{t('prizes.fulfil.addWinner')}</button>
          </form>
          <label className="field__label" htmlFor="winners-csv">{t('prizes.fulfil.import')}</label>
          <input id="winners-csv" type="file" accept=".csv,text/csv" className="input" onChange={(event) => { const file = event.target.files?.[0]; if (file) void importFile(file); event.target.value = ''; }} />
          <p className="field__hint">{t('prizes.fulfil.importHint')}</p>
        </>
      )}
      {errors.length > 0 && <ul className="field__error" role="alert">{errors.map((issue, index) => <li key={index}>{issueText(issue, t)}</li>)}</ul>}
      {detail.can.close && <button type="button" className="button button--primary" onClick={() => void act(() => baton.closePrizeRequest({ id: view.id }))}>{t('prizes.fulfil.close')}</button>}
    </div>
  );
}
