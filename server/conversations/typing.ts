// The agent's reply while the model writes it, for the customer's typing indicator. In-process only:
// partial text is not worth a database write per token, and a viewer on another instance simply sees
// the whole message when it is stored.
import { EventEmitter } from "node:events";

export type TypingEvent = { callId: string; text: string | null };

const globalForTyping = globalThis as unknown as { callboardTyping?: EventEmitter };
globalForTyping.callboardTyping ??= new EventEmitter().setMaxListeners(0);
const typing = globalForTyping.callboardTyping;

/** `text` is "" when the agent starts writing, the reply so far while it streams, null when it stops. */
export function publishTyping(callId: string, text: string | null) {
  typing.emit(callId, { callId, text } satisfies TypingEvent);
}

export function subscribeTyping(callId: string, listener: (event: TypingEvent) => void): () => void {
  typing.on(callId, listener);
  return () => typing.off(callId, listener);
}

/** Which conversations have an agent turn being written in this process (for a page that opens mid-turn). */
const writing = new Set<string>();
export const isTyping = (callId: string) => writing.has(callId);
export function markTyping(callId: string, on: boolean) {
  if (on) writing.add(callId);
  else writing.delete(callId);
  publishTyping(callId, on ? "" : null);
}
