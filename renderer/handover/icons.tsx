import { Icon } from '../app/ui/icons';

/** Nav icons of the handover and follow-up screens. */
export const HandoverIcon = () => (
  <Icon>
    <path d="M4 7h11l-3-3M20 17H9l3 3" />
  </Icon>
);

export const FollowUpIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="8" />
    <path d="M12 8v4l3 2" />
  </Icon>
);
