// The customer's way to call the public chat API. No session and no dashboard header: the conversation's
// token in the path is all the authority there is. Errors come back as ApiClientError with the API's own
// sentence, so a 429 can be shown as it is; a network failure gets a sentence of its own.
import { ApiClientError } from "@/lib/api-client";
import type { ChatConversation, ChatMessage, StartChatBody, WidgetInfo } from "./types";

/** The expired, forged or unknown link: shown as a page of its own, not as an error. */
export function isChatNotFound(error: unknown): boolean {
  return error instanceof ApiClientError && (error.code === "chat_not_found" || error.status === 404);
}

export function isChatClosed(error: unknown): boolean {
  return error instanceof ApiClientError && error.code === "chat_closed";
}

async function request<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      // Nothing of the dashboard's: a staff member testing the chat must not act as staff.
      credentials: "omit",
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiClientError(0, "network_error", "The chat cannot be reached. Check your connection and try again.");
  }
  if (res.ok) return res.json();
  const error = (await res.json().catch(() => null))?.error;
  throw new ApiClientError(
    res.status,
    error?.code ?? "internal_error",
    error?.message ??
      (res.status === 404 ? "This chat was not found." : "Something went wrong on our side. Try again in a moment."),
    error?.details ?? [],
  );
}

const at = (token: string) => `/api/chat/${encodeURIComponent(token)}`;

export const chatApi = {
  conversation: async (token: string) => (await request<{ conversation: ChatConversation }>("GET", at(token))).conversation,
  send: async (token: string, content: string) =>
    (await request<{ message: ChatMessage }>("POST", `${at(token)}/messages`, { content })).message,
  end: async (token: string) => (await request<{ conversation: ChatConversation }>("POST", `${at(token)}/end`, {})).conversation,
  start: (body: StartChatBody) => request<{ token: string; conversation: ChatConversation }>("POST", "/api/chat/start", body),
  widget: (agentId: string, skillId: string) =>
    request<WidgetInfo>("GET", `/api/chat/widget?${new URLSearchParams({ agentId, skillId })}`),
  eventsUrl: (token: string) => `${at(token)}/events`,
};

export const chatKeys = {
  conversation: (token: string) => ["chat", "conversation", token] as const,
  widget: (agentId: string, skillId: string) => ["chat", "widget", agentId, skillId] as const,
};
