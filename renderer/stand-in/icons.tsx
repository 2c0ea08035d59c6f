import { Icon } from '../app/ui/icons';

/** A folded sheet with a baton across it: the page a stand-in takes over with. */
export const StandInIcon = () => (
  <Icon>
    <path d="M6 3h9l3 3v15H6zM15 3v3h3M9 11h6M9 15h4" />
  </Icon>
);
