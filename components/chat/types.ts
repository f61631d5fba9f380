// The public chat API's shapes (/api/chat/**), as the customer's browser sees them: the API's own types
// (type-only imports: nothing of the server reaches the browser). The customer's side has no staff data:
// the agent's name and picture, the messages, and whether the conversation is open.
import type { z } from "zod";
import type { ChatConversation, ChatMessage, ChatStartInput, widgetConfigSchema } from "@/server/conversations/schema";

export type { ChatConversation, ChatMessage };
export type ChatAgent = ChatConversation["agent"];
export type ChatSender = ChatMessage["sender"];

/** GET /api/chat/widget: what the widget shows before the first message. */
export type WidgetInfo = z.infer<typeof widgetConfigSchema>;

export type StartChatBody = ChatStartInput;
export type ChatCustomer = NonNullable<ChatStartInput["customer"]>;

/** The API's limit on one message (server/conversations/schema.ts, MAX_MESSAGE_LENGTH). */
export const MAX_MESSAGE_LENGTH = 4000;
