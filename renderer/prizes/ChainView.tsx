import { useTranslation } from 'react-i18next';
import type { ChainStep, DecisionView, RequestView } from '../../shared/prizes';
import { formatInZone } from '../app/format';
import { useLanguage } from '../i18n/use-language';

/** The approval chain: every step with its state, who decided and when (as delegate of whom), or who can decide it now. */
export function ChainView({ view, timeZone }: { view: RequestView; timeZone: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const stepName = (step: ChainStep) => (step.kind === 'role' ? t(`prizes.step.${step.role}`) : step.kind === 'named' ? t('prizes.step.named', { name: step.member?.name ?? '—' }) : `${step.name[language]} (${step.member?.name ?? '—'})`);
  const decision = (item: DecisionView) =>
    `${t(`prizes.outcome.${item.outcome}`)} · ${item.by.name}${item.asDelegateOf ? ` ${t('prizes.asDelegateOf', { name: item.asDelegateOf.name })}` : ''} · ${formatInZone(item.at, timeZone, language)}${item.settles ? ` · ${t('prizes.review.settled')}` : ''}${item.comment ? ` · “${item.comment}”` : ''}`;
  return (
    <ol className="chain">
      {view.steps.map((step, index) => (
        <li key={index} className={`chain__step chain__step--${step.state}`}>
          <strong>{t('prizes.stepN', { step: index + 1 })} {stepName(step.step)}</strong> <span className={`prize-status prize-status--${step.state}`}>{t(`prizes.stepState.${step.state}`)}</span>
          {step.decision && <p className="chain__decision">{decision(step.decision)}</p>}
          {step.deciders && step.deciders.deciders.length > 0 && (
            <p className="muted">
              {t('prizes.waitingFor', {
                names: step.deciders.deciders.map((entry) => (entry.asDelegateOf ? `${entry.member.name} ${t('prizes.asDelegateOf', { name: entry.asDelegateOf.name })}` : entry.member.name)).join('、'),
              })}
            </p>
          )}
          {step.deciders?.stuck && (
            <p className="chain__stuck" role="alert">{t(`prizes.stuck.${step.deciders.stuck.reason}`)} {t(`prizes.fixedBy.${step.deciders.stuck.fixedBy}`)}</p>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Earlier versions (returned or recalled) with their decisions, and every event that did not count, with why. */
export function HistoryView({ view, timeZone }: { view: RequestView; timeZone: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      {view.rounds.length > 1 && (
        <ol className="chain">
          {view.rounds.map((round, index) => (
            <li key={round.submissionId}>
              {t('prizes.round', { n: index + 1, at: formatInZone(round.submittedAt, timeZone, language) })} {round.ended && t(`prizes.status.${round.ended}`)}
              {round.decisions.map((item) => (
                <p key={item.opId} className="muted">{t(`prizes.outcome.${item.outcome}`)} · {item.by.name} · {formatInZone(item.at, timeZone, language)}{item.comment && ` · “${item.comment}”`}</p>
              ))}
            </li>
          ))}
        </ol>
      )}
      {view.setAside.length > 0 && (
        <div className="inset set-aside" role="note">
          <p><strong>{t('prizes.setAside.title')}</strong></p>
          <ul>
            {view.setAside.map((event) => (
              <li key={event.opId}>
                {event.by.name} · {formatInZone(event.at, timeZone, language)} · {t(`prizes.setAside.reason.${event.reason}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
