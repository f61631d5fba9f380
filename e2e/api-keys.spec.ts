// Settings: API keys (create with the secret shown once, copy, use, last used, revoke; admins see who
// created each), staff users (add, change role, set a password, deactivate, remove; admin-only page),
// and the Account page where a person changes their own password.
import type { Page } from "@playwright/test";
import { TEST_ADMIN, TEST_CREDENTIALS } from "../tests/support/app";
import { expect, expectAccessible, expectConsoleError, signInThroughApi, test } from "./fixtures";

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "horizontal overflow at this width").toBeLessThanOrEqual(0);
}

const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`;

test("API keys: create one, copy its secret, use it, see it used, and revoke it", async ({ signedInPage: page, api }) => {
  const name = `E2E CRM sync ${Date.now()}`;
  let username = "";
  let password = "";
  const row = page.getByTestId("api-key-row").filter({ hasText: name });

  await test.step("the page lists keys and is accessible", async () => {
    await page.goto("/settings/api-keys");
    await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
    await expect(page.getByTestId("api-key-row").first()).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("a nameless key is refused inline", async () => {
    await page.getByRole("button", { name: "Create API key" }).click();
    await expect(page.getByText("name must not be empty.")).toBeVisible();
  });

  await test.step("creating a key shows its secret once, with a curl example", async () => {
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByRole("button", { name: "Create API key" }).click();
    const notice = page.getByTestId("new-api-key");
    await expect(notice).toContainText("you won’t see it again");
    username = (await page.getByTestId("new-api-key-username").textContent()) ?? "";
    password = (await page.getByTestId("new-api-key-password").textContent()) ?? "";
    expect(username).toMatch(/^cb_/);
    expect(password.length).toBeGreaterThan(30);
    await expect(page.getByTestId("new-api-key-curl")).toContainText(`curl -u '${username}:${password}'`);
    await expect(row).toContainText("never");
    await expectAccessible(page);
  });

  await test.step("an admin sees who created each key; the bootstrap key has no owner", async () => {
    await expect(row.getByTestId("api-key-owner")).toContainText(`Created by Admin · ${TEST_ADMIN.email}`);
    const bootstrap = page.getByTestId("api-key-row").filter({ hasText: TEST_CREDENTIALS.username });
    await expect(bootstrap.getByTestId("api-key-owner")).toHaveText("Created by nobody (bootstrap)");
  });

  await test.step("Copy puts the password on the clipboard", async () => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(page.url()).origin });
    await page.getByRole("button", { name: "Copy password" }).click();
    await expect(page.getByTestId("new-api-key").getByText("Copied")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);
  });

  await test.step("the secret works with Basic and the key shows as used after a reload", async () => {
    const res = await api.get("/api/v1/calls", { headers: { authorization: basic(username, password) } });
    expect(res.status()).toBe(200);
    await expect(async () => {
      await page.reload();
      await expect(row.getByTestId("api-key-last-used")).toHaveText("just now", { timeout: 1_000 });
    }).toPass();
    // The secret is gone once the page is left.
    await expect(page.getByTestId("new-api-key")).toHaveCount(0);
    await expect(page.getByText(password)).toHaveCount(0);
  });

  await test.step("revoking asks first, then the key stops working", async () => {
    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Revoke “${name}”?` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText("active");

    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await dialog.getByRole("button", { name: "Revoke API key" }).click();
    await expect(row).toContainText("revoked");
    await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
    await expect
      .poll(async () => (await api.get("/api/v1/calls", { headers: { authorization: basic(username, password) } })).status(), {
        timeout: 8_000,
      })
      .toBe(401);
  });

  await test.step("at 390px wide nothing scrolls sideways, even with a secret shown", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel("Name", { exact: true }).fill(`${name} (phone)`);
    await page.getByRole("button", { name: "Create API key" }).click();
    await expect(page.getByTestId("new-api-key-curl")).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });
});

test("Users: an admin adds a staff member, changes their role, and removes them", async ({ signedInPage: page, browser }) => {
  const email = `e2e-staff-${Date.now()}@callboard.test`;
  const password = "e2e-staff-password";
  const name = "Erin Example";
  const row = page.getByTestId("user-row").filter({ hasText: email });

  await test.step("the page shows the staff list and is accessible", async () => {
    await page.goto("/settings/users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expect(page.getByTestId("user-row").filter({ hasText: "(you)" })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("the form checks its fields before sending", async () => {
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Initial password").fill("short");
    await page.getByRole("button", { name: "Add staff member" }).click();
    await expect(page.getByText("Enter an e-mail address like name@example.com.")).toBeVisible();
    await expect(page.getByText("The password must be at least 12 characters.")).toBeVisible();
  });

  await test.step("adding a staff member lists them", async () => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("Role").selectOption("staff");
    await page.getByLabel("Initial password").fill(password);
    await page.getByRole("button", { name: "Add staff member" }).click();
    await expect(page.getByText(`${email} was added.`, { exact: false }).first()).toBeVisible();
    await expect(row).toContainText(name);
    await expect(row).toContainText("staff");
    await expect(page.getByLabel("Email")).toHaveValue("");
  });

  await test.step("a staff member cannot open the users page", async () => {
    const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
    const staffPage = await context.newPage();
    await signInThroughApi(staffPage, { email, password });
    await staffPage.goto("/settings/users");
    await expect(staffPage).toHaveURL(/\/$/);
    await expect(staffPage.getByRole("link", { name: "Users" })).toHaveCount(0);
    await context.close();
  });

  await test.step("changing the role", async () => {
    await row.getByRole("button", { name: `Make ${name} admin` }).click();
    await expect(row.getByRole("button", { name: `Make ${name} staff` })).toBeVisible();
    await expect(row).toContainText("admin");
    await row.getByRole("button", { name: `Make ${name} staff` }).click();
    await expect(row.getByRole("button", { name: `Make ${name} admin` })).toBeVisible();
  });

  await test.step("an admin sets a new password for them", async () => {
    await row.getByRole("button", { name: `Set password for ${name}` }).click();
    await row.getByLabel(`New password for ${name}`).fill("short");
    await row.getByRole("button", { name: "Set password", exact: true }).click();
    await expect(row.getByText("The password must be at least 12 characters.")).toBeVisible();
    await row.getByLabel(`New password for ${name}`).fill("e2e-reset-password");
    await row.getByRole("button", { name: "Set password", exact: true }).click();
    await expect(row.getByRole("status")).toHaveText(`The password of ${name} was set. They were signed out everywhere.`);
    const context = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
    await signInThroughApi(await context.newPage(), { email, password: "e2e-reset-password" });
    await context.close();
  });

  await test.step("at 390px wide nothing scrolls sideways", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(row).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.setViewportSize({ width: 1366, height: 900 });
  });

  await test.step("deactivating asks first and says what goes with them", async () => {
    await row.getByRole("button", { name: `Deactivate ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Deactivate ${name}?` });
    await expect(dialog).toContainText("Their API keys are revoked, their webhook endpoints are disabled");
    await dialog.getByRole("button", { name: "Deactivate" }).click();
    await expect(row).toContainText("deactivated");
    await expect(row.getByRole("button", { name: `Reactivate ${name}` })).toBeVisible();
  });

  await test.step("removing asks first, then the staff member is gone", async () => {
    await row.getByRole("button", { name: `Remove ${name}` }).click();
    const dialog = page.getByRole("dialog", { name: `Remove ${name}?` });
    await expect(dialog).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Remove staff member" }).click();
    await expect(row).toHaveCount(0);
  });
});

test("Account: a staff member changes their own password and stays signed in", async ({ page }) => {
  const email = `e2e-account-${Date.now()}@callboard.test`;
  const oldPassword = "e2e-account-password-1";
  const newPassword = "e2e-account-password-2";
  const origin = process.env.E2E_BASE_URL as string;
  const form = page.getByRole("region", { name: "Change your password" });

  await test.step("an admin adds them; they sign in (the browser's cookie becomes theirs)", async () => {
    await signInThroughApi(page);
    const created = await page.request.post("/api/v1/users", {
      data: { email, name: "Ada Account", role: "staff", password: oldPassword },
      headers: { origin },
    });
    expect(created.status()).toBe(201);
    await signInThroughApi(page, { email, password: oldPassword });
  });

  await test.step("the Account page shows who is signed in and is accessible", async () => {
    await page.goto("/");
    await page.getByRole("link", { name: "Account" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Signed in as" })).toContainText(email);
    await expectAccessible(page);
  });

  await test.step("the form checks the new password twice before sending, and the current one on the server", async () => {
    await form.getByLabel("Current password").fill("not-my-password");
    await form.getByLabel("New password", { exact: true }).fill(newPassword);
    await form.getByLabel("New password, again").fill(`${newPassword}x`);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText("The two new passwords are not the same.")).toBeVisible();
    await form.getByLabel("New password, again").fill(newPassword);
    expectConsoleError(page, /422/);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText("That is not your current password.")).toBeVisible();
    await expect(form.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
  });

  await test.step("with the current password it changes, and this browser stays signed in", async () => {
    await form.getByLabel("Current password").fill(oldPassword);
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByRole("status")).toHaveText("Your password was changed. You were signed out everywhere else.");
    await expect(form.getByLabel("Current password")).toHaveValue("");
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
    const oldSignIn = await page.request.post("/api/v1/session", { data: { email, password: oldPassword }, headers: { origin } });
    expect(oldSignIn.status()).toBe(401);
  });

  await test.step("at 390px wide nothing scrolls sideways", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(form).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });
});
