// The deterministic analyser, used when no model is configured. It says only what the record shows:
// sentiment stays `unknown` unless the customer's own words give evidence, success is judged only
// where the outcome decides it (the customer was never reached), nothing is extracted, and a simulated
// interaction says so.
import type { AnalysisField, Sentiment } from "./schema";

export type AnalysisLine = { sender: string; content: string; internal: boolean };

export type AnalysisInput = {
  channel: string;
  status: string;
  direction: string;
  simulated: boolean;
  customerName: string;
  skillName: string;
  endReason: string | null;
  successCriteria: string;
  fields: AnalysisField[];
  messages: AnalysisLine[];
};

export type AnalysisResult = {
  summary: string;
  sentiment: Sentiment;
  successful: boolean | null;
  successReason: string;
  extracted: Record<string, string | number | boolean | null>;
  inVoicemail: boolean | null;
};

const POSITIVE =
  /\b(thanks?|thank you|great|perfect|excellent|wonderful|awesome|happy|glad|appreciate[ds]?|love (it|that)|helpful)\b/i;
const NEGATIVE =
  /\b(angry|annoyed|furious|terrible|awful|horrible|unacceptable|ridiculous|frustrat\w*|disappoint\w*|worst|useless|complain\w*|upset|rude|cancel my|never again)\b/i;

/** Statuses in which the customer was never reached: the criteria cannot have been met. */
const NOT_REACHED: Record<string, string> = {
  "no-answer": "nobody answered",
  busy: "the line was busy",
  voicemail: "the call reached voicemail",
  failed: "the interaction failed before it could finish",
  canceled: "the interaction was canceled",
  undelivered: "the message could not be delivered",
};

/** Evidence for a sentiment in the customer's own lines; `unknown` without any, `neutral` when mixed. */
export function ruleSentiment(lines: AnalysisLine[]): Sentiment {
  const said = lines.filter((l) => l.sender === "customer" && !l.internal).map((l) => l.content);
  const positive = said.some((s) => POSITIVE.test(s));
  const negative = said.some((s) => NEGATIVE.test(s));
  if (positive && negative) return "neutral";
  if (positive) return "positive";
  if (negative) return "negative";
  return "unknown";
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function analyseByRules(input: AnalysisInput): AnalysisResult {
  const visible = input.messages.filter((m) => !m.internal);
  const fromCustomer = visible.filter((m) => m.sender === "customer").length;
  const kind = `${input.simulated ? "A simulated " : "An "}${input.direction} ${input.channel} interaction`;
  const sentences = [
    `${kind} with ${input.customerName || "the customer"} about ${input.skillName || "the skill"}: ${plural(visible.length, "message")}, ${fromCustomer} from the customer.`,
    `It ended as ${input.status}${input.endReason ? ` (${input.endReason.replace(/\.$/, "")})` : ""}.`,
  ];
  if (input.simulated) sentences.push("No real customer took part.");
  const notReached = NOT_REACHED[input.status];
  let successful: boolean | null = null;
  let successReason: string;
  if (notReached && fromCustomer === 0) {
    successful = false;
    successReason = `The customer was never reached: ${notReached}.`;
  } else if (!input.successCriteria.trim()) {
    successReason = "The skill has no success criteria to judge against.";
  } else {
    successReason =
      "Judging the success criteria needs a language model (LLM_BASE_URL); the rules-based analyser does not guess.";
  }
  return {
    summary: sentences.join(" "),
    sentiment: ruleSentiment(input.messages),
    successful,
    successReason,
    // Nothing is extracted without a model: every defined field is reported as not found.
    extracted: Object.fromEntries(input.fields.map((f) => [f.name, null])),
    inVoicemail: input.channel === "call" ? input.status === "voicemail" : null,
  };
}
