// The named schemas of the OpenAPI document (components.schemas): the zod schemas the handlers use,
// each registered once under the name the document shows. Responses are converted as zod's output
// type, request bodies as its input type (defaults optional, before transforms), so they live in two
// registries; every body an operation names must be registered here (document.ts checks).
import { z } from "zod";
import { errorEnvelopeSchema } from "@/lib/errors";
import { actionSchema, actionSecretSchema, createActionSchema, updateActionSchema } from "@/server/actions/schema";
import { agentSchema, createAgentSchema, updateAgentSchema } from "@/server/agents/schema";
import { analysisFieldSchema, analysisSchema, correctAnalysisSchema } from "@/server/analysis/schema";
import { apiKeySchema, createApiKeySchema, createdApiKeySchema } from "@/server/api-keys/schema";
import { sessionUserSchema, signInSchema } from "@/server/auth/schema";
import {
  callSchema,
  createCallSchema,
  effectiveAgentSchema,
  messageSchema,
  statusChangeSchema,
  transferSchema,
  updateCallSchema,
} from "@/server/calls/schema";
import { channelSchema, statusSchema } from "@/server/calls/status";
import { customerSchema } from "@/server/customers/schema";
import {
  chatConversationSchema,
  chatMessageOutSchema,
  chatMessageSchema,
  chatStartSchema,
  staffMessageSchema,
  widgetConfigSchema,
} from "@/server/conversations/schema";
import { chatResponseSchemas } from "@/server/transports/webchat/responses";
import { widgetSettingsSchema } from "@/server/transports/webchat/widget";
import { channelsStatusSchema } from "@/server/transports/settings";
import { twilioTestResultSchema, twilioTestSchema } from "@/server/transports/twilio/schema";
import {
  emailChannelSchema,
  emailReceivedSchema,
  testEmailResultSchema,
  testEmailSchema,
} from "@/server/transports/email/service";
import { callSummarySchema } from "@/server/events/schema";
import { batchSchema, batchTaskObjectSchema, createBatchSchema, updateBatchSchema } from "@/server/batches/schema";
import { createSkillSchema, skillSchema, updateSkillSchema } from "@/server/skills/schema";
import {
  changeOwnPasswordSchema,
  createStaffUserSchema,
  setStaffPasswordSchema,
  staffUserSchema,
  updateStaffUserSchema,
} from "@/server/staff/schema";
import { analyticsSchema } from "@/server/analytics/schema";
import { statsSchema } from "@/server/stats/schema";
import { healthSchema, pingSchema } from "@/server/system/schema";
import {
  callCreatedEventSchema,
  callAnalyzedEventSchema,
  callEndedEventSchema,
  callMessageEventSchema,
  callStatusChangedEventSchema,
  batchCompletedEventSchema,
  batchProgressEventSchema,
  createWebhookSchema,
  deliverySchema,
  updateWebhookSchema,
  webhookSchema,
  webhookTestEventSchema,
  webhookWithSecretSchema,
} from "@/server/webhooks/schema";
import {
  createKnowledgeBaseSchema,
  createSourceSchema,
  knowledgeBaseSchema,
  knowledgeHitSchema,
  knowledgeSourceSchema,
  updateKnowledgeBaseSchema,
} from "@/server/knowledge/schema";

export type SchemaMeta = { id: string; description?: string };

const registry = (entries: [z.ZodType, SchemaMeta][]) => {
  const r = z.registry<SchemaMeta>();
  for (const [schema, meta] of entries) r.add(schema, meta);
  return r;
};

export const responseSchemas = registry([
  [errorEnvelopeSchema, { id: "Error", description: "The one error envelope of every endpoint. `code` is stable." }],
  [statusSchema, { id: "Status", description: "An interaction's status (see the README's status table)." }],
  [channelSchema, { id: "Channel" }],
  [callSchema, { id: "Call", description: "The call object: every field of the reference response, plus Callboard's." }],
  [messageSchema, { id: "Message" }],
  [statusChangeSchema, { id: "StatusChange" }],
  [effectiveAgentSchema, { id: "EffectiveAgent", description: "The agent settings this interaction ran with." }],
  [analysisSchema, { id: "Analysis", description: "The post-call analysis of an ended interaction." }],
  [analysisFieldSchema, { id: "AnalysisField", description: "A value the post-call analysis extracts (set on a skill)." }],
  [callSummarySchema, { id: "CallSummary", description: "A short summary of a call that changed (GET /events)." }],
  [agentSchema, { id: "Agent" }],
  [actionSchema, { id: "AgentAction", description: "An HTTP tool the agent's model may call." }],
  [actionSecretSchema, { id: "AgentActionSecret", description: "The key that signs the agent's action requests." }],
  [skillSchema, { id: "Skill" }],
  [knowledgeBaseSchema, { id: "KnowledgeBase" }],
  [knowledgeSourceSchema, { id: "KnowledgeSource", description: "A document of a knowledge base and its indexing status." }],
  [knowledgeHitSchema, { id: "KnowledgeHit", description: "A passage found for a question, with its source's name." }],
  [customerSchema, { id: "Customer" }],
  [statsSchema, { id: "Stats" }],
  [analyticsSchema, { id: "Analytics", description: "Aggregates over a range of days (GET /api/v1/analytics)." }],
  [apiKeySchema, { id: "ApiKey", description: "An API credential, without its secret." }],
  [createdApiKeySchema, { id: "CreatedApiKey", description: "The new credential with its password, shown only here." }],
  [staffUserSchema, { id: "StaffUser" }],
  [sessionUserSchema, { id: "SessionUser" }],
  [webhookSchema, { id: "Webhook" }],
  [webhookWithSecretSchema, { id: "WebhookWithSecret", description: "The endpoint with its signing secret, shown only here." }],
  [deliverySchema, { id: "Delivery" }],
  [healthSchema, { id: "Health" }],
  [pingSchema, { id: "Ping" }],
  [callCreatedEventSchema, { id: "CallCreatedEvent" }],
  [callStatusChangedEventSchema, { id: "CallStatusChangedEvent" }],
  [callMessageEventSchema, { id: "CallMessageEvent" }],
  [callEndedEventSchema, { id: "CallEndedEvent" }],
  [callAnalyzedEventSchema, { id: "CallAnalyzedEvent" }],
  [batchProgressEventSchema, { id: "BatchProgressEvent" }],
  [batchCompletedEventSchema, { id: "BatchCompletedEvent" }],
  [webhookTestEventSchema, { id: "WebhookTestEvent" }],
  [batchSchema, { id: "Batch", description: "A batch campaign with its live task counts, progress and ETA." }],
  [batchTaskObjectSchema, { id: "BatchTask", description: "One recipient of a batch and its latest interaction." }],
  [chatMessageOutSchema, { id: "ChatMessage", description: "A message as the customer sees it." }],
  [chatConversationSchema, { id: "ChatConversation" }],
  [chatResponseSchemas.conversation, { id: "ChatConversationResponse" }],
  [chatResponseSchemas.message, { id: "ChatMessageResponse" }],
  [chatResponseSchemas.started, { id: "ChatStarted" }],
  [widgetConfigSchema, { id: "WidgetConfig" }],
  [channelsStatusSchema, { id: "ChannelsStatus" }],
  [twilioTestResultSchema, { id: "TwilioTestResult" }],
  [widgetSettingsSchema, { id: "WidgetSettings", description: "Admins only: the embed snippets and the identity secret." }],
  [emailReceivedSchema, { id: "EmailReceived", description: "What became of an inbound e-mail." }],
  [emailChannelSchema, { id: "EmailChannel", description: "SMTP, IMAP and the inbound webhook, without credentials." }],
  [testEmailResultSchema, { id: "TestEmailResult" }],
]);

export const requestSchemas = registry([
  [createCallSchema, { id: "CreateCallRequest" }],
  [
    createBatchSchema,
    { id: "CreateBatchRequest", description: "One agent, skill and channel; each task is a Create Call body's customer part." },
  ],
  [updateBatchSchema, { id: "UpdateBatchRequest" }],
  [updateCallSchema, { id: "UpdateCallRequest", description: "Send at least one of agentId, status or note." }],
  [correctAnalysisSchema, { id: "CorrectAnalysisRequest", description: "Send at least one field to correct." }],
  [createAgentSchema, { id: "CreateAgentRequest" }],
  [
    updateAgentSchema,
    { id: "UpdateAgentRequest", description: "Send at least one field; null clears a contact field or a model setting." },
  ],
  [createActionSchema, { id: "CreateAgentActionRequest" }],
  [updateActionSchema, { id: "UpdateAgentActionRequest", description: "Send at least one field." }],
  [createSkillSchema, { id: "CreateSkillRequest" }],
  [updateSkillSchema, { id: "UpdateSkillRequest", description: "Send at least one field." }],
  [createKnowledgeBaseSchema, { id: "CreateKnowledgeBaseRequest" }],
  [updateKnowledgeBaseSchema, { id: "UpdateKnowledgeBaseRequest", description: "Send at least one field." }],
  [
    createSourceSchema,
    { id: "CreateKnowledgeSourceRequest", description: "Pasted text or a URL; files go as multipart/form-data." },
  ],
  [createApiKeySchema, { id: "CreateApiKeyRequest" }],
  [createStaffUserSchema, { id: "CreateStaffUserRequest" }],
  [updateStaffUserSchema, { id: "UpdateStaffUserRequest", description: "Send at least one of name, role or active." }],
  [signInSchema, { id: "SignInRequest" }],
  [staffMessageSchema, { id: "StaffMessageRequest" }],
  [chatMessageSchema, { id: "ChatMessageRequest" }],
  [transferSchema, { id: "TransferCallRequest" }],
  [twilioTestSchema, { id: "TwilioTestRequest" }],
  [chatStartSchema, { id: "ChatStartRequest" }],
  [testEmailSchema, { id: "TestEmailRequest" }],
  [changeOwnPasswordSchema, { id: "ChangeOwnPasswordRequest" }],
  [setStaffPasswordSchema, { id: "SetStaffPasswordRequest" }],
  [createWebhookSchema, { id: "CreateWebhookRequest", description: "Without `events` the endpoint receives every call event." }],
  [
    updateWebhookSchema,
    { id: "UpdateWebhookRequest", description: "Send at least one field; `events: null` subscribes to all." },
  ],
]);
