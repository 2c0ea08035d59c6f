import { Icon } from '../app/ui/icons';

/** A sun over the horizon: the start of a shift. */
export const BriefingIcon = () => (
  <Icon>
    <path d="M4 18h16M7 18a5 5 0 0 1 10 0M12 6v3M5.6 9.6l2 2M18.4 9.6l-2 2" />
  </Icon>
);
