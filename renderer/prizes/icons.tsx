import { Icon } from '../app/ui/icons';

/** Nav icon of prize approvals: a gift box. */
export const PrizeIcon = () => (
  <Icon>
    <path d="M4 10h16v10H4zM3 7h18v3H3zM12 7v13M12 7c-2-4-6-3-5 0M12 7c2-4 6-3 5 0" />
  </Icon>
);
