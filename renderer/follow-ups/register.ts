import { registerScreen } from '../app/nav/registry';
import { FollowUpIcon } from '../handover/icons';
import { FollowUpsNavStatus } from '../handover/NavBadges';
import { FollowUpsScreen } from './FollowUpsScreen';

registerScreen({
  id: 'follow-ups',
  title: 'followUps.nav',
  description: 'followUps.description',
  icon: FollowUpIcon,
  group: 'work',
  order: 30,
  Screen: FollowUpsScreen,
  Status: FollowUpsNavStatus,
});
