// `cost` on the call object: the model's tokens times the configured per-1,000-token prices, plus what
// the provider charged (Twilio's price on the call and its messages, fetched after the end by
// server/transports/twilio/price.ts). The simulator charges nothing, so a simulated interaction costs 0
// and says so.
import { env } from "@/lib/env";
import type { Call } from "./schema";

/** Money to a millionth, so sums of many small prices do not show float noise. */
export const roundMoney = (n: number) => Math.round(n * 1_000_000) / 1_000_000;

/** The model's price of these tokens (analytics sums the tokens of many interactions first: the price is linear). */
export const tokenCost = (promptTokens: number, completionTokens: number) =>
  roundMoney((promptTokens / 1000) * env.LLM_PRICE_PER_1K_INPUT + (completionTokens / 1000) * env.LLM_PRICE_PER_1K_OUTPUT);

/** Providers that bill per interaction and report it; web chat and e-mail cost nothing per interaction. */
const BILLING_PROVIDERS = new Set(["twilio"]);

export function costOf(row: {
  simulated: boolean;
  provider: string;
  endedAt: Date | null;
  promptTokens: number;
  completionTokens: number;
  providerPrice: number | null;
  providerPriceUnit: string | null;
}): Call["cost"] {
  const currency = env.LLM_PRICE_CURRENCY;
  if (row.simulated) {
    return { total: 0, currency, model: 0, provider: 0, simulated: true, note: "Simulated: nothing is charged." };
  }
  const notes: string[] = [];
  const priced = env.LLM_PRICE_PER_1K_INPUT > 0 || env.LLM_PRICE_PER_1K_OUTPUT > 0;
  if (!priced && row.promptTokens + row.completionTokens > 0) {
    notes.push("The model's tokens are not priced (LLM_PRICE_PER_1K_INPUT/_OUTPUT).");
  }
  const model = tokenCost(row.promptTokens, row.completionTokens);
  let provider: number | null = 0;
  if (BILLING_PROVIDERS.has(row.provider)) {
    if (row.providerPrice === null) {
      provider = null;
      notes.push(
        row.endedAt
          ? "Twilio has not reported its price yet; it is added once Twilio has rated the call or messages."
          : "Twilio's price is added after the end.",
      );
    } else if (row.providerPriceUnit && row.providerPriceUnit !== currency) {
      provider = null;
      notes.push(
        `Twilio charged ${row.providerPrice} ${row.providerPriceUnit}, which is not added to a total in ${currency}: set LLM_PRICE_CURRENCY to your Twilio account's currency.`,
      );
    } else {
      provider = row.providerPrice;
    }
  }
  return {
    total: roundMoney(model + (provider ?? 0)),
    currency,
    model,
    provider,
    simulated: false,
    note: notes.length ? notes.join(" ") : null,
  };
}
