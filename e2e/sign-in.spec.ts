// Sign-in: the form, the return to the page first asked for, wrong passwords, and sign-out.
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
