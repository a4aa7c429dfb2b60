// Small line icons for the toolbar (inline SVG, currentColor; hidden from assistive technology —
// every button has its own label).
import type { JSX } from 'react';

function Icon({ children }: { children: JSX.Element | JSX.Element[] }): JSX.Element {
  return (
    <svg
      className="be-icon"
      viewBox="0 0 20 20"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

export const UndoIcon = () => (
  <Icon>
    <path d="M7.5 5 4 8.5 7.5 12" />
    <path d="M4.5 8.5H12a4 4 0 0 1 0 8h-2" />
  </Icon>
);
export const RedoIcon = () => (
  <Icon>
    <path d="M12.5 5 16 8.5 12.5 12" />
    <path d="M15.5 8.5H8a4 4 0 0 0 0 8h2" />
  </Icon>
);
export const BulletListIcon = () => (
  <Icon>
    <circle cx="4.5" cy="5.5" r="0.9" fill="currentColor" />
    <circle cx="4.5" cy="10" r="0.9" fill="currentColor" />
    <circle cx="4.5" cy="14.5" r="0.9" fill="currentColor" />
    <path d="M8 5.5h8M8 10h8M8 14.5h8" />
  </Icon>
);
export const NumberListIcon = () => (
  <Icon>
    <path d="M3.5 4.5h1.2v3M3.4 7.5h2.4M3.4 12.2c.3-.6 2.3-.8 2.3.3 0 .9-2.3 1.6-2.3 2.6h2.4" />
    <path d="M8.5 5.5h8M8.5 10h8M8.5 14.5h8" />
  </Icon>
);
export const QuoteIcon = () => (
  <Icon>
    <path d="M5 4.5v11" />
    <path d="M8.5 7h8M8.5 10.5h8M8.5 14h5" />
  </Icon>
);
export const LinkIcon = () => (
  <Icon>
    <path d="M8.5 11.5a3 3 0 0 0 4.2 0l2.6-2.6a3 3 0 0 0-4.2-4.2l-.9.9" />
    <path d="M11.5 8.5a3 3 0 0 0-4.2 0l-2.6 2.6a3 3 0 0 0 4.2 4.2l.9-.9" />
  </Icon>
);
