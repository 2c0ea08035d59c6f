import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSync, useSyncFeed } from './sync-store';

/**
 * True while the services are still opening the team's data (`status.opening` is set): a list
 * that is empty now may only not have arrived yet. False once open, or while the status is unknown.
 */
export function useStillArriving(): boolean {
  useSyncFeed();
  return useSync((s) => (s.status?.opening ?? null) !== null);
}

interface ArrivingNoteProps {
  /**
   * `block` (default) in the look of an `.empty-state`, with a line saying why it is empty;
   * `line` one line, where a card said "none" or a search "no results".
   */
  readonly variant?: 'block' | 'line';
  /** Classes of the `line`, to sit where the screen's own line sat (e.g. `muted`). */
  readonly className?: string;
  /** The block's second line, when the place has better words than the general ones. */
  readonly body?: string;
}

/** "Still reading the team's records…", only while the team's data is still being opened. */
export function ArrivingNote({ variant = 'block', className = 'muted', body }: ArrivingNoteProps) {
  const { t } = useTranslation();
  if (!useStillArriving()) return null;
  if (variant === 'line') {
    return (
      <p className={`${className} still-arriving`} role="status">
        {t('sync.arriving.title')}
      </p>
    );
  }
  return (
    <div className="empty-state still-arriving" role="status">
      <p className="empty-state__title">{t('sync.arriving.title')}</p>
      <p className="empty-state__body">{body ?? t('sync.arriving.body')}</p>
    </div>
  );
}

interface UnlessArrivingProps extends Omit<ArrivingNoteProps, 'body' | 'variant'> {
  /** The screen's own empty state: its words, and the first step it offers. */
  readonly children: ReactNode;
  /** As the note's; `hidden`: nothing, where a note just above already says it (each area of an empty library). */
  readonly variant?: ArrivingNoteProps['variant'] | 'hidden';
}

/**
 * A screen's empty state, except while the team's data is still being opened: then it says the
 * records are still being read, not "there are none", so that nobody takes a list not read yet
 * for a team with no notes (nor acts on it: adds the starter SOPs, drafts a rota). Once the open
 * completes it is the screen's own empty state again (or, as the screen refreshes, the data).
 * Every empty list goes through this one.
 */
export function UnlessArriving({ children, variant = 'block', className = 'muted' }: UnlessArrivingProps) {
  const arriving = useStillArriving();
  if (!arriving) return <>{children}</>;
  return variant === 'hidden' ? null : <ArrivingNote variant={variant} className={className} />;
}
