import { useTranslation } from 'react-i18next';
import type { PublishChange } from '../../shared/rota';
import { formatInZone } from '../app/format';
import { Card } from '../app/ui/Card';
import { useLanguage } from '../i18n/use-language';
import { dateLabel, shiftLabel } from './format';
import { useRota } from './rota-store';

type ChangeKey = `added-${'working' | 'backup'}` | `removed-${'working' | 'backup'}` | `now-${'working' | 'backup'}`;
const changeKey = (change: PublishChange): ChangeKey => change.before === null ? `added-${change.after!}` : change.after === null ? `removed-${change.before}` : `now-${change.after}`;

/** "What changed for me": the shifts ahead that the latest publish of each month added, took away or turned into backup. */
export function WhatChanged() {
  const { t } = useTranslation();
  const language = useLanguage();
  const onDuty = useRota((s) => s.onDuty);
  if (!onDuty || onDuty.news.length === 0) return null;
  return (
    <Card id="rota-what-changed" title={t('rota.changed.title')} description={t('rota.changed.explain')}>
      {onDuty.news.map((news) => (
        <div key={news.month} data-testid="what-changed">
          <p className="muted">{t('rota.changed.published', { month: news.month, at: formatInZone(news.publishedAt, onDuty.timeZone, language) })}</p>
          <ul className="rota-list">
            {news.changes.map((change) => (
              <li key={change.key} className={`rota-change rota-change--${change.after === null ? 'removed' : 'added'}`}>
                <strong>{dateLabel(change.key.slice(0, 10), language)} {shiftLabel(onDuty.shiftTypes, change.key.slice(11), language)}</strong>{' '}
                {t(`rota.changed.${changeKey(change)}`)}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Card>
  );
}
