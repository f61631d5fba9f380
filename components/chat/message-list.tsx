"use client";
// The conversation as bubbles: the customer's on the right, the agent's and staff's on the left (staff
// by their name). Every message is rendered as text: React escapes it, and whitespace-pre-wrap keeps
// the writer's line breaks, so nothing a message says can become markup.
//
// Screen readers: the messages are a log (polite: each new one is read once, as it arrives). The agent's
// reply as it is being written is not in the log (it would be read word by word); a separate polite
// line says "<Agent> is typing…", and the finished reply arrives in the log. The scrolling area can be
// focused, so keyboard users can scroll back too; it stays pinned to the newest message unless the
// reader has scrolled up.
import { type ReactNode, useLayoutEffect, useRef } from "react";
import type { PendingMessage } from "./use-chat";
import type { ChatMessage } from "./types";

/** The message's time as the conversation's language writes it ("14:05", "2:05 PM"). */
function timeOf(timestamp: string, lang: string): string {
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return "";
  try {
    return d.toLocaleTimeString(lang, { hour: "numeric", minute: "2-digit" });
  } catch {
    return d.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" });
  }
}

const BUBBLE = "max-w-[85%] rounded-2xl px-3.5 py-2 text-sm shadow-xs sm:max-w-[75%]";
const THEIRS = `${BUBBLE} rounded-bl-sm border border-slate-200 bg-white text-slate-900`;
const MINE = `${BUBBLE} rounded-br-sm bg-[var(--chat-accent,#4f46e5)] text-[var(--chat-on-accent,#fff)]`;

function Text({ children }: { children: string }) {
  return <p className="whitespace-pre-wrap break-words [overflow-wrap:anywhere]">{children}</p>;
}

function Theirs({ who, time, timestamp, children }: { who: string; time?: string; timestamp?: string; children: ReactNode }) {
  return (
    <div className={THEIRS}>
      <p className="mb-0.5 flex flex-wrap items-baseline gap-x-2 text-xs text-slate-600">
        <span className="font-semibold text-slate-700">{who}</span>
        {timestamp && <time dateTime={timestamp}>{time}</time>}
      </p>
      {children}
    </div>
  );
}

function Bubble({ message, agentName, lang }: { message: ChatMessage; agentName: string; lang: string }) {
  const time = timeOf(message.timestamp, lang);
  if (message.sender === "customer") {
    return (
      <li data-testid="chat-message" data-sender="customer" className="flex justify-end">
        <div className={MINE}>
          <p className="sr-only">You said:</p>
          <Text>{message.content}</Text>
          <p className="mt-0.5 text-right text-[11px] opacity-85">
            <time dateTime={message.timestamp}>{time}</time>
          </p>
        </div>
      </li>
    );
  }
  // Staff who took over write under their own name, so the customer knows a person answers now.
  const who =
    message.sender === "agent" ? agentName : message.senderName ? `${message.senderName} · Support team` : "Support team";
  return (
    <li data-testid="chat-message" data-sender={message.sender} className="flex justify-start">
      <Theirs who={who} time={time} timestamp={message.timestamp}>
        <Text>{message.content}</Text>
      </Theirs>
    </li>
  );
}

function Dots() {
  return (
    <span aria-hidden className="inline-flex items-center gap-1 py-1">
      {[0, 150, 300].map((delay) => (
        <span
          key={delay}
          className={`size-1.5 animate-bounce rounded-full bg-slate-400 motion-reduce:animate-none ${
            delay === 150 ? "[animation-delay:150ms]" : delay === 300 ? "[animation-delay:300ms]" : ""
          }`}
        />
      ))}
    </span>
  );
}

export function MessageList({
  agentName,
  messages,
  pending = [],
  typing,
  greeting,
  lang,
  empty,
}: {
  agentName: string;
  messages: readonly ChatMessage[];
  pending?: readonly PendingMessage[];
  /** null: nobody is writing; "" the agent started; otherwise the reply so far. */
  typing: string | null;
  /** Shown as the agent's first bubble (the widget's greeting, never stored). */
  greeting?: string | null;
  lang: string;
  /** What to say when there is nothing at all to show. */
  empty?: string;
}) {
  const scroller = useRef<HTMLElement>(null);
  const pinned = useRef(true);

  // Follow the newest message, unless the reader scrolled up to read something earlier.
  // biome-ignore lint/correctness/useExhaustiveDependencies: these are what change the height
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [messages, pending, typing, greeting]);

  const nothing = messages.length === 0 && pending.length === 0 && !greeting && typing === null;
  return (
    <>
      <section
        ref={scroller}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling area must be reachable by keyboard to be scrolled
        tabIndex={0}
        aria-label="Conversation"
        onScroll={(event) => {
          const el = event.currentTarget;
          pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
        }}
        className="min-h-0 flex-1 overflow-y-auto bg-slate-50 px-3 py-4 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600 sm:px-4"
        lang={lang}
      >
        {nothing && empty && <p className="py-8 text-center text-sm text-slate-600">{empty}</p>}
        {greeting && (
          <div className="mb-3 flex justify-start" data-testid="chat-greeting">
            <Theirs who={agentName}>
              <Text>{greeting}</Text>
            </Theirs>
          </div>
        )}
        <div role="log" aria-label="Messages">
          <ol className="space-y-3">
            {messages.map((m) => (
              <Bubble key={m.id} message={m} agentName={agentName} lang={lang} />
            ))}
            {pending.map((m) => (
              <li key={`pending-${m.key}`} data-testid="chat-message-pending" className="flex justify-end">
                <div className={MINE}>
                  <p className="sr-only">You said:</p>
                  <Text>{m.content}</Text>
                  <p className="mt-0.5 text-right text-[11px]">Sending…</p>
                </div>
              </li>
            ))}
          </ol>
        </div>
        {typing !== null && (
          <div className="mt-3 flex justify-start" data-testid="chat-typing">
            <Theirs who={agentName}>
              {typing && <Text>{typing}</Text>}
              <Dots />
            </Theirs>
          </div>
        )}
      </section>
      {/* Always present: a live region added together with its text is often not read. */}
      <p aria-live="polite" data-testid="chat-typing-status" className="min-h-5 bg-slate-50 px-4 text-xs text-slate-600">
        {typing !== null ? `${agentName} is typing…` : ""}
      </p>
    </>
  );
}
