import { AboutSection } from './AboutSection';
import { AppearanceSection } from './AppearanceSection';
import { ExportSection } from './ExportSection';
import { FolderSection } from './FolderSection';
import { NameSection } from './NameSection';
import { NotificationsSection } from './NotificationsSection';
import { TeamSettingsSection } from '../team-settings/TeamSettingsSection';
import './settings.css';

export function SettingsScreen() {
  return (
    <div className="settings">
      <NameSection />
      <AppearanceSection />
      <NotificationsSection />
      <FolderSection />
      <TeamSettingsSection />
      <ExportSection />
      <AboutSection />
    </div>
  );
}
