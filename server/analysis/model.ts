// The model analyser: AI SDK structured output, checked against a zod schema built from the skill's
// field definitions. An answer that is not valid JSON or does not match the schema is retried
// (LLM_MAX_ATTEMPTS in all); after that the caller records the analysis as failed with the reason.
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { generateText, Output } from "ai";
import { timeModel } from "@/lib/metrics";
import { env } from "@/lib/env";
import type { AnalysisInput, AnalysisResult } from "./rules";
import { buildModelOutputSchema } from "./schema";

export type ModelAnalysis = { result: AnalysisResult; usage: { promptTokens: number; completionTokens: number } };

/** Thrown after the last attempt: its message is the reason recorded on the failed analysis. */
export class AnalysisFailed extends Error {}

function model(name: string | null) {
  const provider = createOpenAICompatible({
    name: "llm",
    baseURL: env.LLM_BASE_URL ?? "",
    apiKey: env.LLM_API_KEY,
    includeUsage: true,
  });
  return provider.chatModel(name || env.LLM_MODEL);
}

const transcript = (input: AnalysisInput) =>
  input.messages
    .filter((m) => !m.internal)
    .map((m) => `${m.sender}: ${m.content}`)
    .join("\n")
    .slice(-60_000);

function systemPrompt(input: AnalysisInput) {
  const fields = input.fields.map(
    (f) =>
      `- ${f.name} (${f.type}${f.type === "enum" ? `: ${(f.choices ?? []).join(" | ")}` : ""}${f.required ? ", required" : ", null when not said"}): ${f.description}`,
  );
  return [
    "You write the post-call analysis of a finished customer interaction. Answer with one JSON object only.",
    "summary: one to three sentences. sentiment: the customer's, or unknown when the conversation gives no evidence.",
    input.successCriteria.trim()
      ? `successful: whether these success criteria were met: "${input.successCriteria.trim()}". successReason: why, citing the conversation.`
      : "successful: null (the skill has no success criteria). successReason: say that there are none.",
    input.channel === "call" ? "inVoicemail: whether the call reached an answering machine." : "inVoicemail: null.",
    fields.length
      ? `extracted: these fields, from what the conversation says; never invent a value:\n${fields.join("\n")}`
      : "extracted: an empty object.",
  ].join("\n");
}

function userPrompt(input: AnalysisInput) {
  return [
    `Interaction: ${input.direction} ${input.channel}, about ${input.skillName}, with ${input.customerName}.`,
    `It ended as ${input.status}${input.endReason ? `: ${input.endReason}` : ""}.`,
    input.simulated ? "It ran on the simulator: the customer was simulated." : "",
    "Transcript:",
    transcript(input) || "(no messages)",
  ]
    .filter(Boolean)
    .join("\n");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function analyseWithModel(input: AnalysisInput, modelName: string | null): Promise<ModelAnalysis> {
  const schema = buildModelOutputSchema(input.fields, input.channel === "call");
  const usage = { promptTokens: 0, completionTokens: 0 };
  let lastError = "";
  for (let n = 0; n < env.LLM_MAX_ATTEMPTS; n++) {
    if (n > 0) await sleep(Math.min(4000, 250 * 2 ** (n - 1)));
    try {
      const answer = await timeModel("analysis", () =>
        generateText({
          model: model(modelName),
          system: systemPrompt(input),
          prompt: userPrompt(input),
          output: Output.object({ schema, name: "analysis" }),
          temperature: 0,
          maxRetries: 0,
          abortSignal: AbortSignal.timeout(env.LLM_TIMEOUT_MS),
        }),
      );
      usage.promptTokens += answer.usage.inputTokens ?? 0;
      usage.completionTokens += answer.usage.outputTokens ?? 0;
      const out = answer.output;
      return {
        result: {
          summary: out.summary,
          sentiment: out.sentiment,
          successful: input.successCriteria.trim() ? out.successful : null,
          successReason: out.successReason,
          extracted: out.extracted as AnalysisResult["extracted"],
          inVoicemail: input.channel === "call" ? (out.inVoicemail as boolean) : null,
        },
        usage,
      };
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      console.error(`[callboard] analysis: model attempt ${n + 1}/${env.LLM_MAX_ATTEMPTS} failed: ${lastError}`);
    }
  }
  throw new AnalysisFailed(`The model's analysis failed ${env.LLM_MAX_ATTEMPTS} times: ${lastError.slice(0, 300)}`);
}
