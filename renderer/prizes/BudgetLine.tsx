import { useTranslation } from 'react-i18next';
import type { BudgetFigures } from '../../shared/prizes';
import { formatFen } from '../../shared/prizes';

/** Budget, committed (approved), spent (shipped) and what is left, in whole fen shown as yuan. */
export function BudgetLine({ figures, label }: { figures: BudgetFigures; label: string }) {
  const { t } = useTranslation();
  return (
    <p className="budget-line">
      <strong>{label}</strong>{' '}
      {figures.budgetFen === null ? t('prizes.budget.none') : t('prizes.budget.of', { budget: formatFen(figures.budgetFen) })} ·{' '}
      {t('prizes.budget.committed', { amount: formatFen(figures.committedFen) })} · {t('prizes.budget.spent', { amount: formatFen(figures.spentFen) })}
      {figures.remainingFen !== null && (
        <span className={figures.remainingFen < 0 ? 'budget-line--over' : undefined}> · {t('prizes.budget.remaining', { amount: formatFen(figures.remainingFen) })}</span>
      )}
    </p>
  );
}
