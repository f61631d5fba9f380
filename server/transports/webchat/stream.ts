// GET /api/chat/{token}/events: the customer's live view of their conversation.
//   event: message  a message the customer may see (agent, staff or their own), once each
//   event: typing   { text }: the agent is writing ("" before the first token, then the reply so far;
//                   null when it stopped without a reply, e.g. a hand-off)
//   event: status   { status, open }
// The stream ends when the conversation ends. It follows the same change watcher as the dashboard
// (server/events/watcher.ts), so on Postgres a message written by another instance arrives too; the
// typing text is in-process only (conversations/typing.ts).
import type { Call } from "@/server/calls/schema";
import { isTerminal } from "@/server/calls/status";
import { sseFrame, sseResponse } from "@/server/events/sse";
import { watchCall, refreshCall } from "@/server/events/watcher";
import { subscribeTyping } from "@/server/conversations/typing";
import { getConversation } from "./service";

const VISIBLE = new Set(["agent", "customer", "staff"]);

export async function chatEventsResponse(id: string, signal: AbortSignal) {
  const first = await getConversation(id);
  return sseResponse(signal, (channel) => {
    const sent = new Set(first.messages.map((m) => m.id));
    let status = first.status;
    channel.send(sseFrame({ event: "status", data: { status, open: first.open } }));
    if (first.typing) channel.send(sseFrame({ event: "typing", data: { text: "" } }));
    if (!first.open) return channel.close();

    const onCall = (call: Call) => {
      for (const m of call.messages) {
        if (sent.has(m.sid) || m.internal || !VISIBLE.has(m.sender)) continue;
        sent.add(m.sid);
        channel.send(
          sseFrame({
            event: "message",
            data: {
              id: m.sid,
              sender: m.sender,
              senderName: m.sender === "staff" ? m.senderName : null,
              content: m.content,
              timestamp: m.timestamp,
            },
          }),
        );
      }
      if (call.status !== status) {
        status = call.status;
        channel.send(sseFrame({ event: "status", data: { status, open: !isTerminal(status) } }));
        if (isTerminal(status)) channel.close();
      }
    };
    channel.onClose(watchCall(id, onCall));
    channel.onClose(
      subscribeTyping(id, ({ text }) => {
        channel.send(sseFrame({ event: "typing", data: { text } }));
      }),
    );
    // Close the gap between the first read and the subscription.
    refreshCall(id);
  });
}
