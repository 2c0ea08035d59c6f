import { registerScreen } from '../app/nav/registry';
import { ChecklistScreen } from './ChecklistScreen';
import { ChecklistIcon, SopIcon } from './icons';
import { SopScreen } from './SopScreen';

registerScreen({ id: 'checklist', title: 'sop.checklist.nav', description: 'sop.checklist.description', icon: ChecklistIcon, group: 'work', order: 15, Screen: ChecklistScreen });
registerScreen({ id: 'sops', title: 'sop.nav', description: 'sop.description', icon: SopIcon, group: 'work', order: 40, Screen: SopScreen });
