// The interactions list (/calls) and the overview (/): filters that live in the URL, search, date
// range, paging, empty states, row links, live counters, accessibility and the phone layout.
import type { APIRequestContext, Page } from "@playwright/test";
import { isTerminal } from "../server/calls/status";
import { expect, expectAccessible, saveScreenshot, test } from "./fixtures";

const AVA = "123e4567-e89b-12d3-a456-426614174000";
const ORDERS = "123e4567-e89b-12d3-a456-426614174000";
const MARCUS = "5e2d8c1b-7a4f-4b3e-9d6c-2a1b0c9d8e76";
const BILLING = "6f1c2a9e-3b7d-4c1e-9a2f-0d8e5b7c4a11";

const tag = `Lst${Date.now().toString(36)}`;
const ticket = `Tkt${Date.now().toString(36)}Zq`;
const name = (who: string) => `${tag} ${who}`;

async function createCall(api: APIRequestContext, body: Record<string, unknown>): Promise<string> {
  const res = await api.post("/api/v1/calls", { data: { agentId: AVA, skillId: ORDERS, ...body } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).id;
}

const rows = (page: Page) => page.getByTestId("call-row");
const search = (page: Page) => page.getByRole("searchbox", { name: "Search" });
const range = (page: Page) => page.getByRole("navigation", { name: "Pages" }).getByText(/of \d+$/);

/** The browser's own calendar day, as the date inputs hold it. */
const localDay = (page: Page, offsetDays = 0) =>
  page.evaluate((offset) => {
    const d = new Date();
    d.setDate(d.getDate() + offset);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  }, offsetDays);

test("the interactions list filters, searches and pages through the URL; the overview counts them", async ({
  signedInPage: page,
  api,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  const ids: Record<string, string> = {};

  await test.step("seed interactions on several channels through the API", async () => {
    ids.alpha = await createCall(api, { channel: "sms", customerName: name("Alpha"), customerPhone: "+14155550701" });
    ids.bravo = await createCall(api, {
      channel: "email",
      agentId: MARCUS,
      skillId: BILLING,
      customerName: name("Bravo"),
      customerEmail: `bravo.${tag.toLowerCase()}@example.com`,
    });
    ids.charlie = await createCall(api, { channel: "webchat", customerName: name("Charlie") });
    // queued → canceled is legal for any channel (server/calls/status.ts: ABORT).
    const cancel = await api.put(`/api/v1/calls/${ids.charlie}`, { data: { status: "canceled" } });
    expect(cancel.status(), await cancel.text()).toBe(200);
    ids.delta = await createCall(api, {
      channel: "call",
      customerName: name("Delta"),
      customerPhone: "+14155550702",
      customerOverride: { customFields: [{ name: "Ticket", value: ticket }] },
    });
    for (const who of ["Echo", "Foxtrot", "Golf"])
      ids[who] = await createCall(api, { channel: "webchat", customerName: name(who), simulate: true });
  });

  await test.step("wait until every seeded interaction has ended", async () => {
    for (const id of Object.values(ids)) {
      await expect
        .poll(async () => isTerminal((await (await api.get(`/api/v1/calls/${id}`)).json()).status), { timeout: 30_000 })
        .toBe(true);
    }
  });

  await test.step("the search narrows the list to the seeded rows and lands in the URL", async () => {
    await page.goto("/calls");
    await expect(page.getByRole("heading", { level: 1, name: "Interactions" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New interaction" }).first()).toHaveAttribute("href", "/calls/new");
    await search(page).fill(tag);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${tag}`));
    await expect(rows(page)).toHaveCount(7);
    await expect(range(page)).toHaveText("1–7 of 7");
  });

  await test.step("accessible, and a screenshot with rows", async () => {
    await expectAccessible(page);
    await saveScreenshot(page, "calls-list");
  });

  await test.step("filter by Status, and a reload keeps it", async () => {
    await page.getByLabel("Status").selectOption("canceled");
    await expect(page).toHaveURL(/status=canceled/);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText(name("Charlie"));
    await expect(rows(page).first()).toContainText("canceled");
    await page.reload();
    await expect(page.getByLabel("Status")).toHaveValue("canceled");
    await expect(search(page)).toHaveValue(tag);
    await expect(rows(page)).toHaveCount(1);
    await page.getByLabel("Status").selectOption("");
    await expect(rows(page)).toHaveCount(7);
  });

  await test.step("filter by Channel", async () => {
    await page.getByLabel("Channel").selectOption("email");
    await expect(page).toHaveURL(/channel=email/);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText(name("Bravo"));
    await page.getByLabel("Channel").selectOption("call");
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText(name("Delta"));
    await page.getByLabel("Channel").selectOption("");
  });

  await test.step("filter by Agent", async () => {
    await page.getByLabel("Agent").selectOption({ label: "Marcus Lee" });
    await expect(page).toHaveURL(new RegExp(`agent=${MARCUS}`));
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText(name("Bravo"));
    await page.getByLabel("Agent").selectOption("");
    await expect(rows(page)).toHaveCount(7);
  });

  await test.step("search by a customer's name and by message text", async () => {
    await search(page).fill(name("Alpha").toUpperCase());
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText(name("Alpha"));
    // The ticket number appears only in the agent's messages, not in any customer field.
    await search(page).fill(ticket.toLowerCase());
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText(name("Delta"));
    await search(page).fill(tag);
    await expect(rows(page)).toHaveCount(7);
  });

  await test.step("date range: To includes the whole day; a later From finds nothing", async () => {
    const today = await localDay(page);
    await page.getByLabel("From").fill(today);
    await page.getByLabel("To").fill(today);
    await expect(page).toHaveURL(new RegExp(`from=${today}.*to=${today}|to=${today}.*from=${today}`));
    await expect(rows(page)).toHaveCount(7);
    await page.getByLabel("To").fill("");
    await page.getByLabel("From").fill(await localDay(page, 1));
    await expect(page.getByText("No interactions match these filters")).toBeVisible();
    await expect(rows(page)).toHaveCount(0);
  });

  await test.step("Clear filters empties the URL and the form", async () => {
    await page.getByRole("button", { name: "Clear filters" }).first().click();
    await expect(page).toHaveURL(/\/calls$/);
    await expect(search(page)).toHaveValue("");
    await expect(page.getByLabel("From")).toHaveValue("");
    await expect(rows(page).first()).toBeVisible();
  });

  await test.step("a search with no matches says so and offers to clear", async () => {
    await search(page).fill(`${tag}-nothing-like-this`);
    const empty = page.getByText("No interactions match these filters");
    await expect(empty).toBeVisible();
    await expect(page.getByText("Try another search")).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).last().click();
    await expect(search(page)).toHaveValue("");
    await expect(rows(page).first()).toBeVisible();
  });

  await test.step("paging with Previous and Next", async () => {
    await page.goto(`/calls?q=${tag}&limit=3`);
    await expect(range(page)).toHaveText("1–3 of 7");
    await expect(page.getByRole("button", { name: "Previous" })).toBeDisabled();
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(range(page)).toHaveText("4–6 of 7");
    await page.getByRole("button", { name: "Next" }).click();
    await expect(range(page)).toHaveText("7–7 of 7");
    await expect(rows(page)).toHaveCount(1);
    // Newest first: the oldest seeded row is last.
    await expect(rows(page).first()).toContainText(name("Alpha"));
    await expect(page.getByRole("button", { name: "Next" })).toBeDisabled();
    await page.getByRole("button", { name: "Previous" }).click();
    await expect(range(page)).toHaveText("4–6 of 7");
  });

  await test.step("a new interaction appears and updates live, with no reload", async () => {
    await page.goto(`/calls?q=${encodeURIComponent(tag)}`);
    await expect(rows(page)).toHaveCount(7);
    // A held call stays live until resumed, so its badge is seen changing in the open list.
    const id = await createCall(api, { channel: "call", customerName: name("Hotel"), customerPhone: "+14155550703" });
    ids.Hotel = id;
    const row = rows(page).filter({ hasText: name("Hotel") });
    await expect(row).toHaveCount(1);
    await expect
      .poll(async () => (await (await api.get(`/api/v1/calls/${id}`)).json()).status, { timeout: 30_000 })
      .toMatch(/in-progress|completed/);
    const held = await api.put(`/api/v1/calls/${id}`, { data: { status: "on-hold" } });
    if (held.status() === 200) {
      await expect(row.getByTestId("status-badge")).toHaveText("on-hold");
      expect((await api.put(`/api/v1/calls/${id}`, { data: { status: "in-progress" } })).status()).toBe(200);
    }
    await expect(row.getByTestId("status-badge")).toHaveText("completed", { timeout: 30_000 });
    await page.goto(`/calls?q=${encodeURIComponent(tag)}`);
    await expect(rows(page)).toHaveCount(8);
  });

  await test.step("a row's link opens the interaction", async () => {
    await page.goto(`/calls?q=${encodeURIComponent(name("Bravo"))}`);
    const link = page.getByRole("link", { name: name("Bravo") });
    await expect(link).toHaveAttribute("href", `/calls/${ids.bravo}`);
    await link.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/calls/${ids.bravo}$`));
    await expect(page.getByRole("region", { name: "Messages" })).toBeVisible();
  });

  await test.step("the overview counts today's interactions, including the seeded ones", async () => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    const since = await page.evaluate(() => {
      const d = new Date();
      return new Date(d.getFullYear(), d.getMonth(), d.getDate()).toISOString();
    });
    const stats = await (await api.get(`/api/v1/stats?since=${encodeURIComponent(since)}`)).json();
    expect(stats.today.total).toBeGreaterThanOrEqual(7);
    expect(stats.today.byStatus.canceled).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId("stat-today-total")).toHaveText(String(stats.today.total));
    await expect(page.getByTestId("stat-in-progress")).toHaveText(String(stats.inProgress));
    const byChannel = page.getByTestId("today-by-channel");
    await expect(byChannel.getByRole("link", { name: /^E-mail/ })).toContainText(String(stats.today.byChannel.email));
    await expect(byChannel.getByRole("link", { name: /^Web chat/ })).toContainText(String(stats.today.byChannel.webchat));
    await expect(page.getByTestId("today-by-status").getByRole("link", { name: /canceled/ })).toContainText(
      String(stats.today.byStatus.canceled),
    );
    // The latest interaction leads the recent list and links to its page.
    await expect(page.getByTestId("recent-calls").getByRole("link").first()).toHaveAttribute("href", `/calls/${ids.Hotel}`);
    await expect(page.getByRole("link", { name: "New interaction" }).first()).toHaveAttribute("href", "/calls/new");
    await expectAccessible(page);
    await saveScreenshot(page, "overview");
  });

  await test.step("at 390 px neither page scrolls sideways", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ["/", `/calls?q=${tag}`]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
      if (path !== "/") await expect(rows(page)).toHaveCount(8);
      else await expect(page.getByTestId("stat-today-total")).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
    }
    await expect(rows(page).first()).toContainText("·"); // channel, agent and time fold under the name
    await expectAccessible(page);
  });
});
