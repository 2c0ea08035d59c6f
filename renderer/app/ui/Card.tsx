import type { ReactNode } from 'react';

interface CardProps {
  /** Unique on the page: names the card's heading for screen readers. */
  id: string;
  title: string;
  description?: string;
  /** Beside the title: a count, a small status, a "saved" confirmation. */
  aside?: ReactNode;
  children: ReactNode;
}

/** The card every screen is built from, so all screens share one rhythm of spacing and type. */
export function Card({ id, title, description, aside, children }: CardProps) {
  const titleId = `${id}-title`;
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
