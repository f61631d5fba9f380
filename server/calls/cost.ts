// `cost` on the call object: the model's tokens times the configured per-1,000-token prices. The
// simulator charges nothing, so a simulated interaction costs 0 and says so. Providers' own prices
// (Twilio's price on calls and messages) are not fetched yet: `provider` is null for them.
import { env } from "@/lib/env";
import type { Call } from "./schema";

const round = (n: number) => Math.round(n * 1_000_000) / 1_000_000;

/** The model's price of these tokens (analytics sums the tokens of many interactions first: the price is linear). */
export const tokenCost = (promptTokens: number, completionTokens: number) =>
  round((promptTokens / 1000) * env.LLM_PRICE_PER_1K_INPUT + (completionTokens / 1000) * env.LLM_PRICE_PER_1K_OUTPUT);

export function costOf(row: {
  simulated: boolean;
  provider: string;
  promptTokens: number;
  completionTokens: number;
}): Call["cost"] {
  const currency = env.LLM_PRICE_CURRENCY;
  if (row.simulated) {
    return { total: 0, currency, model: 0, provider: 0, simulated: true, note: "Simulated: nothing is charged." };
  }
  const priced = env.LLM_PRICE_PER_1K_INPUT > 0 || env.LLM_PRICE_PER_1K_OUTPUT > 0;
  const model = tokenCost(row.promptTokens, row.completionTokens);
  // Web chat and e-mail have no per-interaction provider price; Twilio's is not fetched yet.
  const provider = row.provider === "twilio" ? null : 0;
  const notes = [
    !priced && row.promptTokens + row.completionTokens > 0
      ? "The model's tokens are not priced (LLM_PRICE_PER_1K_INPUT/_OUTPUT)."
      : "",
    provider === null ? "The provider's price is not included." : "",
  ].filter(Boolean);
  return { total: model, currency, model, provider, simulated: false, note: notes.length ? notes.join(" ") : null };
}
