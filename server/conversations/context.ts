// Builds what the brain sees from a stored conversation.
import type { CustomField, EffectiveAgent } from "@/server/calls/schema";
import type { Channel } from "@/server/calls/status";
import type { ActionTool, BrainContext, KnowledgeAccess, LineSender } from "@/server/brain/types";
import type { ConversationRow } from "./queries";

export function brainContext(
  row: ConversationRow,
  actions: ActionTool[],
  knowledge: KnowledgeAccess | null = null,
): BrainContext {
  const agent = JSON.parse(row.effectiveAgent) as EffectiveAgent;
  return {
    interactionId: row.id,
    agentId: row.agentId,
    channel: row.channel as Channel,
    language: row.customer.language ?? agent.language,
    agentName: agent.name,
    skillName: row.skill.name,
    instructions: row.prompt,
    initialMessage: row.initialMessage,
    customer: {
      name: row.customerName,
      firstName: row.customer.firstName,
      phone: row.customerPhone,
      email: row.customerEmail,
    },
    customFields: JSON.parse(row.customFields) as CustomField[],
    history: row.messages.map((m) => ({
      sender: m.sender as LineSender,
      content: m.content,
      senderName: m.senderName,
      internal: m.internal,
    })),
    now: new Date(),
    model: { name: row.agent.llmModel, temperature: row.agent.llmTemperature },
    actions,
    knowledge,
  };
}
