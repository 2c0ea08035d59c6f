import { useTranslation } from 'react-i18next';
import type { TeamView } from '../../shared/api/team-schemas';
import type { MessageKey } from '../i18n/resources';
import { zhCN } from '../i18n/messages';
import { UnlessArriving } from '../sync/StillArriving';

const SHOWN = 50;
const worded = new Set(Object.keys(zhCN.team.setAside.reasons));

/** Ops kept but not counted by the trust layer, each with its reason (shared/team/reasons.ts). */
export function SetAsideOpsCard({ view }: { view: TeamView }) {
  const { t } = useTranslation();
  const ops = view.setAside;
  const ownerOf = new Map(view.members.flatMap((member) => member.devices.map((device) => [device.deviceId, member.displayName] as const)));
  return (
    <section className="card" aria-labelledby="team-set-aside-title">
      <h2 className="card__title" id="team-set-aside-title">{t('team.setAside.title')}</h2>
      <p className="card__description">{t('team.setAside.description')}</p>
      <div className="card__body">
        {ops.length === 0 ? <UnlessArriving variant="line" className="team-muted"><p className="team-muted">{t('team.setAside.empty')}</p></UnlessArriving> : (
          <ul className="team-list">
            {ops.slice(0, SHOWN).map((op) => (
              <li key={op.opId} className="team-op" data-reason={op.reason}>
                <p className="team-op__reason">
                  {/* A reason without its own words here still says why, in the trust layer's English. */}
                  {worded.has(op.reason) ? t(`team.setAside.reasons.${op.reason}` as MessageKey) : op.explanation}
                </p>
                <p className="team-muted">
                  {ownerOf.has(op.deviceId) ? t('team.setAside.from', { name: ownerOf.get(op.deviceId) }) : t('team.setAside.fromUnknown')}
                </p>
                {/* What was written and by which computer, for whoever looks into it; not the first thing a stand-in reads. */}
                <details className="team-muted">
                  <summary>{t('team.setAside.details')}</summary>
                  <p className="mono">{op.type} · {op.deviceId}</p>
                </details>
              </li>
            ))}
            {ops.length > SHOWN && <li className="team-muted">{t('team.setAside.more', { count: ops.length - SHOWN })}</li>}
          </ul>
        )}
      </div>
    </section>
  );
}
