import { useTranslation } from 'react-i18next';
import type { RotaView } from '../../shared/api/rota-views';
import { Card } from '../app/ui/Card';
import { useCheckText, useNames } from './format';
import { setRotaView } from './rota-store';

/** Every check of the days shown and the days ahead, as a list; each links to its slot in its month's grid. */
export function ChecksList({ view }: { view: RotaView }) {
  const { t } = useTranslation();
  const name = useNames(view.members);
  const checkText = useCheckText(view.shiftTypes, name);
  return (
    <Card id="rota-checks" title={t('rota.tabs.checks')} description={view.me.lead ? t('rota.checksExplainLead') : t('rota.checksExplain')}>
      {view.checks.length === 0 ? (
        <p className="muted">{t('rota.noChecks')}</p>
      ) : (
        <ul className="rota-list" data-testid="checks">
          {view.checks.map((check, index) => (
            <li key={index}>
              {view.me.lead ? (
                <a href="#/rota" onClick={(event) => { event.preventDefault(); setRotaView({ tab: 'month', month: check.key.slice(0, 7), selected: check.key }); }}>
                  {checkText(check)}
                </a>
              ) : (
                checkText(check)
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
