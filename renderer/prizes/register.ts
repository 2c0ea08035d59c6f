import { registerScreen } from '../app/nav/registry';
import { PrizeIcon } from './icons';
import { PrizesScreen } from './PrizesScreen';

registerScreen({
  id: 'prizes',
  title: 'prizes.nav',
  description: 'prizes.description',
  icon: PrizeIcon,
  group: 'work',
  order: 40,
  Screen: PrizesScreen,
});
