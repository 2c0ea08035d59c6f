import { registerScreen } from '../app/nav/registry';
import { StandInIcon } from './icons';
import { StandInScreen } from './StandInScreen';

// After the handover: the page a colleague covering a shift reads (and prints) first.
registerScreen({
  id: 'stand-in',
  title: 'standIn.nav',
  description: 'standIn.description',
  icon: StandInIcon,
  group: 'work',
  order: 25,
  Screen: StandInScreen,
});
