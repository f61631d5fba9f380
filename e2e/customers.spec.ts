// Customers: an interaction created through the API adds its customer; staff find them by search,
// open their page, see the interaction with its status, and follow it to the interaction's page.
import { expect, expectAccessible, test } from "./fixtures";

const REFERENCE_ID = "123e4567-e89b-12d3-a456-426614174000";

test("a new customer is found by search and their interaction opens", async ({ signedInPage: page, api }) => {
  const suffix = Date.now().toString(36);
  const name = `Quinn Halvorsen${suffix}`;
  const phone = `+1415${String(Date.now()).slice(-7)}`;
  let call: { id: string; customerId: string };

  await test.step("an integration creates an SMS interaction for a new customer", async () => {
    const res = await api.post("/api/v1/calls", {
      data: { agentId: REFERENCE_ID, skillId: REFERENCE_ID, channel: "sms", customerName: name, customerPhone: phone },
    });
    expect(res.status()).toBe(200);
    call = await res.json();
  });

  await test.step("search the customers list", async () => {
    await page.goto("/customers");
    await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Customers" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Search by name, phone or e-mail").fill(phone);
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name }) });
    await expect(row).toHaveCount(1);
    await expect(page.getByRole("table", { name: "Customers" }).getByRole("row")).toHaveCount(2);
    await expect(row.getByRole("cell").nth(3)).toHaveText("1");
  });

  await test.step("the search lives in the URL, so a reload keeps it", async () => {
    await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(phone).replace("+", "\\+")}`));
    await page.reload();
    await expect(page.getByLabel("Search by name, phone or e-mail")).toHaveValue(phone);
    await expect(page.getByRole("table", { name: "Customers" }).getByRole("row")).toHaveCount(2);
  });

  await test.step("open the customer's page and see the interaction", async () => {
    await page.getByRole("link", { name }).click();
    await expect(page).toHaveURL(new RegExp(`/customers/${call.customerId}$`));
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    const details = page.getByRole("region", { name: "Details" });
    await expect(details.getByText(phone)).toBeVisible();
    const interactions = page.getByRole("region", { name: "Interactions" });
    const link = interactions.getByRole("link", { name: /^SMS on / });
    await expect(link).toHaveAttribute("href", `/calls/${call.id}`);
    // The simulator plays the interaction out in moments; the badge follows it to the end.
    await expect(interactions.getByTestId("status-badge")).toHaveText("completed");
    await expectAccessible(page);
  });

  await test.step("the interaction links to its own page", async () => {
    await page
      .getByRole("region", { name: "Interactions" })
      .getByRole("link", { name: /^SMS on / })
      .click();
    await expect(page).toHaveURL(new RegExp(`/calls/${call.id}$`));
    await expect(page.getByRole("heading", { level: 1, name: `SMS with ${name}` })).toBeVisible();
  });
});
