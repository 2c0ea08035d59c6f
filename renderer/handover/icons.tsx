/** Nav icons of the handover and follow-up screens, drawn like the app's others (decorative). */
const svg = { className: 'icon', viewBox: '0 0 24 24', width: 20, height: 20, fill: 'none', stroke: 'currentColor', strokeWidth: 1.75, strokeLinecap: 'round', strokeLinejoin: 'round', 'aria-hidden': true, focusable: false } as const;

export const HandoverIcon = () => (
  <svg {...svg}>
    <path d="M4 7h11l-3-3M20 17H9l3 3" />
  </svg>
);

export const FollowUpIcon = () => (
  <svg {...svg}>
    <circle cx="12" cy="12" r="8" />
    <path d="M12 8v4l3 2" />
  </svg>
);
