import { registerFrameNotice, registerScreen } from '../app/nav/registry';
import { BriefingNotifier } from './BriefingNotifier';
import { ShortcutHelp } from './ShortcutHelp';
import { BriefingIcon } from './BriefingIcon';
import { BriefingScreen } from './BriefingScreen';

// The home screen: first in the sidebar, what Baton opens at the start of a shift.
registerScreen({
  id: 'briefing',
  title: 'briefing.nav',
  description: 'briefing.description',
  icon: BriefingIcon,
  group: 'work',
  order: 0,
  Screen: BriefingScreen,
});

// Notifications are decided from the briefing whichever screen is open.
registerFrameNotice(BriefingNotifier);
// The moments' keys work on every screen; ? lists them.
registerFrameNotice(ShortcutHelp);
