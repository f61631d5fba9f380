// Batch campaigns in the browser: upload a CSV whose phone column is not recognised and which has two
// bad rows, fix the mapping, see exactly the bad rows named by line, start, watch the progress bar
// reach 100 % (following the batch's event stream), and open one of the interactions the batch
// started. Saves the README's screenshots.
import { expect, expectAccessible, saveScreenshot, test } from "./fixtures";

// Realistic renewal-campaign data. Line 4 has no country code and line 6 is too short to be a number.
const CSV = [
  "Contact;First name;Last name;Plan;Renewal date",
  "+1 415 555 0134;Maria;Lopez;Pro;2026-04-01",
  "+14155550135;Dev;Patel;Basic;2026-04-03",
  "0415 555 0136;Sam;Okafor;Pro;2026-04-07",
  "+1 (415) 555-0137;Lena;Fischer;Team;2026-04-09",
  "+1 415;Tom;Becker;Basic;2026-04-12",
].join("\n");

test("upload a CSV, fix the mapping, start a batch and follow it to the end", async ({ signedInPage: page }) => {
  await test.step("open New batch from the batches list", async () => {
    await page.goto("/batches");
    await expect(page.getByRole("heading", { level: 1, name: "Batches" })).toBeVisible();
    await page.getByRole("link", { name: "New batch" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "New batch" })).toBeVisible();
  });

  await test.step("upload: without a phone column every row is invalid", async () => {
    await page.getByLabel("CSV file").setInputFiles({
      name: "april-renewals.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`\uFEFF${CSV}`),
    });
    await expect(page.getByTestId("row-summary")).toHaveText("5 rows: 0 valid, 5 invalid, 0 duplicates.");
  });

  await test.step("map Contact to the phone: only lines 4 and 6 stay invalid", async () => {
    await page.getByLabel("Phone column").selectOption("Contact");
    await expect(page.getByTestId("row-summary")).toHaveText("5 rows: 3 valid, 2 invalid, 0 duplicates.");
    const problems = page.getByRole("list", { name: "Rows with problems" }).getByRole("listitem");
    await expect(problems).toHaveCount(2);
    await expect(problems.nth(0)).toContainText("Line 4:");
    await expect(problems.nth(0)).toContainText("international format");
    await expect(problems.nth(1)).toContainText("Line 6:");
  });

  await test.step("refusing the whole file blocks the start; skipping allows it", async () => {
    await page.getByLabel("Refuse the whole file if any row is invalid").check();
    await expect(page.getByText("The file has 2 row(s) with problems")).toBeVisible();
    await page.getByLabel("Skip invalid rows and start with the valid ones").check();
  });

  await test.step("starting without an agent or skill says which field to fill", async () => {
    await expect(page.getByLabel("Batch name")).toHaveValue("april-renewals"); // from the file's name
    await page.getByRole("button", { name: "Start batch (3 tasks)" }).click();
    await expect(page.getByText("Choose an agent.")).toBeVisible();
    await expect(page.getByText("Choose a skill.")).toBeVisible();
    await expect(page.getByLabel("Agent", { exact: true })).toBeFocused();
  });

  await test.step("choose the agent and schedule", async () => {
    await page.getByLabel("Batch name").fill("April plan renewals");
    await page.getByLabel("Agent", { exact: true }).selectOption({ label: "Ava" });
    await page.getByLabel("Skill", { exact: true }).selectOption({ label: "Order notifications" });
    await page.getByLabel("Time zone").fill("America/New_York");
    await page.getByLabel("Starts per second").fill("5");
    await expectAccessible(page);
    // The README shows the mapping and the preview with its two bad rows.
    await page.getByRole("region", { name: "2. Map the columns" }).evaluate((el) => el.scrollIntoView());
    await saveScreenshot(page, "batch-new");
  });

  await test.step("start, and watch the progress bar reach done", async () => {
    // The page follows the batch's event stream rather than polling it.
    const streams: string[] = [];
    const polls: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (/^\/api\/v1\/batches\/[0-9a-f-]{36}\/events$/.test(path)) streams.push(path);
      else if (/^\/api\/v1\/batches\/[0-9a-f-]{36}$/.test(path) && request.method() === "GET") polls.push(path);
    });
    await page.getByRole("button", { name: "Start batch (3 tasks)" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "April plan renewals" })).toBeVisible();
    const bar = page.getByRole("progressbar", { name: "Batch progress" });
    await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 45_000 });
    await expect(page.getByTestId("count-completed")).toHaveText("3");
    expect(streams.length).toBeGreaterThanOrEqual(1);
    // Polled once a second, a batch of several seconds would have been read many times.
    expect(polls.length).toBeLessThanOrEqual(3);
    await expect(page.getByText("completed", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("cell", { name: "Maria Lopez" })).toBeVisible();
    // The task table follows the batch: every row ends completed, with its interaction's outcome.
    const tasks = page.getByRole("table", { name: "Tasks" });
    await expect(tasks.getByRole("cell", { name: "completed", exact: true })).toHaveCount(6);
    await expectAccessible(page);
    await saveScreenshot(page, "batch-detail");
  });

  await test.step("open an interaction the batch started", async () => {
    await page.getByRole("link", { name: "Open the interaction of row 1" }).click();
    await expect(page).toHaveURL(/\/calls\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Maria Lopez");
  });

  await test.step("the list shows the batch with a full progress bar", async () => {
    await page.goto("/batches");
    await expect(page.getByRole("progressbar", { name: "Progress of April plan renewals" })).toHaveAttribute(
      "aria-valuenow",
      "100",
    );
    await expectAccessible(page);
    await saveScreenshot(page, "batches");
  });
});
