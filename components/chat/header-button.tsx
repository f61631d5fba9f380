// The small buttons in the chat's header (End chat, New conversation, Close). Icons are decorative;
// every button says what it does in words, visibly or (the close cross) to assistive technology.
import type { ButtonHTMLAttributes, ReactNode } from "react";

export function HeaderButton({
  icon,
  children,
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { icon?: ReactNode }) {
  return (
    <button
      type="button"
      className={`inline-flex min-h-9 items-center gap-1 rounded-md px-2 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-60 ${className}`}
      {...props}
    >
      {icon}
      {children}
    </button>
  );
}

const svg = { viewBox: "0 0 20 20", fill: "currentColor", className: "size-4" } as const;

export const CloseIcon = () => (
  <svg aria-hidden {...svg}>
    <path d="M5.3 4.3a1 1 0 0 0-1.4 1.4L8.6 10l-4.7 4.3a1 1 0 1 0 1.4 1.4L10 11.4l4.3 4.3a1 1 0 0 0 1.4-1.4L11.4 10l4.3-4.3a1 1 0 0 0-1.4-1.4L10 8.6 5.3 4.3Z" />
  </svg>
);

export const NewIcon = () => (
  <svg aria-hidden {...svg}>
    <path d="M10 3a1 1 0 0 1 1 1v5h5a1 1 0 1 1 0 2h-5v5a1 1 0 1 1-2 0v-5H4a1 1 0 1 1 0-2h5V4a1 1 0 0 1 1-1Z" />
  </svg>
);
