import { registerScreen, registerTopbarItem } from '../app/nav/registry';
import { RotaIcon } from './icons';
import { OnNow } from './OnNow';
import { RotaScreen } from './RotaScreen';

registerScreen({
  id: 'rota',
  title: 'rota.title',
  description: 'rota.description',
  icon: RotaIcon,
  group: 'work',
  order: 40,
  Screen: RotaScreen,
});

registerTopbarItem(OnNow);
