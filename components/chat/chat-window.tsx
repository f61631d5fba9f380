"use client";
// The chat as the customer sees it, on the chat link's page and inside the widget: the agent's name and
// picture with the header's controls, the conversation, a line for what went wrong, and the text box.
// It only shows what it is given; useChat (or the widget, before the conversation exists) feeds it.
//
// Languages: the conversation (messages, greeting) carries its own `lang`; the controls are written in
// English and say so, so a screen reader reads each part in its own language.
import { type CSSProperties, type ReactNode, type Ref, useEffect, useRef } from "react";
import { Avatar } from "./avatar";
import { Composer } from "./composer";
import { MessageList } from "./message-list";
import type { Connection, PendingMessage } from "./use-chat";
import type { ChatAgent, ChatMessage } from "./types";

/** The language the controls are written in. */
export const UI_LANG = "en";

export function ChatWindow({
  agent,
  lang,
  messages,
  pending,
  typing,
  greeting,
  closed,
  connection,
  notice,
  actions,
  onSend,
  sendHeld = false,
  composerRef,
  accent,
  empty,
}: {
  agent: ChatAgent;
  /** The conversation's language. */
  lang: string;
  messages: readonly ChatMessage[];
  pending?: readonly PendingMessage[];
  typing: string | null;
  greeting?: string | null;
  closed: boolean;
  connection?: Connection;
  /** What went wrong with the last thing the customer did, in the API's words. */
  notice?: string | null;
  /** The header's controls (End chat, New conversation, Close). */
  actions?: ReactNode;
  onSend: (text: string) => Promise<boolean>;
  sendHeld?: boolean;
  composerRef?: Ref<HTMLTextAreaElement>;
  /** The host site's colour, as CSS custom properties (set after hydration only: no inline style in the HTML). */
  accent?: CSSProperties;
  empty?: string;
}) {
  // When the conversation ends, the control that ended it goes away: keep the keyboard in the chat.
  const root = useRef<HTMLDivElement>(null);
  const wasClosed = useRef(closed);
  useEffect(() => {
    if (closed && !wasClosed.current && root.current && !root.current.contains(document.activeElement)) {
      root.current.querySelector<HTMLElement>("[data-testid=chat-ended]")?.focus();
    }
    wasClosed.current = closed;
  }, [closed]);

  const status = closed ? "Conversation ended" : connection === "reconnecting" ? "Reconnecting…" : null;
  return (
    <div ref={root} lang={UI_LANG} style={accent} className="flex h-full min-h-0 flex-col bg-white">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-slate-200 bg-white px-3 py-2 sm:px-4">
        <div className="flex min-w-0 flex-1 items-center gap-3">
          <Avatar agent={agent} />
          <div className="min-w-0">
            <h1 className="truncate text-base font-semibold text-slate-900">{agent.name}</h1>
            <p className="min-h-4 text-xs text-slate-600" data-testid="chat-connection">
              {status}
            </p>
          </div>
        </div>
        {actions && <div className="-mr-1 flex flex-wrap items-center justify-end gap-1">{actions}</div>}
      </header>
      <MessageList
        agentName={agent.name}
        messages={messages}
        pending={pending}
        typing={typing}
        greeting={greeting}
        lang={lang}
        empty={empty}
      />
      {notice && (
        <p role="alert" data-testid="chat-notice" className="border-t border-red-200 bg-red-50 px-4 py-2 text-sm text-red-800">
          {notice}
        </p>
      )}
      <Composer onSend={onSend} closed={closed} disabled={sendHeld} inputRef={composerRef} />
    </div>
  );
}
