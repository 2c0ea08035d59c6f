import { registerScreen } from '../app/nav/registry';
import { SettingsIcon } from '../app/ui/icons';
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
