// Shared Playwright fixtures. Specs sign in through the API (POST /api/v1/session), not through the
// form: only sign-in.spec.ts uses the form. The admin signs in once per worker and each test's browser
// gets that session cookie. `api` is a request context with Basic credentials for seeding data as an
// integrator would.
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, type BrowserContext, expect, type Page, test as base } from "@playwright/test";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { TEST_ADMIN, TEST_CREDENTIALS } from "../tests/support/app";

export const basicAuth = `Basic ${Buffer.from(`${TEST_CREDENTIALS.username}:${TEST_CREDENTIALS.password}`).toString("base64")}`;

export async function signInThroughApi(page: Page, who = TEST_ADMIN) {
  const baseURL = process.env.E2E_BASE_URL as string;
  const res = await page.request.post("/api/v1/session", {
    data: { email: who.email, password: who.password },
    headers: { origin: baseURL },
  });
  expect(res.status(), await res.text()).toBe(200);
}

const expectedErrors = new WeakMap<Page, RegExp[]>();

/**
 * Chromium logs every 4xx answer to fetch as a console error. A step that provokes one on purpose (a
 * wrong password, say) declares it here; anything else still fails the test.
 */
export function expectConsoleError(page: Page, pattern: RegExp) {
  expectedErrors.set(page, [...(expectedErrors.get(page) ?? []), pattern]);
}

type Fixtures = {
  /** A page whose browser context is signed in as the test admin. */
  signedInPage: Page;
  /** Basic-authenticated API access, for seeding and checking data. */
  api: APIRequestContext;
};

type Cookies = Parameters<BrowserContext["addCookies"]>[0];

type WorkerFixtures = {
  /** The test admin's session cookie, signed in once per worker: each sign-in costs a deliberately slow hash. */
  adminSessionCookies: Cookies;
};

export const test = base.extend<Fixtures, WorkerFixtures>({
  adminSessionCookies: [
    async ({ playwright }, use) => {
      const baseURL = process.env.E2E_BASE_URL as string;
      const ctx = await playwright.request.newContext({ baseURL });
      const res = await ctx.post("/api/v1/session", { data: TEST_ADMIN, headers: { origin: baseURL } });
      expect(res.status(), await res.text()).toBe(200);
      const { cookies } = await ctx.storageState();
      await ctx.dispose();
      await use(cookies);
    },
    { scope: "worker" },
  ],
  signedInPage: async ({ page, adminSessionCookies }, use) => {
    await page.context().addCookies(adminSessionCookies);
    await use(page);
  },
  api: async ({ playwright }, use) => {
    const ctx = await playwright.request.newContext({
      baseURL: process.env.E2E_BASE_URL,
      extraHTTPHeaders: { authorization: basicAuth },
    });
    await use(ctx);
    await ctx.dispose();
  },
  page: async ({ page }, use) => {
    // No console errors on any page: collect them and fail the test at the end.
    const errors: string[] = [];
    page.on("console", (msg) => {
      const text = `${msg.text()} (${msg.location().url})`;
      if (msg.type() === "error" && !expectedErrors.get(page)?.some((re) => re.test(text))) errors.push(text);
    });
    page.on("pageerror", (err) => errors.push(err.message));
    await use(page);
    expect(errors, "console errors").toEqual([]);
  },
});

export { expect };

/** Fails on serious or critical axe-core violations of the page as it is now. */
export async function expectAccessible(page: Page) {
  // Next streams a page's metadata: right after a client-side navigation the <title> may not be in yet.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    "serious or critical accessibility violations",
  ).toEqual([]);
}

/** Saves a README screenshot under docs/screenshots/. */
export async function saveScreenshot(page: Page, name: string) {
  const dir = path.join(__dirname, "..", "docs", "screenshots");
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
}
