// Row → call object. The reference fields come first and are always present.
import { env, publicUrl } from "@/lib/env";
import { signToken } from "@/lib/signing";
import { toIso, toIsoOrNull } from "@/lib/time";
import { toAnalysis } from "@/server/analysis/serialize";
import { chatUrl } from "@/server/transports/webchat/link";
import { costOf } from "./cost";
import type { CallRow } from "./queries";
import type { Call, CustomField, EffectiveAgent, EmailEnvelope, Message } from "./schema";
import type { Status } from "./status";

export const RECORDING_TOKEN_PURPOSE = "recording";

export async function recordingUrl(id: string): Promise<string> {
  const token = await signToken(RECORDING_TOKEN_PURPOSE, id, env.RECORDING_URL_TTL_SECONDS);
  return `${publicUrl()}/api/v1/calls/${id}/recording?token=${token}`;
}

/** Whole seconds as a string, as in the reference: final once ended, ticking while live, "0" before. */
function duration(row: CallRow): string {
  if (row.durationSeconds !== null) return String(row.durationSeconds);
  if (!row.startedAt) return "0";
  return String(Math.max(0, Math.floor((Date.now() - row.startedAt.getTime()) / 1000)));
}

type MessageRow = CallRow["messages"][number];

/** A message as the call object, its live stream and the call.message webhook list it. */
export function toMessage(m: MessageRow): Message {
  return {
    sid: m.sid,
    timestamp: toIso(m.timestamp),
    sender: m.sender as Message["sender"],
    content: m.content,
    // The reference types mediaUrl as a string, so a message without an attachment has "", not null.
    mediaUrl: m.mediaUrl ?? "",
    status: m.status,
    senderName: m.senderName,
    internal: m.internal,
    externalId: m.externalId,
    error: m.error,
    email: m.email ? (JSON.parse(m.email) as EmailEnvelope) : null,
  };
}

export async function toCall(row: CallRow): Promise<Call> {
  const recording = row.hasRecording ? await recordingUrl(row.id) : null;
  const chat = row.provider === "webchat" && row.direction === "outbound" ? await chatUrl(row.id) : null;
  return {
    id: row.id,
    status: row.status as Status,
    agentPhone: row.agentPhone,
    agentEmail: row.agentEmail,
    customerPhone: row.customerPhone,
    customerEmail: row.customerEmail,
    agentId: row.agentId,
    customerId: row.customerId,
    skillId: row.skillId,
    customerName: row.customerName,
    transcription: row.transcription,
    recordingUrl: recording,
    messages: row.messages.map(toMessage),
    duration: duration(row),
    channel: row.channel as Call["channel"],
    note: row.note,
    simulated: row.simulated,
    provider: row.provider,
    externalId: row.externalId,
    initialMessage: row.initialMessage,
    prompt: row.prompt,
    subject: row.subject,
    unresolvedVariables: JSON.parse(row.unresolvedVariables) as string[],
    customFields: JSON.parse(row.customFields) as CustomField[],
    agent: JSON.parse(row.effectiveAgent) as EffectiveAgent,
    endReason: row.endReason,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    startedAt: toIsoOrNull(row.startedAt),
    endedAt: toIsoOrNull(row.endedAt),
    statusHistory: row.history.map((h) => ({
      status: h.toStatus as Status,
      previousStatus: h.fromStatus as Status | null,
      at: toIso(h.createdAt),
      actor: h.actor,
      reason: h.reason,
    })),
    direction: row.direction as Call["direction"],
    brain: row.brain as Call["brain"],
    needsPerson: row.needsPerson,
    handoffReason: row.handoffReason,
    takenOverBy: row.takenOverById ? { id: row.takenOverById, name: row.takenOverByName ?? "" } : null,
    usage: {
      promptTokens: row.promptTokens,
      completionTokens: row.completionTokens,
      totalTokens: row.promptTokens + row.completionTokens,
    },
    cost: costOf(row),
    analysis: toAnalysis(row.analysis, row.simulated),
    links: { self: `${publicUrl()}/api/v1/calls/${row.id}`, recording, chat },
  };
}
