import { useTranslation } from 'react-i18next';
import type { SopLibrary } from '../../shared/api/sop-views';
import { Card } from '../app/ui/Card';

/** Per area: owner, backup, who acknowledged, who could run it; an area only one person knows is flagged. */
export function BusFactorCard({ areas, pendingBySop }: { areas: SopLibrary['busFactor']; pendingBySop: SopLibrary['pendingBySop'] }) {
  const { t } = useTranslation();
  return (
    <Card id="sop-bus" title={t('sop.bus.title')} description={t('sop.bus.description')}>
      <table className="sop-table">
        <thead>
          <tr>
            <th scope="col">{t('sop.bus.area')}</th>
            <th scope="col">{t('sop.bus.owner')}</th>
            <th scope="col">{t('sop.bus.backup')}</th>
            <th scope="col">{t('sop.bus.acknowledged')}</th>
            <th scope="col">{t('sop.bus.couldRun')}</th>
          </tr>
        </thead>
        <tbody>
          {areas.map((area) => (
            <tr key={area.area} className={area.flagged ? 'sop-table__flagged' : undefined}>
              <th scope="row">
                {t(`sop.area.${area.area}`)} {area.flagged && <span className="badge badge--danger">{t('sop.bus.flagged')}</span>}
              </th>
              <td>{area.owners.join('、') || '—'}</td>
              <td>{area.backups.join('、') || '—'}</td>
              <td>{area.acknowledged}</td>
              <td>{area.couldRun}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pendingBySop.length > 0 && (
        <>
          <h3 className="sop-area__title">{t('sop.bus.waitingTitle')}</h3>
          <ul className="sop-list">
            {pendingBySop.map((entry) => (
              <li key={entry.sopId}>
                {entry.title}: <span className="muted">{entry.waiting.map((person) => person.name).join('、')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
