import { Icon } from '../app/ui/icons';

/** Nav icons of the SOP library and the shift checklist. */
export const SopIcon = () => (
  <Icon>
    <path d="M6 4h9l3 3v13H6z" />
    <path d="M9 11h6M9 15h6" />
  </Icon>
);

export const ChecklistIcon = () => (
  <Icon>
    <path d="M5 7l2 2 3-3M5 15l2 2 3-3M13 8h6M13 16h6" />
  </Icon>
);
