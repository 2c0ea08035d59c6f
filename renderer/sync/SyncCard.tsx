import type { ComponentProps } from 'react';
import { Card } from '../app/ui/Card';

/** One card of the Sync screen: the app's card, its heading ids kept apart from other screens'. */
export function SyncCard({ id, ...rest }: ComponentProps<typeof Card>) {
  return <Card id={`sync-${id}`} {...rest} />;
}
