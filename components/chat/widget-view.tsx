"use client";
// /chat/widget: the chat inside the web chat widget's iframe on a customer's site. Before the first
// message it shows the agent's greeting; the first message starts the conversation (with the identity
// the host page handed over), and from then on it is the same chat as a chat link's.
//
// It keeps nothing in its own storage: in an iframe on another site that storage is partitioned or
// blocked. The host page keeps the conversation's token and hands it over in "init" (see
// widget-protocol.ts). Messages go only to the window that framed us, and after its "init" only to that
// page's origin; "ready" alone goes out before we know it. Opened on its own (no parent), it works as a
// plain chat page.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type CSSProperties, type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/states";
import { accentStyle } from "./accent";
import { chatApi, chatKeys, isChatNotFound } from "./chat-api";
import { ChatUnavailable } from "./chat-unavailable";
import { ChatWindow } from "./chat-window";
import { EndChatButton } from "./end-chat-button";
import { CloseIcon, HeaderButton, NewIcon } from "./header-button";
import { languageTag } from "./lang";
import { isFromTheOtherSide } from "./messages";
import type { ChatCustomer, ChatMessage } from "./types";
import { MAX_MESSAGE_LENGTH } from "./types";
import { useChat } from "./use-chat";
import { useDocumentLanguage } from "./use-document-language";
import { type FrameMessage, type HostMessage, PROTOCOL_SOURCE, parseHostMessage } from "./widget-protocol";

/** How long to wait for the host's "init" before the chat works without it (a page framing us by hand). */
const HOST_SILENT_MS = 2000;

type Identity = { customer?: ChatCustomer; customerHash?: string };

export function WidgetView({
  agentId,
  skillId,
  hostLang,
  browserLang,
}: {
  agentId: string;
  skillId: string;
  /** The host page's language (?lang=, its <html lang>). */
  hostLang: string | null;
  browserLang: string;
}) {
  const queryClient = useQueryClient();
  const [token, setToken] = useState<string | null>(null);
  const [framed, setFramed] = useState(false);
  // May the customer send? Once the host said who they are (or it stays silent, or there is no host).
  const [canSend, setCanSend] = useState(false);
  const [initLang, setInitLang] = useState<string | null>(null);
  const [accent, setAccent] = useState<CSSProperties | undefined>();
  const [starting, setStarting] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [unread, setUnread] = useState(0);
  // Messages the host asked us to send (Callboard.sendMessage), sent once the chat is ready for them.
  const [outbox, setOutbox] = useState<string[]>([]);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const hostOrigin = useRef<string | null>(null);
  const identity = useRef<Identity>({});
  const visible = useRef(true);
  const tokenAdopted = useRef(false);
  // The host opened the panel: the text box takes the focus as soon as there is one.
  const wantsFocus = useRef(false);

  const info = useQuery({
    queryKey: chatKeys.widget(agentId, skillId),
    queryFn: () => chatApi.widget(agentId, skillId),
    enabled: agentId !== "" && skillId !== "",
    staleTime: 5 * 60_000,
  });
  const lang = languageTag(initLang) ?? hostLang ?? languageTag(info.data?.language) ?? browserLang;

  const post = useCallback((message: FrameMessage) => {
    if (window.parent === window) return;
    // Before "init", only "ready": nothing else may reach a page we know nothing about.
    if (!hostOrigin.current && message.type !== "ready") return;
    window.parent.postMessage({ source: PROTOCOL_SOURCE, ...message }, hostOrigin.current ?? "*");
  }, []);

  const chat = useChat(token, {
    onNewMessage: (message: ChatMessage) => {
      post({ type: "message", message });
      if (isFromTheOtherSide(message) && !visible.current) setUnread((n) => n + 1);
    },
  });
  const { conversation } = chat;

  useEffect(() => {
    post({ type: "unread", count: unread });
  }, [unread, post]);

  const agentName = conversation?.agent.name ?? info.data?.agent.name;
  useDocumentLanguage(lang, agentName ? `Chat with ${agentName}` : undefined);
  useEffect(() => {
    if (agentName && canSend) post({ type: "agent", agent: { name: agentName } });
  }, [agentName, canSend, post]);

  const forget = useCallback(() => {
    setToken(null);
    setStartError(null);
    setUnread(0);
    post({ type: "token", token: null });
  }, [post]);

  /** "New conversation": the old one is closed on the server too, so it does not wait for the sweeper. */
  const startOver = () => {
    if (token && conversation?.open) void chatApi.end(token).catch(() => {});
    forget();
  };

  // A kept token whose conversation is gone (expired): start afresh instead of showing a dead chat.
  useEffect(() => {
    if (token && chat.phase === "gone") forget();
  }, [token, chat.phase, forget]);

  const start = async (content: string) => {
    setStarting(content);
    setStartError(null);
    try {
      const started = await chatApi.start({ agentId, skillId, content, ...identity.current, language: lang });
      queryClient.setQueryData(chatKeys.conversation(started.token), started.conversation);
      setToken(started.token);
      post({ type: "token", token: started.token });
      for (const message of started.conversation.messages) post({ type: "message", message });
      return true;
    } catch (error) {
      setStartError(error instanceof Error ? error.message : "The chat could not be started. Try again.");
      return false;
    } finally {
      setStarting(null);
    }
  };
  const send = token ? chat.send : start;

  // The host's messages wait until "init" has said which conversation this is and it has loaded; one for
  // a conversation that is over starts a new one (the customer cannot mean the old one).
  useEffect(() => {
    if (outbox.length === 0 || !canSend || starting !== null) return;
    if (token && chat.phase !== "ready") return;
    if (token && conversation && !conversation.open) {
      forget();
      return;
    }
    setOutbox(outbox.slice(1));
    void send(outbox[0]);
  }, [outbox, canSend, starting, token, chat.phase, conversation, forget, send]);

  const hasComposer = info.data !== undefined && (!token || conversation !== undefined);
  useEffect(() => {
    if (hasComposer && wantsFocus.current && composerRef.current) {
      wantsFocus.current = false;
      composerRef.current.focus();
    }
  }, [hasComposer]);

  // What the host asks, handled with this render's state (the listener below is registered once).
  const handle = useRef<(message: HostMessage) => void>(() => {});
  handle.current = (message) => {
    switch (message.type) {
      case "init":
        if (message.token && !tokenAdopted.current && !token) setToken(message.token);
        tokenAdopted.current = true;
        if (message.customer || message.customerHash) {
          identity.current = { customer: message.customer, customerHash: message.customerHash };
        }
        if (message.lang) setInitLang(message.lang);
        if (message.color) setAccent(accentStyle(message.color));
        setCanSend(true);
        break;
      case "send": {
        const text = message.text.trim();
        if (text && text.length <= MAX_MESSAGE_LENGTH) setOutbox((queued) => [...queued, text]);
        break;
      }
      case "reset":
        startOver();
        break;
      case "visibility":
        visible.current = message.open;
        if (message.open) {
          setUnread(0);
          if (composerRef.current) composerRef.current.focus();
          else wantsFocus.current = true;
        }
        break;
    }
  };

  useEffect(() => {
    if (window.parent === window) {
      setCanSend(true);
      return;
    }
    setFramed(true);
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent) return;
      const message = parseHostMessage(event.data);
      if (!message) return;
      // A host page on a file or in a sandbox has the origin "null", which cannot be addressed.
      const origin = event.origin === "null" ? "*" : event.origin;
      if (message.type === "init" && !hostOrigin.current) hostOrigin.current = origin;
      if (hostOrigin.current !== origin) return;
      handle.current(message);
    };
    const onKey = (event: KeyboardEvent) => {
      // Escape in an open dialog (End chat?) closes that dialog, not the panel.
      if (event.key === "Escape" && !document.querySelector("dialog[open]")) post({ type: "close" });
    };
    window.addEventListener("message", onMessage);
    document.addEventListener("keydown", onKey);
    post({ type: "ready" });
    const silent = setTimeout(() => setCanSend(true), HOST_SILENT_MS);
    return () => {
      window.removeEventListener("message", onMessage);
      document.removeEventListener("keydown", onKey);
      clearTimeout(silent);
    };
  }, [post]);

  const closeButton = framed ? (
    <HeaderButton aria-label="Close chat" title="Close chat" onClick={() => post({ type: "close" })} icon={<CloseIcon />} />
  ) : null;

  let body: ReactNode;
  if (!agentId || !skillId || (info.isError && isChatNotFound(info.error))) {
    body = (
      <ChatUnavailable title="This chat is not available.">
        The website's chat is not set up correctly. Try again later, or contact the website another way.
      </ChatUnavailable>
    );
  } else if (info.isError || (token && chat.phase === "error")) {
    const error = info.error ?? chat.loadError;
    body = (
      <ChatUnavailable
        title="The chat could not be loaded."
        action={
          <Button variant="secondary" onClick={() => (info.isError ? info.refetch() : chat.retryLoad())}>
            Try again
          </Button>
        }
      >
        {error instanceof Error ? error.message : "Try again in a moment."}
      </ChatUnavailable>
    );
  } else if (!info.data || (token && !conversation)) {
    body = (
      <div className="flex h-full items-center justify-center bg-white">
        <Spinner label="Opening the chat" />
      </div>
    );
  } else {
    const open = conversation?.open ?? true;
    return (
      <main className="h-dvh">
        <ChatWindow
          agent={conversation?.agent ?? info.data.agent}
          lang={lang}
          greeting={info.data.greeting}
          messages={conversation?.messages ?? []}
          pending={token ? chat.pending : starting !== null ? [{ key: -1, content: starting }] : []}
          typing={token ? chat.typing : null}
          closed={!open}
          connection={token ? chat.connection : undefined}
          notice={token ? chat.actionError : startError}
          onSend={send}
          sendHeld={!canSend || starting !== null}
          composerRef={composerRef}
          accent={accent}
          actions={
            <>
              {token && open && <EndChatButton onEnd={chat.end} ending={chat.ending} />}
              {token && (
                <HeaderButton
                  onClick={() => {
                    startOver();
                    composerRef.current?.focus(); // the button itself goes away
                  }}
                  icon={<NewIcon />}
                >
                  New conversation
                </HeaderButton>
              )}
              {closeButton}
            </>
          }
        />
      </main>
    );
  }
  return (
    <main className="relative h-dvh">
      {closeButton && <div className="absolute top-2 right-2">{closeButton}</div>}
      {body}
    </main>
  );
}
