"use client";
// One conversation, live: the first load through React Query (chatKeys.conversation), then an
// EventSource on /api/chat/{token}/events that writes each new message and status into that cache and
// keeps the agent's partial reply ("typing") beside it. EventSource reconnects by itself; every time it
// (re)connects we refetch, so a message sent while the stream was down is not missed (merging keeps
// each message once). If the browser gives up on the stream, we check the conversation and reopen it
// after a growing pause, unless it is over or gone.
//
// Sending shows the message at once as pending; its answer (or the stream, whichever comes first) puts
// the real one in its place. A failed send answers false, so the composer can give the text back.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { chatApi, chatKeys, isChatClosed, isChatNotFound } from "./chat-api";
import { mergeMessages } from "./messages";
import type { ChatConversation, ChatMessage } from "./types";

export type PendingMessage = { key: number; content: string };
export type Connection = "connecting" | "live" | "reconnecting" | "ended";

export type ChatState = {
  conversation: ChatConversation | undefined;
  /** "gone": the link expired, was forged or never existed. */
  phase: "loading" | "ready" | "gone" | "error";
  loadError: unknown;
  retryLoad: () => void;
  /** The agent's reply as it is being written: null when nobody writes, "" before the first word. */
  typing: string | null;
  pending: PendingMessage[];
  /** The last send or end that failed, in the API's words (a 429's sentence, say). */
  actionError: string | null;
  clearActionError: () => void;
  send: (content: string) => Promise<boolean>;
  end: () => Promise<boolean>;
  ending: boolean;
  connection: Connection;
};

const FIRST_RETRY_MS = 2000;
const LONGEST_RETRY_MS = 30_000;

function parse<T>(event: Event): T | null {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T;
  } catch {
    return null;
  }
}

/**
 * Follows the conversation `token` (null: none yet). `onNewMessage` hears each message that arrives after
 * the first load, once: from the stream, a send, or a refetch.
 */
export function useChat(token: string | null, { onNewMessage }: { onNewMessage?: (m: ChatMessage) => void } = {}): ChatState {
  const queryClient = useQueryClient();
  const [typing, setTyping] = useState<string | null>(null);
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const [actionError, setActionError] = useState<string | null>(null);
  const [ending, setEnding] = useState(false);
  const [connection, setConnection] = useState<Connection>("connecting");
  const [gone, setGone] = useState(false);
  const nextKey = useRef(0);

  const key = chatKeys.conversation(token ?? "");
  const query = useQuery({
    queryKey: key,
    enabled: token !== null,
    queryFn: async () => {
      const fresh = await chatApi.conversation(token as string);
      const cached = queryClient.getQueryData<ChatConversation>(chatKeys.conversation(token as string));
      // A refetch that finds nobody writing ends a partial reply whose final message the stream missed.
      if (!fresh.typing) setTyping(null);
      return cached ? { ...fresh, messages: mergeMessages(cached.messages, fresh.messages) } : fresh;
    },
  });
  const conversation = query.data;

  // Reset what belongs to one conversation when the token changes (the widget's "New conversation").
  // biome-ignore lint/correctness/useExhaustiveDependencies: token is the trigger, not an input
  useEffect(() => {
    setTyping(null);
    setPending([]);
    setActionError(null);
    setGone(false);
  }, [token]);

  const update = useCallback(
    (change: (c: ChatConversation) => ChatConversation) => {
      if (!token) return;
      queryClient.setQueryData<ChatConversation>(chatKeys.conversation(token), (c) => (c ? change(c) : c));
    },
    [queryClient, token],
  );
  const addMessage = useCallback(
    (message: ChatMessage) => {
      update((c) => ({
        ...c,
        messages: mergeMessages(c.messages, [message]),
        typing: message.sender === "customer" && c.typing,
      }));
      if (message.sender !== "customer") setTyping(null);
    },
    [update],
  );

  // New messages, for the widget's host page: everything after the first load, each once.
  const seen = useRef<Set<string> | null>(null);
  const onNewMessageRef = useRef(onNewMessage);
  onNewMessageRef.current = onNewMessage;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new conversation starts a new record
  useEffect(() => {
    seen.current = null;
  }, [token]);
  useEffect(() => {
    if (!conversation) return;
    if (seen.current === null) {
      seen.current = new Set(conversation.messages.map((m) => m.id));
      return;
    }
    for (const m of conversation.messages) {
      if (seen.current.has(m.id)) continue;
      seen.current.add(m.id);
      onNewMessageRef.current?.(m);
    }
  }, [conversation]);

  const loaded = conversation !== undefined;
  const open = conversation?.open ?? false;
  useEffect(() => {
    if (!token || !loaded || !open) {
      setConnection(loaded && !open ? "ended" : "connecting");
      return;
    }
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let failures = 0;
    const conversationKey = chatKeys.conversation(token);

    const connect = () => {
      const es = new EventSource(chatApi.eventsUrl(token));
      source = es;
      es.onopen = () => {
        failures = 0;
        setConnection("live");
        queryClient.invalidateQueries({ queryKey: conversationKey });
      };
      es.addEventListener("message", (event) => {
        const message = parse<ChatMessage>(event);
        if (message?.id) addMessage(message);
      });
      es.addEventListener("typing", (event) => {
        // null: the agent stopped without a reply (the conversation went to a person).
        const data = parse<{ text?: string | null }>(event);
        if (data) setTyping(typeof data.text === "string" ? data.text : null);
      });
      es.addEventListener("status", (event) => {
        const data = parse<{ status: string; open: boolean }>(event);
        if (!data) return;
        update((c) => ({ ...c, status: data.status, open: data.open, typing: data.open && c.typing }));
        if (!data.open) {
          setTyping(null);
          stopped = true;
          es.close();
          setConnection("ended");
        }
      });
      es.onerror = () => {
        if (stopped) return;
        setConnection("reconnecting");
        if (es.readyState !== EventSource.CLOSED) return; // the browser retries by itself
        // The browser gave up (the server refused the stream). Look before trying again.
        const delay = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** failures++);
        timer = setTimeout(async () => {
          try {
            const fresh = await queryClient.fetchQuery({ queryKey: conversationKey, staleTime: 0 });
            if (stopped || !(fresh as ChatConversation).open) return;
          } catch (error) {
            if (isChatNotFound(error)) {
              setGone(true);
              return;
            }
          }
          if (!stopped) connect();
        }, delay);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [token, loaded, open, queryClient, addMessage, update]);

  const send = useCallback(
    async (content: string) => {
      if (!token) return false;
      const pendingKey = nextKey.current++;
      setActionError(null);
      setPending((p) => [...p, { key: pendingKey, content }]);
      try {
        addMessage(await chatApi.send(token, content));
        return true;
      } catch (error) {
        if (isChatNotFound(error)) setGone(true);
        if (isChatClosed(error)) queryClient.invalidateQueries({ queryKey: chatKeys.conversation(token) });
        setActionError(error instanceof Error ? error.message : "The message was not sent. Try again.");
        return false;
      } finally {
        setPending((p) => p.filter((m) => m.key !== pendingKey));
      }
    },
    [token, addMessage, queryClient],
  );

  const end = useCallback(async () => {
    if (!token) return false;
    setEnding(true);
    setActionError(null);
    try {
      const ended = await chatApi.end(token);
      update((c) => ({ ...ended, messages: mergeMessages(c.messages, ended.messages) }));
      setTyping(null);
      return true;
    } catch (error) {
      if (isChatNotFound(error)) setGone(true);
      // Already over: the conversation says so once it is refetched.
      if (isChatClosed(error)) {
        queryClient.invalidateQueries({ queryKey: chatKeys.conversation(token) });
        return true;
      }
      setActionError(error instanceof Error ? error.message : "The chat could not be ended. Try again.");
      return false;
    } finally {
      setEnding(false);
    }
  }, [token, update, queryClient]);

  const phase: ChatState["phase"] =
    gone || (query.isError && isChatNotFound(query.error))
      ? "gone"
      : conversation
        ? "ready"
        : query.isError
          ? "error"
          : "loading";

  return {
    conversation,
    phase,
    loadError: query.error,
    retryLoad: () => void query.refetch(),
    typing: conversation?.open === false ? null : (typing ?? (conversation?.typing ? "" : null)),
    pending,
    actionError,
    clearActionError: () => setActionError(null),
    send,
    end,
    ending,
    connection,
  };
}
