import { useTranslation } from 'react-i18next';
import type { RotaView } from '../../shared/api/rota-views';
import { Card } from '../app/ui/Card';
import { useLanguage } from '../i18n/use-language';
import { monthLabel } from './format';
import { setRotaView } from './rota-store';

/** Months of the range nobody is on yet (a lead: nothing drafted; the others: nothing published). */
export const unplannedMonths = (view: RotaView) => view.months.filter((month) => !month.planned).map((month) => month.month);

/**
 * What a rota with nothing planned says instead of a gap on every shift: for a lead, what to do
 * first (a pattern, applied to the month in one go); for the others, that it is not published yet.
 */
export function EmptyRota({ view, months }: { view: RotaView; months: readonly string[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const named = months.map((month) => monthLabel(month, language)).join(t('rota.listSeparator'));
  if (!view.me.lead) return <p className="rota-notice" role="note" data-testid="rota-empty">{t('rota.empty.other', { month: named })}</p>;
  return (
    <Card id="rota-empty" title={t('rota.empty.leadTitle', { month: named })}>
      <div className="rota-empty" data-testid="rota-empty">
        <p>{t('rota.empty.lead')}</p>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={() => setRotaView({ tab: 'settings', focus: 'pattern' })}>
            {t('rota.empty.makePattern')}
          </button>
        </div>
        <p className="muted">{t('rota.empty.orImport')}</p>
      </div>
    </Card>
  );
}
