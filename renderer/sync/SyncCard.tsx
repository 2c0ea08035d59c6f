import type { ReactNode } from 'react';

interface SyncCardProps {
  id: string;
  title: string;
  description?: string;
  /** Beside the title: a count, a small status. */
  aside?: ReactNode;
  children: ReactNode;
}

/** One card of the Sync screen, built like the Settings cards (their styles, settings.css). */
export function SyncCard({ id, title, description, aside, children }: SyncCardProps) {
  const titleId = `sync-${id}-title`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <div className="card__head">
        <h2 className="card__title" id={titleId}>
          {title}
        </h2>
        {aside}
      </div>
      {description && <p className="card__description">{description}</p>}
      <div className="card__body">{children}</div>
    </section>
  );
}
