import { registerFrameNotice, registerScreen } from '../app/nav/registry';
import { OpeningNotice } from './OpeningNotice';
import { SyncIcon } from './SyncIcon';
import { SyncNavStatus } from './SyncNavStatus';
import { SyncScreen } from './SyncScreen';

registerScreen({
  id: 'sync',
  title: 'sync.nav',
  description: 'sync.description',
  icon: SyncIcon,
  group: 'system',
  // Just before Settings (100).
  order: 90,
  Screen: SyncScreen,
  Status: SyncNavStatus,
});

// While the team's data is still being read (at start, after a folder switch): above every screen.
registerFrameNotice(OpeningNotice);
