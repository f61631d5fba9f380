// /docs: the API reference renders the generated OpenAPI document inside the dashboard, offline
// (no request leaves this server), accessibly, and readable at phone width.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

test("the API docs render the generated document offline", async ({ signedInPage: page }) => {
  const baseURL = process.env.E2E_BASE_URL as string;
  const external: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== new URL(baseURL).origin) external.push(req.url());
  });

  await test.step("the reference lists the operations", async () => {
    await page.goto("/docs");
    await expect(page.getByRole("heading", { level: 1, name: "API docs" })).toBeVisible();
    const create = page.locator(".opblock-summary", { hasText: "/api/v1/calls" }).filter({ hasText: "Create an interaction" });
    await expect(create).toBeVisible();
    await expect(page.getByRole("heading", { name: /Webhooks/ }).first()).toBeVisible();
  });

  await test.step("an operation opens with its body schema and errors", async () => {
    await page.locator(".opblock-summary", { hasText: "Create an interaction" }).getByRole("button").first().click();
    const block = page.locator(".opblock.is-open");
    await expect(block.getByRole("heading", { name: /Request body/ })).toBeVisible();
    await expect(block.getByText(/"agentId"/).first()).toBeVisible();
    await expect(block.getByRole("row", { name: /^422 validation_failed/ })).toBeVisible();
  });

  await test.step("accessible, nothing fetched from outside", async () => {
    // Swagger UI's highlighted JSON examples keep failing color-contrast whatever its CSS
    // (its highlighter colours each token); the rest of the page, Swagger UI included, is checked.
    const results = await new AxeBuilder({ page })
      .exclude(".swagger-ui .body-param__example")
      .exclude(".swagger-ui .highlight-code")
      .analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    expect(external).toEqual([]);
  });

  await test.step("readable at 390 px", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole("heading", { level: 1, name: "API docs" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});
