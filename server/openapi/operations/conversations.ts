// Human take-over of a conversation, and the customer's side of web chat (the chat page and widget).
import { idParamsSchema } from "@/lib/validation";
import { callIdParamsSchema, callSchema, messageSchema } from "@/server/calls/schema";
import {
  chatMessageSchema,
  chatStartSchema,
  chatTokenParamsSchema,
  staffMessageSchema,
  widgetConfigSchema,
  widgetQuerySchema,
} from "@/server/conversations/schema";
import { chatResponseSchemas } from "@/server/transports/webchat/responses";
import { widgetSettingsSchema } from "@/server/transports/webchat/widget";
import type { Operation } from "../types";

const TAKEOVER_NOTE =
  "Works on web chat, SMS, WhatsApp and e-mail interactions run by engine v2 (not voice calls, and not the simulator's fixed script).";

export const takeoverOperations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/calls/{id}/takeover",
    operationId: "takeOverCall",
    summary: "Take a conversation over",
    description: `The agent pauses; your messages (POST …/messages) reach the customer as \`sender: "staff"\`. ${TAKEOVER_NOTE}`,
    tag: "Conversations",
    auth: "api",
    params: callIdParamsSchema,
    responses: { 200: { description: "The call, with `takenOverBy` set.", body: callSchema } },
    errors: [409],
  },
  {
    method: "post",
    path: "/api/v1/calls/{id}/handback",
    operationId: "handBackCall",
    summary: "Hand a conversation back to the agent",
    description: "The agent resumes with the staff turns in its context, and answers a customer message that is waiting.",
    tag: "Conversations",
    auth: "api",
    params: callIdParamsSchema,
    responses: { 200: { description: "The call, with `takenOverBy: null`.", body: callSchema } },
    errors: [409],
  },
  {
    method: "post",
    path: "/api/v1/calls/{id}/messages",
    operationId: "sendStaffMessage",
    summary: "Write to the customer as staff",
    description: `Takes the conversation over if it was not already. ${TAKEOVER_NOTE}`,
    tag: "Conversations",
    auth: "api",
    params: callIdParamsSchema,
    body: staffMessageSchema,
    responses: { 201: { description: "The message as the call object lists it.", body: messageSchema } },
    errors: [409],
  },
  {
    method: "get",
    path: "/api/v1/agents/{id}/widget",
    operationId: "getAgentWidget",
    summary: "The agent's web chat widget",
    description:
      "The `<script>` snippet per skill, and the secret a site's server uses to compute `data-customer-hash` " +
      "(hex HMAC-SHA256 of the visitor's lower-cased e-mail). Admins only.",
    tag: "Web chat",
    auth: "admin",
    params: idParamsSchema,
    responses: { 200: { description: "Snippets and the identity secret.", body: widgetSettingsSchema } },
  },
];

const CHAT_AUTH =
  "No credentials: the conversation token (from `links.chat` or POST /api/chat/start) authorises. " +
  "A forged, expired or unknown token answers 404 `chat_not_found`.";

export const chatOperations: Operation[] = [
  {
    method: "get",
    path: "/api/chat/widget",
    operationId: "getWidgetConfig",
    summary: "What the widget shows first",
    tag: "Web chat",
    auth: "public",
    query: widgetQuerySchema,
    responses: { 200: { description: "The agent and the greeting.", body: widgetConfigSchema } },
    errors: [404],
  },
  {
    method: "post",
    path: "/api/chat/start",
    operationId: "startChat",
    summary: "Start a web chat (the visitor's first message)",
    description:
      "Creates an inbound interaction. A `customer.email` is linked to a known customer only with a matching " +
      "`customerHash`; otherwise it is kept as an unverified custom field. Rate-limited per address (429).",
    tag: "Web chat",
    auth: "public",
    body: chatStartSchema,
    responses: { 201: { description: "The conversation and its token.", body: chatResponseSchemas.started } },
    errors: [429],
  },
  {
    method: "get",
    path: "/api/chat/{token}",
    operationId: "getChat",
    summary: "Read a web chat as the customer",
    description: `${CHAT_AUTH} Tool calls and staff notes are never included.`,
    tag: "Web chat",
    auth: "public",
    params: chatTokenParamsSchema,
    responses: { 200: { description: "The conversation.", body: chatResponseSchemas.conversation } },
  },
  {
    method: "post",
    path: "/api/chat/{token}/messages",
    operationId: "sendChatMessage",
    summary: "Write as the customer",
    description: `${CHAT_AUTH} Plain text, at most 4,000 characters; rate-limited per conversation and per address (429). 409 \`chat_closed\` once it ended.`,
    tag: "Web chat",
    auth: "public",
    params: chatTokenParamsSchema,
    body: chatMessageSchema,
    responses: { 201: { description: "The stored message.", body: chatResponseSchemas.message } },
    errors: [409, 429],
  },
  {
    method: "post",
    path: "/api/chat/{token}/end",
    operationId: "endChat",
    summary: "Close a web chat as the customer",
    tag: "Web chat",
    auth: "public",
    params: chatTokenParamsSchema,
    responses: { 200: { description: "The ended conversation.", body: chatResponseSchemas.conversation } },
  },
  {
    method: "get",
    path: "/api/chat/{token}/events",
    operationId: "chatEvents",
    summary: "Follow a web chat live (Server-Sent Events)",
    description:
      `${CHAT_AUTH} Events: \`message\` (a ChatMessage), \`typing\` ({text}: "" when the agent starts writing, ` +
      "the reply so far while it streams, null when it stopped without a reply) and `status` ({status, open}). " +
      "The stream ends when the conversation ends.",
    tag: "Web chat",
    auth: "public",
    params: chatTokenParamsSchema,
    responses: { 200: { description: "The event stream.", contentType: "text/event-stream" } },
  },
];
