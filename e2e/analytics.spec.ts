// The analytics page (/analytics) and the overview's 7-day trend: a past week of interactions written
// straight into the database (the API cannot backdate them), charts with their table alternatives,
// filters in the URL, the empty state, accessibility and the README screenshot.
import type { Page } from "@playwright/test";
import { type SeedInteraction, seedHistory } from "../tests/support/seed-history";
import { expect, expectAccessible, saveScreenshot, test } from "./fixtures";

const AVA = { agentId: "123e4567-e89b-12d3-a456-426614174000", skillId: "123e4567-e89b-12d3-a456-426614174000" };
const MARCUS = { agentId: "5e2d8c1b-7a4f-4b3e-9d6c-2a1b0c9d8e76", skillId: "6f1c2a9e-3b7d-4c1e-9a2f-0d8e5b7c4a11" };
const PRIYA = { agentId: "7c6b5a49-3d2e-4f1a-8b9c-0d1e2f3a4b67", skillId: "8a4d6e2f-1c3b-4d5e-8f7a-9b0c1d2e3f42" };

const CUSTOMERS = [
  "Olivia Bennett",
  "Liam Carter",
  "Sofia Marino",
  "Noah Fischer",
  "Emma Dubois",
  "Mateo García",
  "Hannah Schulz",
  "Lucas Martin",
  "Mia Rossi",
  "Zoe Laurent",
  "Aarav Shah",
  "Chloe Nguyen",
  "Jonas Berg",
  "Isabella Costa",
];
const CHANNELS = ["call", "call", "sms", "whatsapp", "email", "webchat", "call"] as const;
const STATUSES = ["completed", "completed", "no-answer", "completed", "resolved", "voicemail", "completed", "failed"];
const SENTIMENTS = ["positive", "positive", "neutral", "negative", "unknown", null] as const;
const TEAM = [AVA, AVA, MARCUS, PRIYA];

// A week in the past (fixed, so every run sees the same figures), each interaction around midday UTC
// so it stays on its day in any time zone the browser may run in.
const WEEK = ["2025-11-03", "2025-11-04", "2025-11-05", "2025-11-06", "2025-11-07", "2025-11-08", "2025-11-09"];
const PER_DAY = [5, 8, 6, 9, 7, 3, 4];

const HISTORY: SeedInteraction[] = WEEK.flatMap((day, d) =>
  Array.from({ length: PER_DAY[d] }, (_, k): SeedInteraction => {
    const i = d * 10 + k;
    const channel = CHANNELS[i % CHANNELS.length];
    const status = STATUSES[i % STATUSES.length];
    const reached = status === "completed" || status === "resolved";
    const createdAt = `${day}T${String(9 + (k % 7)).padStart(2, "0")}:${String((k * 7) % 60).padStart(2, "0")}:00.000Z`;
    const inbound = channel === "webchat" || (channel === "whatsapp" && k % 2 === 0);
    return {
      ...TEAM[i % TEAM.length],
      customerName: CUSTOMERS[i % CUSTOMERS.length],
      channel,
      status,
      createdAt,
      direction: inbound ? "inbound" : "outbound",
      durationSeconds: reached ? 45 + ((i * 37) % 400) : null,
      successful: reached ? i % 3 !== 0 : false,
      sentiment: reached ? SENTIMENTS[i % SENTIMENTS.length] : "unknown",
      needsPerson: channel === "webchat" && i % 4 === 1,
      simulated: false,
      promptTokens: reached ? 800 + i * 10 : 0,
      completionTokens: reached ? 200 + i * 5 : 0,
      messages: inbound
        ? [
            { sender: "customer", at: createdAt, content: "Hi, I have a question about my order." },
            {
              sender: "agent",
              at: new Date(Date.parse(createdAt) + (3 + (i % 9)) * 1000).toISOString(),
              content: "Happy to help. What is the order number?",
            },
          ]
        : [],
    };
  }),
);

const count = (keep: (s: SeedInteraction) => boolean) => HISTORY.filter(keep).length;
const week = `from=${WEEK[0]}&to=${WEEK[WEEK.length - 1]}`;
const total = (page: Page) => page.getByTestId("analytics-total");

test.beforeAll(async () => {
  await seedHistory(process.env.E2E_DATABASE_URL as string, HISTORY);
});

test("analytics charts a past week, with tables, URL filters and an empty state", async ({ signedInPage: page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });

  await test.step("the sidebar leads to the page", async () => {
    await page.goto("/calls");
    await page.getByRole("link", { name: "Analytics", exact: true }).first().click();
    await expect(page).toHaveURL(/\/analytics$/);
    await expect(page.getByRole("heading", { level: 1, name: "Analytics" })).toBeVisible();
  });

  await test.step("a past week: headline figures and every chart drawn", async () => {
    await page.goto(`/analytics?${week}`);
    await expect(page.getByLabel("From", { exact: true })).toHaveValue(WEEK[0]);
    await expect(total(page)).toHaveText(String(HISTORY.length));
    await expect(page.getByTestId("analytics-needs-person")).toHaveText(String(count((s) => Boolean(s.needsPerson))));
    for (const id of ["chart-volume", "chart-status", "chart-success", "chart-sentiment", "chart-duration"]) {
      await expect(page.getByTestId(id).locator(".recharts-xAxis")).toBeVisible();
    }
    // Stacked bars: one rectangle per channel and day that had any.
    const drawn = new Set(HISTORY.map((s) => `${s.createdAt.slice(0, 10)} ${s.channel}`)).size;
    await expect(page.getByTestId("chart-volume").locator(".recharts-bar-rectangle path")).toHaveCount(drawn);
  });

  await test.step("each chart has the same numbers as a table", async () => {
    const volume = page.getByTestId("chart-volume");
    await volume.getByText("Show as table").click();
    const table = volume.getByRole("table", { name: "Interactions by channel" });
    await expect(table).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(WEEK.length + 1);
    await expect(table.getByRole("row", { name: new RegExp(`^${WEEK[3]}`) })).toContainText(String(PER_DAY[3]));
    await expect(page.getByRole("table", { name: "By agent" })).toContainText("Ava Thompson");
    await expect(page.getByRole("table", { name: "By skill" })).toContainText("Billing support");
  });

  await test.step("accessible, and a screenshot for the README", async () => {
    await expectAccessible(page);
    await volume(page).getByText("Show as table").click(); // closed again: the screenshot shows the charts
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, "analytics");
  });

  await test.step("no sideways scrolling on a phone", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByTestId("chart-volume").locator(".recharts-xAxis")).toBeVisible();
    // The charts re-measure on a ResizeObserver callback, a frame or two after the resize: wait for the
    // layout to settle, then hold it to no sideways scrolling.
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await expect.poll(overflow, { timeout: 5_000 }).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  await test.step("a filter lands in the URL, narrows the figures and survives a reload", async () => {
    await page.getByLabel("Channel", { exact: true }).selectOption("sms");
    await expect(page).toHaveURL(/channel=sms/);
    await expect(total(page)).toHaveText(String(count((s) => s.channel === "sms")));
    await page.getByLabel("Direction", { exact: true }).selectOption("inbound");
    await expect(page).toHaveURL(/direction=inbound/);
    await page.reload();
    await expect(page.getByLabel("Channel", { exact: true })).toHaveValue("sms");
    await expect(page.getByLabel("Direction", { exact: true })).toHaveValue("inbound");
    await page.getByLabel("Channel", { exact: true }).selectOption("webchat");
    await expect(total(page)).toHaveText(String(count((s) => s.channel === "webchat" && s.direction === "inbound")));
    await page.getByRole("button", { name: "Reset" }).click();
    await expect(page).toHaveURL(/\/analytics$/);
  });

  await test.step("a range with nothing in it says so", async () => {
    await page.goto("/analytics?from=2024-01-01&to=2024-01-07");
    await expect(page.getByText("No interactions in this range")).toBeVisible();
    await expect(page.locator("svg.recharts-surface")).toHaveCount(0);
    await expectAccessible(page);
  });
});

test("the overview shows the last 7 days as a small chart with a table", async ({ signedInPage: page }) => {
  await page.goto("/");
  const trend = page.getByTestId("overview-trend");
  await expect(trend.locator(".recharts-xAxis")).toBeVisible();
  await trend.getByText("Show as table").click();
  await expect(trend.getByRole("table", { name: "Last 7 days" }).getByRole("row")).toHaveCount(8);
  await expect(page.getByTestId("stat-needs-person")).toBeVisible();
  await expectAccessible(page);
});

const volume = (page: Page) => page.getByTestId("chart-volume");
