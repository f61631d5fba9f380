// Every operation of the API, declared (operations/*.ts) with the zod schemas its handler parses and
// answers with. document.ts turns this list into the OpenAPI document; tests/api/openapi.test.ts fails
// when a route handler exports a method that is not declared here.
import { accountOperations } from "./operations/accounts";
import { actionOperations } from "./operations/actions";
import { batchOperations } from "./operations/batches";
import { callOperations, liveEventOperations } from "./operations/calls";
import { channelOperations } from "./operations/channels";
import { chatOperations, takeoverOperations } from "./operations/conversations";
import { directoryOperations } from "./operations/directory";
import { emailOperations } from "./operations/email";
import { knowledgeOperations } from "./operations/knowledge";
import { systemOperations } from "./operations/system";
import { webhookOperations } from "./operations/webhooks";
import type { Operation } from "./types";

export const TAGS = [
  { name: "Calls", description: "Create interactions on any channel and follow them to the end." },
  { name: "Live events", description: "Server-Sent Events: one call's changes, or a feed of every call." },
  {
    name: "Conversations",
    description: "Human take-over: pause the agent, write to the customer as staff, hand back.",
  },
  {
    name: "Web chat",
    description: "The customer's side of web chat, used by the chat page and the embeddable widget (no credentials).",
  },
  {
    name: "E-mail",
    description: "Inbound e-mail from Postmark or Mailgun, and what staff read of e-mail threads: originals and attachments.",
  },
  {
    name: "Batches",
    description: "Batch campaigns: one agent, skill and channel for many recipients, paced, windowed and retried.",
  },
  { name: "Agents", description: "AI agents and the skills they hold." },
  {
    name: "Agent actions",
    description:
      "HTTP tools an agent's language model may call: Callboard POSTs the arguments to the action's URL, signed like a " +
      "webhook with the agent's action secret, and hands the answer back to the model.",
  },
  { name: "Skills", description: "What an agent can handle." },
  {
    name: "Knowledge",
    description: "Knowledge bases: the team's documents that agents search and answer from, with a search preview.",
  },
  { name: "Customers", description: "The people Callboard's agents talk to (created by Create Call)." },
  { name: "Stats", description: "The overview's counters and the analytics page's aggregates." },
  {
    name: "Webhooks",
    description:
      "Signed event deliveries to your endpoints (see the webhooks section). Staff reach the endpoints they " +
      "registered (others answer 404); admins and the bootstrap credential reach every one.",
  },
  {
    name: "API keys",
    description: "API credentials, managed from a dashboard session: staff their own, admins every key.",
  },
  { name: "Staff", description: "Staff accounts, managed by admins from a dashboard session." },
  { name: "Session", description: "Dashboard sign-in, and changing your own password." },
  { name: "System", description: "Health, liveness and this document." },
  { name: "Channels", description: "The providers that carry each channel (Twilio, e-mail), their health and test actions." },
  {
    name: "Twilio webhooks",
    description: "What Twilio calls: paste the inbound URLs into the Twilio console. Every request is signature-checked.",
  },
];

export const OPERATIONS: Operation[] = [
  ...callOperations,
  ...batchOperations,
  ...liveEventOperations,
  ...takeoverOperations,
  ...chatOperations,
  ...channelOperations,
  ...emailOperations,
  ...directoryOperations,
  ...knowledgeOperations,
  ...actionOperations,
  ...webhookOperations,
  ...accountOperations,
  ...systemOperations,
];
