// Merging the messages the chat learns of from several places (the first load, the event stream, a
// send's answer, a refetch after reconnecting): each message once, in time order. A refetch may be older
// than an event that arrived while it was in flight, so merging never drops a message it already has.
import type { ChatMessage } from "./types";

export function mergeMessages(current: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const byId = new Map<string, ChatMessage>();
  for (const m of current) byId.set(m.id, m);
  let changed = false;
  for (const m of incoming) {
    const known = byId.get(m.id);
    if (known && known.content === m.content && known.timestamp === m.timestamp) continue;
    byId.set(m.id, m);
    changed = true;
  }
  if (!changed && byId.size === current.length) return current as ChatMessage[];
  // A stable sort: messages with the same time keep the order they arrived in.
  return [...byId.values()].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
}

/** Messages the customer did not write: the ones that count as unread in the widget. */
export function isFromTheOtherSide(message: ChatMessage): boolean {
  return message.sender !== "customer";
}
