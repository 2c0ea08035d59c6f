import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportError } from '../app/errors/report-error';
import { notify } from '../app/notices/notices-store';
import { baton } from '../bridge/baton';

/**
 * 打印 / 存为 PDF. The desktop app asks where to save and writes the window, in its print layout,
 * as a PDF; a browser tab cannot save files, so it opens the browser's print dialog, which prints
 * or saves a PDF as well.
 */
export function PrintButton({ title }: { title: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const print = async () => {
    setBusy(true);
    const result = await baton.savePdf({ fileName: title });
    setBusy(false);
    if (!result.ok) return reportError(result.error, 'errors.couldNotSavePdf');
    const outcome = result.value;
    if (outcome.outcome === 'unsupported') window.print();
    if (outcome.outcome === 'saved') notify('success', (tr) => tr('handover.print.saved', { path: outcome.path }));
  };
  return (
    <button type="button" className="button" disabled={busy} onClick={() => void print()}>
      {t('handover.print.button')}
    </button>
  );
}
