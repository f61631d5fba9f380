// The simulator's customer when a model is configured: the model plays a persona ("an impatient
// customer whose parcel is late") against the agent, for "test your agent" runs. Without a model the
// simulator plays its fixed script instead (server/channels/simulator/script.ts).
import { generateText } from "ai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { env } from "@/lib/env";
import type { BrainContext, Usage } from "@/server/brain/types";

export const DEFAULT_PERSONA =
  "A polite customer who answers briefly, asks one relevant question, and says goodbye once it is answered.";

/** The persona's closing word: the customer has nothing more to say. */
const DONE = "[END]";

export async function simulatedCustomerTurn(
  context: BrainContext,
  persona: string | null,
): Promise<{ text: string | null; usage: Usage }> {
  const customerLines = context.history.filter((l) => l.sender === "customer").length;
  if (customerLines >= Math.min(env.LLM_MAX_TURNS, 8)) return { text: null, usage: { promptTokens: 0, completionTokens: 0 } };
  const provider = createOpenAICompatible({
    name: "llm",
    baseURL: env.LLM_BASE_URL ?? "",
    apiKey: env.LLM_API_KEY,
    includeUsage: true,
  });
  const result = await generateText({
    model: provider.chatModel(env.LLM_MODEL),
    system: [
      `You play a customer named ${context.customer.name || "Alex"} in a test conversation with ${context.agentName}, an agent of the ${context.skillName} team.`,
      `Your persona: ${persona?.trim() || DEFAULT_PERSONA}`,
      `Reply with only what the customer says, in ${context.language}. When you have nothing more to say, reply ${DONE}.`,
    ].join("\n"),
    messages: context.history
      .filter((l) => !l.internal && (l.sender === "agent" || l.sender === "customer" || l.sender === "staff"))
      .map((l) => ({ role: l.sender === "customer" ? ("assistant" as const) : ("user" as const), content: l.content })),
    maxRetries: 2,
    abortSignal: AbortSignal.timeout(env.LLM_TIMEOUT_MS),
  });
  const text = result.text.trim();
  const usage = { promptTokens: result.usage.inputTokens ?? 0, completionTokens: result.usage.outputTokens ?? 0 };
  return { text: !text || text.includes(DONE) ? null : text, usage };
}
