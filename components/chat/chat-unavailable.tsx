// What the customer sees instead of a chat: a link that expired or never was (not an error: it happens
// to every old link), or a chat that could not be loaded (then, a way to try again).
import type { ReactNode } from "react";

export function ChatUnavailable({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex h-full items-center justify-center bg-white p-6">
      <div className="max-w-sm text-center" data-testid="chat-unavailable">
        <svg
          aria-hidden
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
          className="mx-auto size-10 text-slate-400"
        >
          <path
            strokeLinecap="round"
            strokeLinejoin="round"
            d="M8 10h.01M12 10h.01M16 10h.01M21 12c0 4.4-4 8-9 8a9.9 9.9 0 0 1-4.2-.9L3 20l1.3-3.9A7.6 7.6 0 0 1 3 12c0-4.4 4-8 9-8s9 3.6 9 8Z"
          />
        </svg>
        <h1 className="mt-3 text-lg font-semibold text-slate-900">{title}</h1>
        {children && <div className="mt-1 text-sm text-slate-600">{children}</div>}
        {action && <div className="mt-4">{action}</div>}
      </div>
    </div>
  );
}

export function ExpiredLink() {
  return <ChatUnavailable title="This chat link has expired or is not valid.">Ask the sender for a new link.</ChatUnavailable>;
}
