// The model-driven brain: any OpenAI-compatible server through the Vercel AI SDK. One turn streams the
// reply (for the customer's typing indicator), runs the agent's tools, and returns what to do. Failures
// (timeouts, 5xx, malformed tool calls) are retried with backoff a bounded number of times; after that,
// and when the model repeats itself or runs past LLM_MAX_TURNS, the conversation goes to a person.
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { hasToolCall, stepCountIs, streamText } from "ai";
import { timeModel } from "@/lib/metrics";
import { env } from "@/lib/env";
import { conversationMessages, systemPrompt } from "./prompt";
import { citedPassages, END_TOOL, endInput, TRANSFER_TOOL, toolsFor, transferInput } from "./tools";
import type { Brain, BrainContext, DecideHooks, Decision, ToolLog, Usage } from "./types";

/** Tool round trips within one turn (an action, its result, the reply). */
const MAX_STEPS = 6;

export const llmConfigured = () => Boolean(env.LLM_BASE_URL);

function model(name: string | null) {
  const provider = createOpenAICompatible({
    name: "llm",
    baseURL: env.LLM_BASE_URL ?? "",
    apiKey: env.LLM_API_KEY,
    includeUsage: true,
  });
  return provider.chatModel(name || env.LLM_MODEL);
}

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

function lastAgentReply(context: BrainContext): string | null {
  for (let i = context.history.length - 1; i >= 0; i--) {
    const line = context.history[i];
    if (line.sender === "agent" && !line.internal) return line.content;
  }
  return null;
}

/** One attempt at the turn. Throws on any failure, so the caller can retry. */
async function attempt(context: BrainContext, hooks: DecideHooks): Promise<Decision> {
  const tools: ToolLog[] = [];
  const knowledge = context.knowledge;
  if (knowledge && knowledge.passages.length > 0) {
    // Staff see which passages the reply was written from (an internal line of the timeline).
    tools.push({
      name: "knowledge",
      input: { question: knowledge.question },
      output: citedPassages(knowledge.passages),
      ok: true,
    });
  }
  const result = streamText({
    model: model(context.model.name),
    system: systemPrompt(context),
    messages: conversationMessages(context.history),
    tools: toolsFor(context, (entry) => tools.push(entry)),
    stopWhen: [stepCountIs(MAX_STEPS), hasToolCall(END_TOOL), hasToolCall(TRANSFER_TOOL)],
    ...(context.model.temperature !== null && { temperature: context.model.temperature }),
    maxRetries: 0,
    // Failures arrive as stream parts and are retried below; the SDK's default would log each one raw.
    onError: () => {},
    abortSignal: AbortSignal.timeout(env.LLM_TIMEOUT_MS),
  });
  let text = "";
  for await (const part of result.fullStream) {
    if (part.type === "text-delta") {
      text += part.text;
      hooks.onText?.(text);
    } else if (part.type === "error") {
      throw part.error instanceof Error ? part.error : new Error(String(part.error));
    } else if (part.type === "tool-error") {
      throw new Error(`The model's call of ${part.toolName} failed: ${String(part.error)}`);
    }
  }
  const steps = await result.steps;
  const usage = await result.totalUsage;
  const calls = steps.flatMap((step) => step.toolCalls);
  const decision: Decision = {
    reply: text.trim() || null,
    tools,
    usage: { promptTokens: usage.inputTokens ?? 0, completionTokens: usage.outputTokens ?? 0 },
  };
  for (const call of calls) {
    if (call.toolName === END_TOOL) {
      const input = endInput.parse(call.input);
      tools.push({ name: END_TOOL, input, output: "ended", ok: true });
      decision.end = { reason: input.reason || "The agent ended the conversation.", outcome: input.outcome };
    } else if (call.toolName === TRANSFER_TOOL) {
      const input = transferInput.parse(call.input);
      tools.push({ name: TRANSFER_TOOL, input, output: "handed to staff", ok: true });
      decision.handoff = { reason: input.reason || "The agent asked for a person." };
    }
  }
  if (!decision.reply && !decision.end && !decision.handoff) throw new Error("The model answered with nothing to say.");
  return decision;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const llmBrain: Brain = {
  name: "llm",
  async decide(context, hooks = {}) {
    const agentTurns = context.history.filter((line) => line.sender === "agent" && !line.internal).length;
    if (agentTurns >= env.LLM_MAX_TURNS) {
      return {
        reply: null,
        handoff: { reason: `The conversation reached ${env.LLM_MAX_TURNS} agent turns (LLM_MAX_TURNS).` },
        tools: [],
        usage: { promptTokens: 0, completionTokens: 0 },
      };
    }
    const spent: Usage = { promptTokens: 0, completionTokens: 0 };
    let lastError = "";
    for (let n = 0; n < env.LLM_MAX_ATTEMPTS; n++) {
      if (n > 0) await sleep(Math.min(8000, 500 * 2 ** (n - 1)));
      try {
        const decision = await timeModel("turn", () => attempt(context, hooks));
        decision.usage.promptTokens += spent.promptTokens;
        decision.usage.completionTokens += spent.completionTokens;
        const previous = lastAgentReply(context);
        if (decision.reply && previous && normalise(decision.reply) === normalise(previous) && !decision.end) {
          return { ...decision, reply: null, handoff: { reason: "The model repeated its previous answer." } };
        }
        return decision;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        console.error(`[callboard] brain: model turn failed (attempt ${n + 1}/${env.LLM_MAX_ATTEMPTS}): ${lastError}`);
      }
    }
    return {
      reply: null,
      handoff: { reason: `The language model failed ${env.LLM_MAX_ATTEMPTS} times: ${lastError.slice(0, 200)}` },
      tools: [],
      usage: spent,
    };
  },
};
