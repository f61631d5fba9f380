// GET /api/v1/analytics against hand-computed figures. A small history is written straight into the
// database (the API cannot backdate interactions) with instants on the edges of days, simulated and
// priced interactions, and inbound conversations whose first reply times are known. Runs on SQLite and
// on PostgreSQL (TEST_DIALECT): both must answer the same numbers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Analytics, analyticsSchema } from "@/server/analytics/schema";
import { newDatabase, prepareDatabase, type RunningApp, startApp } from "../support/app";
import { api, dialect } from "../support/api";
import { type SeedInteraction, type SeedMessage, seedHistory } from "../support/seed-history";

const AVA = "123e4567-e89b-12d3-a456-426614174000";
const MARCUS = "5e2d8c1b-7a4f-4b3e-9d6c-2a1b0c9d8e76";
const ORDERS = "123e4567-e89b-12d3-a456-426614174000";
const BILLING = "6f1c2a9e-3b7d-4c1e-9a2f-0d8e5b7c4a11";

// Prices per 1,000 tokens: the cost of a range is 0.5 × prompt/1000 + 1.5 × completion/1000.
const PRICES = { LLM_PRICE_PER_1K_INPUT: "0.5", LLM_PRICE_PER_1K_OUTPUT: "1.5", LLM_PRICE_CURRENCY: "EUR" };

/** Ava's interactions hold every priced one in the range (#1, #2, #8), so her cost is also the total. */
const AVA_COST = { total: 4.292, currency: "EUR", model: 4.25, provider: 0.042, promptTokens: 4000, completionTokens: 1500 };
const NO_COST = { total: 0, currency: "EUR", model: 0, provider: 0, promptTokens: 0, completionTokens: 0 };

const at = (iso: string, plusSeconds = 0) => new Date(Date.parse(iso) + plusSeconds * 1000).toISOString();
/** Messages `at` seconds after the start. */
const conversation = (start: string, steps: (Omit<SeedMessage, "at"> & { at: number })[]): SeedMessage[] =>
  steps.map((m) => ({ ...m, at: at(start, m.at) }));

// The range under test is 2026-03-02 … 2026-03-04 (UTC). #n refers to these rows in the expectations.
const HISTORY: SeedInteraction[] = [
  // 2026-03-02
  {
    ...ava("Olivia Bennett"),
    channel: "call",
    status: "completed",
    createdAt: "2026-03-02T10:15:00.000Z",
    durationSeconds: 60,
    successful: true,
    sentiment: "positive",
    promptTokens: 1000,
    completionTokens: 500,
    providerPrice: 0.014,
    // Outbound: its reply times never count as first responses.
    messages: conversation("2026-03-02T10:15:00.000Z", [
      { sender: "agent", at: 0, content: "Hello Olivia, this is Ava about your order 4471." },
      { sender: "customer", at: 3, content: "Hi, yes?" },
      { sender: "agent", at: 5, content: "It arrives tomorrow before noon." },
    ]),
  }, // #1
  {
    ...ava("Liam Carter"),
    channel: "call",
    status: "completed",
    createdAt: "2026-03-02T11:00:00.000Z",
    durationSeconds: 120,
    successful: false,
    sentiment: "negative",
    promptTokens: 2000,
    completionTokens: 1000,
    providerPrice: 0.028,
  }, // #2
  {
    ...marcus("Sofia Marino"),
    channel: "sms",
    status: "completed",
    createdAt: "2026-03-02T12:30:00.000Z",
    durationSeconds: 300,
    successful: true,
    sentiment: "neutral",
    simulated: true,
    promptTokens: 5000,
    completionTokens: 5000,
    providerPrice: 0.5,
  }, // #3: simulated, costs nothing
  {
    ...ava("Noah Fischer"),
    channel: "call",
    status: "no-answer",
    createdAt: "2026-03-02T13:00:00.000Z",
    successful: false,
    sentiment: "unknown",
    providerPrice: 0,
  }, // #4
  // 2026-03-03
  {
    ...ava("Emma Dubois"),
    channel: "webchat",
    direction: "inbound",
    status: "completed",
    createdAt: "2026-03-03T09:00:00.000Z",
    durationSeconds: 30,
    successful: true,
    sentiment: "positive",
    messages: conversation("2026-03-03T09:00:00.000Z", [
      { sender: "customer", at: 0, content: "Where is my parcel?" },
      { sender: "agent", at: 4, content: "It left the depot this morning." },
    ]),
  }, // #5: first response 4 s
  {
    ...marcus("Mateo García"),
    channel: "webchat",
    direction: "inbound",
    status: "in-progress",
    createdAt: "2026-03-03T09:30:00.000Z",
    needsPerson: true,
    messages: conversation("2026-03-03T09:30:00.000Z", [
      { sender: "customer", at: 0, content: "I was charged twice." },
      { sender: "tool", at: 1, content: "lookup_invoice", internal: true },
      { sender: "agent", at: 10, content: "I see both charges; a colleague will refund one." },
    ]),
  }, // #6: first response 10 s (the tool call is not a reply)
  {
    ...marcus("Hannah Schulz"),
    channel: "email",
    direction: "inbound",
    status: "completed",
    createdAt: "2026-03-03T23:59:59.999Z",
    durationSeconds: 600,
    successful: true,
    sentiment: "neutral",
    messages: conversation("2026-03-03T23:59:59.999Z", [
      { sender: "customer", at: 0, content: "Please send my invoice again." },
      { sender: "staff", at: 5, content: "Note: resend from billing.", internal: true },
      { sender: "staff", at: 30, content: "Here it is, attached." },
    ]),
  }, // #7: last millisecond of the day; first response 30 s (a person's reply counts, the note does not)
  // 2026-03-04
  {
    ...ava("Lucas Martin"),
    channel: "call",
    status: "completed",
    createdAt: "2026-03-04T00:00:00.000Z",
    durationSeconds: 90,
    successful: true,
    sentiment: "positive",
    promptTokens: 1000,
  }, // #8: first instant of the day
  {
    ...ava("Mia Rossi"),
    skillId: BILLING,
    channel: "whatsapp",
    direction: "inbound",
    status: "completed",
    createdAt: "2026-03-04T15:00:00.000Z",
    durationSeconds: 45,
    sentiment: "unknown",
    messages: conversation("2026-03-04T15:00:00.000Z", [
      { sender: "customer", at: 0, content: "Hello?" },
      { sender: "customer", at: 20, content: "Can I change my plan?" },
      { sender: "agent", at: 50, content: "Of course. Which plan would you like?" },
    ]),
  }, // #9: from the customer's FIRST message: 50 s
  {
    ...ava("Zoe Laurent"),
    channel: "webchat",
    direction: "inbound",
    status: "expired",
    createdAt: "2026-03-04T16:00:00.000Z",
    messages: conversation("2026-03-04T16:00:00.000Z", [{ sender: "customer", at: 0, content: "Anyone there?" }]),
  }, // #10: never answered
  // Outside the range, on both sides.
  {
    ...ava("Before Range"),
    channel: "call",
    status: "completed",
    createdAt: "2026-03-01T23:59:59.999Z",
    durationSeconds: 1000,
    successful: false,
  },
  {
    ...ava("After Range"),
    channel: "call",
    status: "completed",
    createdAt: "2026-03-05T00:00:00.000Z",
    durationSeconds: 1000,
    successful: false,
  },
  // Around New York's switch to daylight saving time (2026-03-08 02:00 EST → 03:00 EDT).
  { ...ava("Eve Of Change"), channel: "sms", status: "completed", createdAt: "2026-03-08T04:30:00.000Z" }, // 2026-03-07 23:30 EST
  { ...ava("After Change"), channel: "sms", status: "completed", createdAt: "2026-03-09T04:30:00.000Z" }, // 2026-03-09 00:30 EDT
];

function ava(customerName: string) {
  return { agentId: AVA, skillId: ORDERS, customerName };
}
function marcus(customerName: string) {
  return { agentId: MARCUS, skillId: BILLING, customerName };
}

let app: RunningApp;
let drop: () => Promise<void>;

async function analytics(query: string): Promise<Analytics> {
  const res = await api("GET", `/api/v1/analytics${query}`, undefined, {}, app.url);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return analyticsSchema.parse(res.body);
}

const RANGE = "?from=2026-03-02&to=2026-03-04";

beforeAll(async () => {
  const db = await newDatabase(dialect());
  drop = db.drop;
  prepareDatabase(db.url);
  await seedHistory(db.url, HISTORY);
  app = await startApp(db.url, { WORKER_ENABLED: "false", ...PRICES }, undefined, { untilHealthy: false });
});

afterAll(async () => {
  await app?.stop();
  await drop?.();
});

describe("analytics", () => {
  it("needs credentials", async () => {
    const res = await fetch(`${app.url}/api/v1/analytics`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
  });

  it("counts each day by channel and by status, with outcomes and sentiment", async () => {
    const body = await analytics(RANGE);
    expect(body.range).toEqual({
      from: "2026-03-02",
      to: "2026-03-04",
      tz: "UTC",
      bucket: "day",
      start: "2026-03-02T00:00:00.000Z",
      end: "2026-03-05T00:00:00.000Z",
    });
    expect(body.buckets.map((b) => [b.label, b.start, b.total])).toEqual([
      ["2026-03-02", "2026-03-02T00:00:00.000Z", 4],
      ["2026-03-03", "2026-03-03T00:00:00.000Z", 3],
      ["2026-03-04", "2026-03-04T00:00:00.000Z", 3],
    ]);
    const [d1, d2, d3] = body.buckets;
    expect(d1.byChannel).toEqual({ call: 3, sms: 1, whatsapp: 0, email: 0, webchat: 0 });
    expect(d2.byChannel).toEqual({ call: 0, sms: 0, whatsapp: 0, email: 1, webchat: 2 });
    expect(d3.byChannel).toEqual({ call: 1, sms: 0, whatsapp: 1, email: 0, webchat: 1 });
    expect(d1.byStatus).toEqual({ completed: 3, "no-answer": 1 });
    expect(d2.byStatus).toEqual({ completed: 2, "in-progress": 1 });
    expect(d3.byStatus).toEqual({ completed: 2, expired: 1 });
    // Success rate over the interactions the analysis judged (successful not null).
    expect([d1.successful, d1.judged, d1.successRate]).toEqual([2, 4, 0.5]);
    expect([d2.successful, d2.judged, d2.successRate]).toEqual([2, 2, 1]);
    expect([d3.successful, d3.judged, d3.successRate]).toEqual([1, 1, 1]);
    expect(d1.sentiment).toEqual({ positive: 1, neutral: 1, negative: 1, unknown: 1, none: 0 });
    expect(d2.sentiment).toEqual({ positive: 1, neutral: 1, negative: 0, unknown: 0, none: 1 });
    expect(d3.sentiment).toEqual({ positive: 1, neutral: 0, negative: 0, unknown: 1, none: 1 });
  });

  it("totals the range: success rate, needs a person, and cost from non-simulated tokens and Twilio's prices", async () => {
    const { totals } = await analytics(RANGE);
    expect(totals.interactions).toBe(10);
    expect(totals.successful).toBe(5);
    expect(totals.judged).toBe(7);
    expect(totals.successRate).toBeCloseTo(5 / 7, 10);
    expect(totals.needsPerson).toBe(1);
    // #1 1000/500, #2 2000/1000, #8 1000/0; #3's 5000/5000 are simulated. 4 × 0.5 + 1.5 × 1.5 = 4.25.
    // Twilio charged #1 0.014 and #2 0.028 (#3's price is simulated, #4 was free): 0.042.
    expect(totals.cost).toEqual(AVA_COST);
  });

  it("gives the median and p90 duration per channel (linear interpolation, as percentile_cont)", async () => {
    const { durations } = await analytics(RANGE);
    const by = Object.fromEntries(durations.map((d) => [d.channel, d]));
    // call: 60, 90, 120 (no-answer has none; the 1000 s calls are outside the range). p90 at rank 1.8: 90 + 0.8 × 30.
    expect(by.call.count).toBe(3);
    expect(by.call.medianSeconds).toBeCloseTo(90, 6);
    expect(by.call.p90Seconds).toBeCloseTo(114, 6);
    expect(by.sms).toMatchObject({ count: 1, medianSeconds: 300, p90Seconds: 300 });
    expect(by.webchat).toMatchObject({ count: 1, medianSeconds: 30, p90Seconds: 30 });
    expect(by.email).toMatchObject({ count: 1, medianSeconds: 600, p90Seconds: 600 });
    expect(by.whatsapp).toMatchObject({ count: 1, medianSeconds: 45, p90Seconds: 45 });
  });

  it("tables agents and skills: count, success rate, median duration, cost", async () => {
    const { agents, skills } = await analytics(RANGE);
    expect(agents).toEqual([
      // #1 #2 #4 #5 #8 #9 #10; judged #1 #2 #4 #5 #8 (3 successful); durations 30 45 60 90 120.
      {
        id: AVA,
        name: "Ava Thompson",
        count: 7,
        successful: 3,
        judged: 5,
        successRate: 0.6,
        medianDurationSeconds: 60,
        cost: AVA_COST,
      },
      // #3 #6 #7; durations 300 600 → 450.
      {
        id: MARCUS,
        name: "Marcus Lee",
        count: 3,
        successful: 2,
        judged: 2,
        successRate: 1,
        medianDurationSeconds: 450,
        cost: NO_COST,
      },
    ]);
    expect(skills).toEqual([
      // #1 #2 #4 #5 #8 #10; durations 30 60 90 120 → 75.
      {
        id: ORDERS,
        name: "Order notifications",
        count: 6,
        successful: 3,
        judged: 5,
        successRate: 0.6,
        medianDurationSeconds: 75,
        cost: AVA_COST,
      },
      // #3 #6 #7 #9; durations 45 300 600 → 300.
      {
        id: BILLING,
        name: "Billing support",
        count: 4,
        successful: 2,
        judged: 2,
        successRate: 1,
        medianDurationSeconds: 300,
        cost: NO_COST,
      },
    ]);
  });

  it("measures time to first response of inbound conversations", async () => {
    const { firstResponse } = await analytics(RANGE);
    // 4, 10, 30, 50 s (#10 was never answered; #1 is outbound): median 20, p90 at rank 2.7: 30 + 0.7 × 20 = 44.
    expect(firstResponse.conversations).toBe(4);
    expect(firstResponse.medianSeconds).toBeCloseTo(20, 2);
    expect(firstResponse.p90Seconds).toBeCloseTo(44, 2);
  });

  it("filters by channel, agent, skill and direction", async () => {
    const calls = await analytics(`${RANGE}&channel=call`);
    expect(calls.totals.interactions).toBe(4);
    expect(calls.durations.find((d) => d.channel === "sms")?.count).toBe(0);
    expect(calls.firstResponse.conversations).toBe(0);

    const marcus = await analytics(`${RANGE}&agentId=${MARCUS}`);
    expect(marcus.totals.interactions).toBe(3);
    expect(marcus.agents.map((a) => a.id)).toEqual([MARCUS]);
    expect(marcus.firstResponse.conversations).toBe(2); // #6 10 s, #7 30 s
    expect(marcus.firstResponse.medianSeconds).toBeCloseTo(20, 2);

    const billing = await analytics(`${RANGE}&skillId=${BILLING}`);
    expect(billing.totals.interactions).toBe(4);
    expect(billing.agents.map((a) => [a.name, a.count])).toEqual([
      ["Marcus Lee", 3],
      ["Ava Thompson", 1],
    ]);

    const inbound = await analytics(`${RANGE}&direction=inbound`);
    expect(inbound.totals.interactions).toBe(5);
    expect(inbound.firstResponse.conversations).toBe(4);
    const outbound = await analytics(`${RANGE}&direction=outbound`);
    expect(outbound.totals.interactions).toBe(5);
    expect(outbound.firstResponse).toEqual({ conversations: 0, medianSeconds: null, p90Seconds: null });
  });

  it("buckets a single day by hour", async () => {
    const body = await analytics("?from=2026-03-02&to=2026-03-02");
    expect(body.range.bucket).toBe("hour");
    expect(body.buckets).toHaveLength(24);
    expect(body.buckets[10]).toMatchObject({ label: "2026-03-02T10:00", start: "2026-03-02T10:00:00.000Z", total: 1 });
    const busy = body.buckets.filter((b) => b.total > 0).map((b) => b.label);
    expect(busy).toEqual(["2026-03-02T10:00", "2026-03-02T11:00", "2026-03-02T12:00", "2026-03-02T13:00"]);
  });

  it("counts days and hours in the tz time zone, daylight-saving changes included", async () => {
    // New York, UTC−5 on 2026-03-03: #5 04:00, #6 04:30, #7 18:59, #8 19:00 local.
    const ny = await analytics("?from=2026-03-03&to=2026-03-03&tz=America/New_York");
    expect(ny.range).toMatchObject({ start: "2026-03-03T05:00:00.000Z", end: "2026-03-04T05:00:00.000Z", bucket: "hour" });
    expect(ny.totals.interactions).toBe(4);
    expect(ny.buckets.filter((b) => b.total > 0).map((b) => [b.label, b.total])).toEqual([
      ["2026-03-03T04:00", 2],
      ["2026-03-03T18:00", 1],
      ["2026-03-03T19:00", 1],
    ]);

    // 2026-03-08 has 23 hours in New York.
    expect((await analytics("?from=2026-03-08&to=2026-03-08&tz=America/New_York")).buckets).toHaveLength(23);

    // Days across the change: 23:30 EST on the 7th, 00:30 EDT on the 9th (one fixed offset would put it on the 8th).
    const week = await analytics("?from=2026-03-07&to=2026-03-09&tz=America/New_York");
    expect(week.buckets.map((b) => [b.label, b.start, b.total])).toEqual([
      ["2026-03-07", "2026-03-07T05:00:00.000Z", 1],
      ["2026-03-08", "2026-03-08T05:00:00.000Z", 0],
      ["2026-03-09", "2026-03-09T04:00:00.000Z", 1],
    ]);
  });

  it("defaults to the last 7 days in UTC", async () => {
    const body = await analytics("");
    expect(body.range.tz).toBe("UTC");
    expect(body.range.to).toBe(new Date().toISOString().slice(0, 10));
    expect(body.buckets).toHaveLength(7);
    expect(body.buckets[0].label).toBe(body.range.from);
  });

  it("answers zeros and nulls for a range with nothing in it", async () => {
    const body = await analytics("?from=2025-01-01&to=2025-01-31");
    expect(body.buckets).toHaveLength(31);
    expect(body.buckets.every((b) => b.total === 0 && b.successRate === null)).toBe(true);
    expect(body.totals).toMatchObject({ interactions: 0, successRate: null, needsPerson: 0 });
    expect(body.durations.every((d) => d.count === 0 && d.medianSeconds === null)).toBe(true);
    expect(body.agents).toEqual([]);
    expect(body.firstResponse).toEqual({ conversations: 0, medianSeconds: null, p90Seconds: null });
  });

  it("rejects bad input with 422 and the error envelope, naming the field", async () => {
    const cases: [string, string][] = [
      ["?from=2026-02-30", "from"],
      ["?from=yesterday", "from"],
      ["?to=2026-13-01", "to"],
      ["?from=2026-03-05&to=2026-03-01", "from"],
      ["?from=2025-01-01&to=2026-01-02", "to"], // 367 days
      ["?channel=pigeon", "channel"],
      ["?direction=sideways", "direction"],
      ["?agentId=ava", "agentId"],
      ["?tz=Mars/Olympus_Mons", "tz"],
      ["?bucket=week", "bucket"],
    ];
    for (const [query, path] of cases) {
      const res = await api("GET", `/api/v1/analytics${query}`, undefined, {}, app.url);
      expect(res.status, query).toBe(422);
      expect(res.body.error.code, query).toBe("validation_failed");
      expect(
        res.body.error.details.map((d: { path: string }) => d.path),
        query,
      ).toContain(path);
    }
    const tooLong = await api("GET", "/api/v1/analytics?from=2025-01-01&to=2026-01-02", undefined, {}, app.url);
    expect(tooLong.body.error.message).toContain("at most 366 days");
  });
});
