import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FAIRNESS_METRICS, type FairnessMetric } from '../../shared/rota';
import { Card } from '../app/ui/Card';
import { baton } from '../bridge/baton';
import { useLatestAnswer } from '../app/stores/latest-answer';
import { useRota } from './rota-store';

const shown = (metric: FairnessMetric, value: number) => (metric === 'hours' ? Math.round(value) / 10 : value);

/** Per person: the month's or quarter's figures against the team's mean, as bars and as a table. */
export function Fairness() {
  const { t } = useTranslation();
  const month = useRota((s) => s.month);
  const [period, setPeriod] = useState<'month' | 'quarter'>('month');
  const [metric, setMetric] = useState<FairnessMetric>('hours');
  const key = period === 'month' ? month : `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
  // A failed read leaves the card out, as it always did: it is an extra beside the rota.
  const data = useLatestAnswer(() => baton.getFairness({ period: key }), [key], () => undefined);
  if (!data) return null;
  const max = Math.max(1, data.mean[metric], ...data.rows.map((row) => row[metric]));
  const barHeight = 22;
  const width = 420;
  return (
    <Card id="rota-fairness" title={t('rota.fairness.title', { period: key })} description={t('rota.fairness.explain')}>
      <div className="input-row">
        <select aria-label={t('rota.fairness.period')} className="input input--medium" value={period} onChange={(event) => setPeriod(event.target.value as 'month' | 'quarter')}>
          <option value="month">{t('rota.fairness.month')}</option>
          <option value="quarter">{t('rota.fairness.quarter')}</option>
        </select>
        <select aria-label={t('rota.fairness.metric')} className="input input--medium" value={metric} onChange={(event) => setMetric(event.target.value as FairnessMetric)}>
          {FAIRNESS_METRICS.map((m) => <option key={m} value={m}>{t(`rota.fairness.${m}`)}</option>)}
        </select>
      </div>
      <svg className="fairness-chart" role="img" aria-label={t('rota.fairness.chart', { metric: t(`rota.fairness.${metric}`) })} viewBox={`0 0 ${width + 140} ${data.rows.length * (barHeight + 6) + 10}`}>
        {data.rows.map((row, index) => {
          const y = index * (barHeight + 6) + 4;
          return (
            <g key={row.memberId}>
              <text x={0} y={y + 15} className="fairness-chart__name">{row.name}</text>
              <rect x={100} y={y} width={(row[metric] / max) * width} height={barHeight} className="fairness-chart__bar" />
              <text x={106 + (row[metric] / max) * width} y={y + 15} className="fairness-chart__value">{shown(metric, row[metric])}</text>
            </g>
          );
        })}
        <line x1={100 + (data.mean[metric] / max) * width} x2={100 + (data.mean[metric] / max) * width} y1={0} y2={data.rows.length * (barHeight + 6) + 10} className="fairness-chart__mean" />
      </svg>
      <table className="fairness-table">
        <thead>
          <tr>
            <th scope="col">{t('rota.person')}</th>
            {FAIRNESS_METRICS.map((m) => <th key={m} scope="col">{t(`rota.fairness.${m}`)}</th>)}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={row.memberId}>
              <th scope="row">{row.name}</th>
              {FAIRNESS_METRICS.map((m) => <td key={m} className={row[m] > data.mean[m] * 1.25 && row[m] - data.mean[m] >= 1 ? 'above-mean' : undefined}>{shown(m, row[m])}</td>)}
            </tr>
          ))}
          <tr className="fairness-table__mean">
            <th scope="row">{t('rota.fairness.mean')}</th>
            {FAIRNESS_METRICS.map((m) => <td key={m}>{shown(m, data.mean[m])}</td>)}
          </tr>
        </tbody>
      </table>
    </Card>
  );
}
