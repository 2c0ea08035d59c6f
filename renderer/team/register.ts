import { registerFrameNotice, registerScreen } from '../app/nav/registry';
import { TeamFrameNotice } from './TeamFrameNotice';
import { TeamIcon } from './TeamIcon';
import { TeamNavStatus } from './TeamNavStatus';
import { TeamScreen } from './TeamScreen';

registerScreen({
  id: 'team',
  title: 'team.nav',
  description: 'team.description',
  icon: TeamIcon,
  group: 'system',
  // Before Sync (90) and Settings (100).
  order: 80,
  Screen: TeamScreen,
  Status: TeamNavStatus,
});

registerFrameNotice(TeamFrameNotice);
