import { registerScreen, registerTopbarItem } from '../app/nav/registry';
import { SettingsIcon } from '../app/ui/icons';
import { TeamToday } from '../team-settings/TeamToday';
import { SettingsScreen } from './SettingsScreen';

registerScreen({
  id: 'settings',
  title: 'settings.nav',
  description: 'settings.description',
  icon: SettingsIcon,
  group: 'system',
  order: 100,
  Screen: SettingsScreen,
});

// The header's date follows the team's time zone, which the team settings hold.
registerTopbarItem(TeamToday);
