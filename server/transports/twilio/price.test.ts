// Summing Twilio's prices: what was charged, and whether anything billable is still unrated.
import { describe, expect, it } from "vitest";
import { sumPrices } from "./price";

const call = (status: string, price: string | null, priceUnit: string | null = "USD") => ({
  resource: { status, price, priceUnit },
  uncharged: new Set(["busy", "no-answer", "failed", "canceled"]),
});
const message = (status: string, price: string | null, priceUnit: string | null = "usd") => ({
  resource: { status, price, priceUnit },
  uncharged: new Set(["failed", "canceled"]),
});

describe("sumPrices", () => {
  it("adds Twilio's negative charges as a positive amount, to a millionth", () => {
    expect(
      sumPrices([message("delivered", "-0.00790"), message("delivered", "-0.00790"), message("received", "-0.0079")]),
    ).toEqual({
      amount: 0.0237,
      unit: "USD",
      unrated: 0,
    });
  });

  it("counts a billable resource without a price as unrated", () => {
    expect(sumPrices([call("completed", null), message("delivered", "-0.0079")])).toEqual({
      amount: 0.0079,
      unit: "USD",
      unrated: 1,
    });
  });

  it("never waits for a price Twilio does not charge: unanswered calls and failed messages", () => {
    expect(sumPrices([call("no-answer", null, null), call("busy", null), message("failed", null)])).toEqual({
      amount: 0,
      unit: null,
      unrated: 0,
    });
  });

  it("reads an empty price as not rated yet", () => {
    expect(sumPrices([call("completed", "")]).unrated).toBe(1);
  });
});
