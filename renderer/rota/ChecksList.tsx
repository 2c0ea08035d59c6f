import { useTranslation } from 'react-i18next';
import type { RotaView } from '../../shared/api/rota-views';
import { groupChecks, type RotaCheck } from '../../shared/rota';
import { Card } from '../app/ui/Card';
import { useLanguage } from '../i18n/use-language';
import { dayLabel, monthLabel, useCheckText, useNames } from './format';
import { setRotaView } from './rota-store';
import { UnlessArriving } from '../sync/StillArriving';

/** Up to this many checks of a kind, its weeks are open at once; more, and the lead opens the week they want. */
const OPEN_UP_TO = 6;

/**
 * The checks of the days shown and the days ahead, by kind and week with counts (a month of gaps
 * is a few lines to open, not sixty warnings); each links to its slot in its month's grid. A month
 * with nothing planned is named once, with what to do first.
 */
export function ChecksList({ view }: { view: RotaView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = useNames(view.members);
  const checkText = useCheckText(view.shiftTypes, name);
  const groups = groupChecks(view.checks);
  const item = (check: RotaCheck, index: number) => (
    <li key={index}>
      {view.me.lead ? (
        <a href="#/rota" onClick={(event) => { event.preventDefault(); setRotaView({ tab: 'month', month: check.key.slice(0, 7), selected: check.key }); }}>
          {checkText(check)}
        </a>
      ) : (
        checkText(check)
      )}
    </li>
  );
  return (
    <Card id="rota-checks" title={t('rota.tabs.checks')} description={view.me.lead ? t('rota.checksExplainLead') : t('rota.checksExplain')}>
      {view.me.lead && view.unplanned.length > 0 && (
        // While the team's records are still being read, a month may only look unplanned (the line below, or a note where there are checks, says so).
        <UnlessArriving variant={groups.length === 0 ? 'hidden' : 'line'}>
          <div className="rota-notice rota-unplanned" role="note" data-testid="checks-unplanned">
            <span>{t('rota.unplannedChecks', { months: view.unplanned.map((month) => monthLabel(month, language)).join(t('rota.listSeparator')) })}</span>
            <button type="button" className="button" onClick={() => setRotaView({ tab: 'settings', focus: 'pattern' })}>{t('rota.empty.makePattern')}</button>
          </div>
        </UnlessArriving>
      )}
      {groups.length === 0 ? (
        <UnlessArriving variant="line">
          <p className="muted">{t('rota.noChecks')}</p>
        </UnlessArriving>
      ) : (
        <div className="rota-check-groups" data-testid="checks">
          {groups.map((group) => (
            <section key={group.code} className="rota-check-group" aria-labelledby={`check-kind-${group.code}`}>
              <h3 id={`check-kind-${group.code}`} className="rota-check-group__title">
                {t(`rota.checkKind.${group.code}`)} <span className="rota-count">{group.count}</span>
              </h3>
              {group.weeks.map((week) => (
                <details key={week.week} className="rota-check-week" open={group.count <= OPEN_UP_TO}>
                  <summary>
                    {t('rota.checkWeek', { date: dayLabel(week.week, language) })} <span className="rota-count">{week.checks.length}</span>
                  </summary>
                  <ul className="rota-list">{week.checks.map(item)}</ul>
                </details>
              ))}
            </section>
          ))}
        </div>
      )}
    </Card>
  );
}
