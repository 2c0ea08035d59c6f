import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvPreview, RotaView } from '../../shared/api/rota-views';
import { Card } from '../app/ui/Card';
import { baton } from '../bridge/baton';
import { afterWrite, daysInMonth, useRota } from './rota-store';

function download(fileName: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** Exports of the month shown (iCalendar, CSV; the team's or mine) and the lead's CSV import with its preview. */
export function RotaFiles({ view }: { view: RotaView }) {
  const { t } = useTranslation();
  const month = useRota((s) => s.month);
  const [csv, setCsv] = useState<{ text: string; preview: CsvPreview } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const range = { from: `${month}-01`, to: `${month}-${String(daysInMonth(month)).padStart(2, '0')}` };
  const exportAs = async (format: 'ics' | 'csv', mine: boolean) => {
    const result = await baton.exportRota({ format, ...range, ...(mine && view.me.memberId ? { memberId: view.me.memberId } : {}) });
    if (result.ok) download(result.value.fileName, result.value.text, format === 'ics' ? 'text/calendar' : 'text/csv');
  };
  return (
    <Card id="rota-files" title={t('rota.files.title')} description={t('rota.files.explain', { month })}>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void exportAs('ics', false)}>{t('rota.files.icsTeam')}</button>
        {view.me.memberId && <button type="button" className="button" onClick={() => void exportAs('ics', true)}>{t('rota.files.icsMine')}</button>}
        <button type="button" className="button" onClick={() => void exportAs('csv', false)}>{t('rota.files.csv')}</button>
      </div>
      {view.me.lead && (
        <>
          <label className="field">
            <span className="field__label">{t('rota.files.import')}</span>
            <input
              type="file"
              accept=".csv,text/csv"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (!file) return;
                setMessage(null);
                void file.text().then(async (text) => {
                  const result = await baton.previewRotaCsv({ text });
                  if (result.ok) setCsv({ text, preview: result.value });
                  else setMessage(result.error.message);
                });
              }}
            />
          </label>
          {csv && (
            <div className="csv-preview" role="region" aria-label={t('rota.files.preview')}>
              {csv.preview.fileProblems.map((problem) => <p key={problem} className="rota-notice rota-notice--warn">{problem}</p>)}
              <p>{t('rota.files.counts', { good: csv.preview.good, bad: csv.preview.bad })}</p>
              <ul className="rota-list">
                {csv.preview.rows.filter((row) => row.problems.length > 0).slice(0, 200).map((row) => (
                  <li key={row.line}>{t('rota.files.line', { line: row.line })}: {row.problems.join('；')}</li>
                ))}
              </ul>
              <div className="button-row">
                <button
                  type="button"
                  className="button button--primary"
                  disabled={csv.preview.bad > 0 || csv.preview.fileProblems.length > 0 || csv.preview.good === 0}
                  onClick={() => void afterWrite(baton.importRotaCsv({ text: csv.text })).then((result) => {
                    setMessage(result.ok ? t('rota.files.written', { count: result.value.written }) : result.error.message);
                    setCsv(null);
                  })}
                >
                  {t('rota.files.confirm', { count: csv.preview.good })}
                </button>
                <button type="button" className="button" onClick={() => setCsv(null)}>{t('rota.cancel')}</button>
              </div>
            </div>
          )}
        </>
      )}
      {message && <p role="status">{message}</p>}
    </Card>
  );
}
