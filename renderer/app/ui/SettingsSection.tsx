import type { ReactNode } from 'react';
import { Card } from './Card';
import { SaveStatus } from './SaveStatus';

interface SettingsSectionProps {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}

/** One card of the settings page, with its own "saved" confirmation. */
export function SettingsSection({ id, title, description, children }: SettingsSectionProps) {
  return (
    <Card id={`settings-${id}`} title={title} {...(description ? { description } : {})} aside={<SaveStatus section={id} />}>
      {children}
    </Card>
  );
}
