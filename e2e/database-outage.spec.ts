// The dashboard through a real database outage: its own app on a PostgreSQL server this spec owns
// (tests/support/own-postgres.ts) is stopped while a page is open. The page keeps what it shows under
// a calm "Reconnecting to the database…" banner, and recovers by itself when the server is back.
import { prepareDatabase, type RunningApp, startApp, TEST_ADMIN } from "../tests/support/app";
import { type OwnPostgres, ownPostgres } from "../tests/support/own-postgres";
import { expect, expectConsoleError, test } from "./fixtures";

let server: OwnPostgres;
let app: RunningApp;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await ownPostgres();
  prepareDatabase(server.url);
  app = await startApp(server.url, { WORKER_ENABLED: "false" });
});

test.afterAll(async () => {
  await app?.stop();
  await server?.destroy();
});

test("a database outage shows a calm banner, and the page recovers by itself", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: app.url });
  const page = await context.newPage();
  // While the database is down the browser logs the 503s it gets (API requests, the live feed's reconnects).
  expectConsoleError(page, /503|Service Unavailable|EventSource|text\/event-stream/i);
  const signIn = await page.request.post("/api/v1/session", { data: TEST_ADMIN, headers: { origin: app.url } });
  expect(signIn.status()).toBe(200);
  const banner = page.getByRole("status").filter({ hasText: "Reconnecting to the database" });
  const refocus = () => page.evaluate(() => window.dispatchEvent(new Event("visibilitychange")));

  await page.goto("/agents");
  await expect(page.getByRole("link", { name: "Ava Thompson" })).toBeVisible();
  await expect(banner).toHaveCount(0);

  await server.stop();
  // Coming back to the tab refetches what is stale (after staleTime): the API answers 503 database_unavailable.
  await expect(async () => {
    await refocus();
    await expect(banner).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000, 3_000] });
  await expect(page.getByRole("link", { name: "Ava Thompson" })).toBeVisible(); // what it showed stays
  await expect(page.getByText(/something went wrong|error/i)).toHaveCount(0);

  await server.start();
  await expect(banner).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole("link", { name: "Ava Thompson" })).toBeVisible();
  await context.close();
});
