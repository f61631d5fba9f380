// `cost` on the call object: the model's share, the provider's price and what the figure leaves out.
// The unit project runs with the default environment: the model is not priced, the currency is USD.
import { describe, expect, it } from "vitest";
import { costOf } from "./cost";

const ended = new Date("2026-03-02T10:17:00Z");
const base = {
  simulated: false,
  endedAt: ended,
  promptTokens: 0,
  completionTokens: 0,
  providerPrice: null,
  providerPriceUnit: null,
};

describe("costOf", () => {
  it("charges nothing for a simulated interaction, and says so", () => {
    expect(costOf({ ...base, simulated: true, provider: "simulator", promptTokens: 900 })).toEqual({
      total: 0,
      currency: "USD",
      model: 0,
      provider: 0,
      simulated: true,
      note: "Simulated: nothing is charged.",
    });
  });

  it("adds Twilio's price to the total once it is known", () => {
    const cost = costOf({ ...base, provider: "twilio", providerPrice: 0.0237, providerPriceUnit: "USD" });
    expect(cost).toMatchObject({ total: 0.0237, model: 0, provider: 0.0237, note: null });
  });

  it("leaves Twilio's price null, with the reason, until Twilio has rated the interaction", () => {
    expect(costOf({ ...base, provider: "twilio", endedAt: null })).toMatchObject({
      total: 0,
      provider: null,
      note: "Twilio's price is added after the end.",
    });
    expect(costOf({ ...base, provider: "twilio" }).note).toMatch(/^Twilio has not reported its price yet/);
  });

  it("does not add a price in another currency to the total, and says how to fix it", () => {
    const cost = costOf({ ...base, provider: "twilio", providerPrice: 0.02, providerPriceUnit: "EUR" });
    expect(cost).toMatchObject({ total: 0, provider: null });
    expect(cost.note).toBe(
      "Twilio charged 0.02 EUR, which is not added to a total in USD: set LLM_PRICE_CURRENCY to your Twilio account's currency.",
    );
  });

  it("has no provider price for web chat and e-mail, and notes unpriced model tokens", () => {
    expect(costOf({ ...base, provider: "webchat", promptTokens: 1200, completionTokens: 300 })).toEqual({
      total: 0,
      currency: "USD",
      model: 0,
      provider: 0,
      simulated: false,
      note: "The model's tokens are not priced (LLM_PRICE_PER_1K_INPUT/_OUTPUT).",
    });
  });
});
