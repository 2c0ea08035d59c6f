import { registerScreen } from '../app/nav/registry';
import { HandoverScreen } from './HandoverScreen';
import { HandoverIcon } from './icons';
import { HandoverNavStatus } from './NavBadges';

registerScreen({
  id: 'handover',
  title: 'handover.nav',
  description: 'handover.description',
  icon: HandoverIcon,
  group: 'work',
  order: 20,
  Screen: HandoverScreen,
  Status: HandoverNavStatus,
});
