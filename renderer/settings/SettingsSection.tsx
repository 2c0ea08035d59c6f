import type { ReactNode } from 'react';
import { SaveStatus } from './SaveStatus';

interface SettingsSectionProps {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}

/** One card of the settings page, with its own "saved" confirmation. */
export function SettingsSection({ id, title, description, children }: SettingsSectionProps) {
  const titleId = `settings-${id}-title`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <div className="card__head">
        <h2 className="card__title" id={titleId}>
          {title}
        </h2>
        <SaveStatus section={id} />
      </div>
      {description && <p className="card__description">{description}</p>}
      <div className="card__body">{children}</div>
    </section>
  );
}
