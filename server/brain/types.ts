// The brain decides the agent's next turn from the conversation so far. It never writes to the database
// and never talks to the customer: the engine (server/conversations/) applies what it decides.
import type { Channel } from "@/server/calls/status";
import type { CustomField } from "@/server/calls/schema";
import type { EnabledAction } from "@/server/actions/queries";

export type LineSender = "agent" | "customer" | "staff" | "system" | "tool";

/** One line of the conversation as the brain sees it. Internal lines (tool calls, notes) are staff-only. */
export type ConversationLine = { sender: LineSender; content: string; senderName: string | null; internal: boolean };

/** A passage of the agent's knowledge bases, as the model reads it. */
export type KnowledgePassage = { passageId: string; sourceName: string; heading: string; text: string; score: number };

/** The agent's knowledge bases: what was found for the customer's latest message, and a search for more. */
export type KnowledgeAccess = {
  question: string;
  passages: KnowledgePassage[];
  search: (query: string) => Promise<KnowledgePassage[]>;
};

/** An HTTP action the model may call (server/actions). */
export type ActionTool = EnabledAction;

export type BrainContext = {
  interactionId: string;
  agentId: string;
  channel: Channel;
  language: string;
  agentName: string;
  skillName: string;
  /** The rendered `prompt` of the interaction: the agent's base instructions or their override. */
  instructions: string;
  /** The rendered initial message: said verbatim as the first agent turn, never rewritten by a model. */
  initialMessage: string;
  customer: { name: string; firstName: string; phone: string | null; email: string | null };
  customFields: CustomField[];
  history: ConversationLine[];
  now: Date;
  model: { name: string | null; temperature: number | null };
  actions: ActionTool[];
  /** Set when the agent (or the interaction's skill) has knowledge bases. */
  knowledge?: KnowledgeAccess | null;
};

/** A tool the brain called during its turn, shown to staff in the timeline. */
export type ToolLog = { name: string; input: unknown; output: string; ok: boolean };

export type Usage = { promptTokens: number; completionTokens: number };

export type Decision = {
  /** What the agent says now; null when it only ends or hands off silently. */
  reply: string | null;
  /** The agent ends the conversation after its reply. */
  end?: { reason: string; outcome: string };
  /** The agent hands the conversation to a person (it asked to, or it cannot go on). */
  handoff?: { reason: string };
  tools: ToolLog[];
  usage: Usage;
};

export type DecideHooks = {
  /** The reply so far while it is generated, for the customer's typing indicator. */
  onText?: (soFar: string) => void;
};

export interface Brain {
  readonly name: "scripted" | "llm";
  decide(context: BrainContext, hooks?: DecideHooks): Promise<Decision>;
}

export const NO_USAGE: Usage = { promptTokens: 0, completionTokens: 0 };

/** The agent's first turn: the rendered initial message, or a plain greeting when there is none. */
export function openingLine(context: Pick<BrainContext, "initialMessage" | "customer" | "agentName">): string {
  const first = context.customer.firstName || "there";
  return context.initialMessage.trim() || `Hello ${first}, this is ${context.agentName}. How can I help you today?`;
}
