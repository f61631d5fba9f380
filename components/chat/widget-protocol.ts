// The conversation between the widget's script on the customer's site (public/widget.js, "the host") and
// the chat page in its iframe (/chat/widget). Every message is an object with source "callboard" and a
// type; anything else on the channel is someone else's and is ignored. Messages from the host are
// checked here, field by field: the host page is another site, and other scripts on it may post too.
//
// Host → frame:
//   init        {token?, customer?, customerHash?, lang?, color?}  after "ready"; again when the customer changes
//   send        {text}          send a message (starts the conversation if there is none)
//   reset       {}              forget the conversation: the next message starts a new one
//   visibility  {open}          the panel was opened or closed (unread counting, focus)
// Frame → host:
//   ready       {}              listening; send init
//   agent       {agent:{name}}  for the iframe's title
//   token       {token|null}    keep it (in the host's storage: the frame's own storage is partitioned)
//   message     {message}       a new message from anyone
//   unread      {count}         messages the customer has not seen while the panel was closed
//   close       {}              the customer closed the panel from inside (close button, Escape)
import { z } from "zod";
import type { ChatAgent, ChatCustomer, ChatMessage } from "./types";

export const PROTOCOL_SOURCE = "callboard";

const text = (max: number) => z.string().trim().max(max);
const customerSchema = z
  .object({ name: text(200), email: text(320), phone: text(40) })
  .partial()
  .transform((c): ChatCustomer => Object.fromEntries(Object.entries(c).filter(([, v]) => v)) as ChatCustomer);

const hostMessageSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("init"),
    token: z.string().min(1).max(512).nullish().catch(null),
    customer: customerSchema.optional().catch(undefined),
    customerHash: z.string().min(1).max(512).optional().catch(undefined),
    lang: z.string().max(35).optional().catch(undefined),
    color: z.string().max(64).optional().catch(undefined),
  }),
  z.object({ type: z.literal("send"), text: z.string().max(100_000) }),
  z.object({ type: z.literal("reset") }),
  z.object({ type: z.literal("visibility"), open: z.boolean() }),
]);

export type HostMessage = z.infer<typeof hostMessageSchema>;

export type FrameMessage =
  | { type: "ready" }
  | { type: "agent"; agent: Pick<ChatAgent, "name"> }
  | { type: "token"; token: string | null }
  | { type: "message"; message: ChatMessage }
  | { type: "unread"; count: number }
  | { type: "close" };

/** A message from the host, or null when `data` is not one of ours (or not well-formed). */
export function parseHostMessage(data: unknown): HostMessage | null {
  if (typeof data !== "object" || data === null || (data as { source?: unknown }).source !== PROTOCOL_SOURCE) return null;
  const parsed = hostMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
