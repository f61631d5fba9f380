// Sign-in: the form, the return to the page first asked for (never another site), wrong passwords,
// sign-out, and the Content-Security-Policy every page runs under.
import { TEST_ADMIN } from "../tests/support/app";
import { expect, expectAccessible, expectConsoleError, test } from "./fixtures";

test("signing in returns to the page asked for, and signing out ends the session", async ({ page }) => {
  await test.step("a signed-out visit lands on the sign-in page", async () => {
    await page.goto("/calls?page=1");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fcalls%3Fpage%3D1$/);
    await expect(page.getByRole("heading", { name: "Sign in to Callboard" })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("an empty form shows inline errors and is not sent", async () => {
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your e-mail address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
  });

  await test.step("a wrong password says so", async () => {
    expectConsoleError(page, /status of 401/);
    await page.getByLabel("Email").fill(TEST_ADMIN.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That e-mail and password do not match")).toBeVisible();
  });

  await test.step("the right password returns to the page first asked for", async () => {
    await page.getByLabel("Password").fill(TEST_ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/calls\?page=1$/);
    const cookie = (await page.context().cookies()).find((c) => c.name === "cb_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
  });

  await test.step("sign out ends the session", async () => {
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/calls");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fcalls$/);
  });
});

test("a crafted way back after sign-in stays on this site", async ({ page }) => {
  const baseURL = process.env.E2E_BASE_URL as string;
  // The page reads "/\t/evil.example": a browser drops the tab and would go to //evil.example.
  await page.goto("/sign-in?next=/%09/evil.example");
  await page.getByLabel("Email").fill(TEST_ADMIN.email);
  await page.getByLabel("Password").fill(TEST_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL).origin);
});

test("every main page runs under its Content-Security-Policy without a violation", async ({ signedInPage: page, api }) => {
  // Chromium also logs each violation as a console error, which the page fixture fails on.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  const created = await api.post("/api/v1/calls", {
    data: {
      agentId: "123e4567-e89b-12d3-a456-426614174000",
      skillId: "123e4567-e89b-12d3-a456-426614174000",
      channel: "webchat",
      customerName: "CSP Check",
    },
  });
  expect(created.status(), await created.text()).toBe(200);
  const callId = (await created.json()).id;
  const pages = ["/", "/calls", "/calls/new", `/calls/${callId}`, "/customers", "/agents", "/skills"];
  pages.push("/settings/api-keys", "/settings/webhooks", "/settings/users", "/docs");
  for (const path of pages) {
    await test.step(path, async () => {
      const res = await page.goto(path);
      expect(res?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      if (path === "/docs") await expect(page.locator(".opblock-summary").first()).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    });
  }
});
