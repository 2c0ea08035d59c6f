import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * For admins: the team code a newcomer types when joining. Their computer checks the shared
 * folder's team.json against it, so that a replaced one is refused. Shown in groups of five, to
 * be read aloud, or copied to a message.
 */
export function TeamCodeCard({ code }: { code: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      // No clipboard here (a browser that refuses it): the code is selectable with one click.
      setCopied(false);
    }
  };
  return (
    <section className="card" aria-labelledby="team-code-title">
      <h2 className="card__title" id="team-code-title">{t('team.code.title')}</h2>
      <p className="card__description">{t('team.code.description')}</p>
      <div className="card__body team-code">
        <p className="team-code__value" aria-label={t('team.code.label')}>
          {code.split('-').map((group, index) => (
            <span key={index} className="team-code__group">{group}</span>
          ))}
        </p>
        <div className="button-row">
          <button type="button" className="button" onClick={() => void copy()}>{t('team.code.copy')}</button>
          {copied !== null && <p role="status" className="team-muted">{t(copied ? 'team.code.copied' : 'team.code.notCopied')}</p>}
        </div>
      </div>
    </section>
  );
}
