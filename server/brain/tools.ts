// The tools a model-driven agent may call. end_interaction and transfer_to_human have no execute: the
// model's call stops the turn and the engine acts on it. lookup_custom_field and the agent's HTTP
// actions run here, and their results go back to the model within the same turn.
import { jsonSchema, type ToolSet, tool } from "ai";
import { z } from "zod";
import { invokeAction } from "@/server/actions/invoke";
import { BUILT_IN_TOOLS } from "@/server/actions/schema";
import { formatPassages } from "./prompt";
import type { BrainContext, KnowledgePassage, ToolLog } from "./types";

/** What staff see of the passages a turn used: source, heading and the passage's id, never to the customer. */
export const citedPassages = (passages: KnowledgePassage[]) =>
  passages.map((p, i) => `[${i + 1}] ${p.sourceName}${p.heading ? ` › ${p.heading}` : ""} (passage ${p.passageId})`).join("; ");

// The built-in names are reserved in server/actions/schema.ts, so no agent action can shadow them.
export const [END_TOOL, TRANSFER_TOOL, LOOKUP_TOOL, KNOWLEDGE_TOOL] = BUILT_IN_TOOLS;

export const OUTCOMES = ["resolved", "unresolved", "follow-up", "not-interested", "other"] as const;

export const endInput = z.object({
  reason: z.string().max(500).describe("Why the conversation ends, in one sentence."),
  outcome: z.enum(OUTCOMES).describe("How it ended for the customer."),
});
export const transferInput = z.object({ reason: z.string().max(500).describe("Why a person is needed.") });

/** The tool set for one turn; `log` receives every executed tool call with its result, for the timeline. */
export function toolsFor(context: BrainContext, log: (entry: ToolLog) => void): ToolSet {
  const tools: ToolSet = {
    [END_TOOL]: tool({
      description: "End the conversation once the customer has nothing more. Say goodbye in your reply first.",
      inputSchema: endInput,
    }),
    [TRANSFER_TOOL]: tool({
      description: "Hand the conversation to a human colleague when the customer asks for one or you cannot help.",
      inputSchema: transferInput,
    }),
  };
  if (context.customFields.length > 0) {
    tools[LOOKUP_TOOL] = tool({
      description: `Look up a fact on file about the customer. Known names: ${context.customFields.map((f) => f.name).join(", ")}.`,
      inputSchema: z.object({ name: z.string().max(100) }),
      execute: async ({ name }) => {
        const field = context.customFields.find((f) => f.name.toLowerCase() === name.toLowerCase());
        const output = field ? String(field.value) : `Nothing named "${name}" is on file.`;
        log({ name: LOOKUP_TOOL, input: { name }, output, ok: Boolean(field) });
        return output;
      },
    });
  }
  const knowledge = context.knowledge;
  if (knowledge) {
    tools[KNOWLEDGE_TOOL] = tool({
      description:
        "Search the company's knowledge base (help centre, policies, FAQ) for passages that answer a question. " +
        "Answer only from what it returns; when nothing fits, say you do not know and offer a person.",
      inputSchema: z.object({ query: z.string().max(500).describe("The question, in a few words.") }),
      execute: async ({ query }) => {
        const passages = await knowledge.search(query);
        log({
          name: KNOWLEDGE_TOOL,
          input: { query },
          output: passages.length ? citedPassages(passages) : "nothing found",
          ok: true,
        });
        return passages.length ? formatPassages(passages) : "No passage of the knowledge base matches this question.";
      },
    });
  }
  for (const action of context.actions) {
    tools[action.name] = tool({
      description: action.description || `Call the ${action.name} action.`,
      inputSchema: jsonSchema(action.parameters as Parameters<typeof jsonSchema>[0]),
      execute: async (input) => {
        const result = await invokeAction(action, input, { interactionId: context.interactionId, agentId: context.agentId });
        const output = result.ok ? result.result : `The action failed: ${result.error}`;
        log({ name: action.name, input, output, ok: result.ok });
        return output;
      },
    });
  }
  return tools;
}
