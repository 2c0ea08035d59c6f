import { Icon } from '../app/ui/icons';

/** The rota's nav icon: a calendar with a marked day. */
export const RotaIcon = () => (
  <Icon>
    <rect x="3.5" y="5" width="17" height="15" rx="2" />
    <path d="M3.5 10h17M8 3v4M16 3v4M13 14h4v3h-4z" />
  </Icon>
);
