// Settings → Webhooks: register an endpoint for a real loopback receiver (secret shown once), send a
// test event that verifies with `standardwebhooks`, follow it in the delivery log, replay it against a
// failing receiver, rotate the secret, disable and enable, edit, and delete.
import type { Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { type ReceivedWebhook, startWebhookReceiver } from "../tests/support/webhook-receiver";
import { expect, expectAccessible, test } from "./fixtures";

/** A receiver on loopback whose answer (`state.status`) can change mid-test. */
async function startReceiver() {
  const state = { status: 200 };
  const receiver = await startWebhookReceiver(() => state.status);
  return { ...receiver, state };
}

async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "horizontal overflow at this width").toBeLessThanOrEqual(0);
}

const verifies = (secret: string, r: ReceivedWebhook) => {
  try {
    new Webhook(secret).verify(r.body, r.headers);
    return true;
  } catch {
    return false;
  }
};

test("Webhooks: create, test with a verified signature, read the log, replay, rotate, disable, delete", async ({
  signedInPage: page,
}) => {
  const receiver = await startReceiver();
  let secret = "";
  const row = page.getByTestId("webhook-row").filter({ hasText: receiver.url });
  const createForm = page.getByRole("region", { name: "Add an endpoint" });

  try {
    await test.step("the page starts empty, explains signing, and is accessible", async () => {
      await page.goto("/settings/webhooks");
      await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
      await expect(page.getByText("No webhook endpoints yet")).toBeVisible();
      await expect(page.getByText("webhook-signature", { exact: true })).toBeVisible();
      await expectAccessible(page);
    });

    await test.step("the form checks the URL with the API's schema before sending", async () => {
      await createForm.getByLabel("URL").fill("ftp://example.com/hook");
      await createForm.getByRole("button", { name: "Add endpoint" }).click();
      await expect(createForm.getByText("url must be an http(s) URL", { exact: false })).toBeVisible();
      await expect(createForm.getByLabel("URL")).toHaveAttribute("aria-invalid", "true");
    });

    await test.step("creating an endpoint shows its secret once", async () => {
      await createForm.getByLabel("URL").fill(receiver.url);
      await createForm.getByLabel("Description").fill("E2E receiver");
      await createForm.getByRole("checkbox", { name: /call\.ended/ }).check();
      await createForm.getByRole("button", { name: "Add endpoint" }).click();
      const notice = page.getByTestId("webhook-secret");
      await expect(notice).toContainText("you won’t see it again");
      await expect(notice.getByRole("heading", { name: "Webhook endpoint created" })).toBeFocused();
      secret = (await page.getByTestId("webhook-secret-value").textContent()) ?? "";
      expect(secret).toMatch(/^whsec_/);
      await expect(notice.getByRole("button", { name: "Copy signing secret" })).toBeVisible();
      await expect(row).toContainText("E2E receiver");
      await expect(row.getByTestId("webhook-events")).toHaveText("call.ended");
      await expect(row.getByTestId("webhook-owner")).toContainText("Admin · admin@callboard.test");
      await expect(row.getByTestId("webhook-enabled")).toHaveText("enabled");
      await expect(createForm.getByLabel("URL")).toHaveValue("");
      await expectAccessible(page);
      await notice.getByRole("button", { name: "I’ve saved it" }).click();
      await expect(notice).toHaveCount(0);
      await expect(page.getByText(secret)).toHaveCount(0);
    });

    await test.step("Send test event reaches the receiver, signed with the secret", async () => {
      await row.getByRole("button", { name: `Send test event to ${receiver.url}` }).click();
      await expect(row.getByText("Test event queued.")).toBeVisible();
      await expect.poll(() => receiver.received.length).toBe(1);
      const request = receiver.received[0];
      expect(verifies(secret, request)).toBe(true);
      expect(JSON.parse(request.body)).toMatchObject({ type: "webhook.test" });
    });

    await test.step("the delivery log shows it delivered with HTTP 200", async () => {
      await row.getByRole("link", { name: "See its delivery" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Delivery log" })).toBeVisible();
      const delivery = page.getByTestId("delivery").filter({ hasText: "webhook.test" });
      await expect(delivery.getByTestId("delivery-state")).toHaveText("delivered");
      await expect(delivery.getByTestId("delivery-event-id")).toHaveText(receiver.received[0].headers["webhook-id"]);
      await expect(delivery.getByTestId("attempt-status")).toHaveText(["HTTP 200"]);
      await expectAccessible(page);
    });

    await test.step("Replay against a failing receiver logs the failed attempt", async () => {
      receiver.state.status = 503;
      const delivery = page.getByTestId("delivery").first();
      await delivery.getByRole("button", { name: /^Replay webhook\.test/ }).click();
      // The log refreshes itself while the delivery is pending: no reload.
      await expect(delivery.getByTestId("attempt-status").filter({ hasText: "HTTP 503" }).first()).toBeVisible();
      expect(receiver.received[1].headers["webhook-id"]).toBe(receiver.received[0].headers["webhook-id"]);
      // Once the receiver recovers, a retry gets through and the log says so.
      receiver.state.status = 200;
      // Retries back off (doubling from WEBHOOK_RETRY_BASE_MS), so the next one may take a few seconds.
      await expect(delivery.getByTestId("delivery-state")).toHaveText("delivered", { timeout: 30_000 });
      await expect(delivery.getByTestId("attempt-status").first()).toHaveText("HTTP 200");
    });

    await test.step("at 390px wide the log does not scroll sideways", async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await expect(page.getByTestId("delivery").first()).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await page.setViewportSize({ width: 1366, height: 900 });
    });

    await test.step("rotating the secret asks first, shows the new secret once, and signs with it", async () => {
      await page.getByRole("link", { name: "All webhook endpoints" }).click();
      await row.getByRole("button", { name: `Rotate secret of ${receiver.url}` }).click();
      const dialog = page.getByRole("dialog", { name: "Rotate the signing secret of “E2E receiver”?" });
      await expect(dialog).toBeVisible();
      await dialog.getByRole("button", { name: "Rotate secret" }).click();
      const notice = page.getByTestId("webhook-secret");
      await expect(notice.getByRole("heading", { name: "Signing secret rotated" })).toBeFocused();
      const rotated = (await page.getByTestId("webhook-secret-value").textContent()) ?? "";
      expect(rotated).toMatch(/^whsec_/);
      expect(rotated).not.toBe(secret);

      const before = receiver.received.length;
      await row.getByRole("button", { name: `Send test event to ${receiver.url}` }).click();
      await expect.poll(() => receiver.received.length).toBeGreaterThan(before);
      const request = receiver.received[before];
      expect(verifies(rotated, request)).toBe(true);
      expect(verifies(secret, request)).toBe(false);
    });

    await test.step("editing changes the description and events", async () => {
      await row.getByRole("button", { name: `Edit ${receiver.url}` }).click();
      const edit = row.locator("form");
      await edit.getByLabel("Description").fill("E2E receiver (all events)");
      await edit.getByRole("checkbox", { name: /call\.ended/ }).uncheck();
      await edit.getByRole("button", { name: "Save changes" }).click();
      await expect(row.locator("form")).toHaveCount(0);
      await expect(row).toContainText("E2E receiver (all events)");
      await expect(row.getByTestId("webhook-events")).toHaveText("All events");
    });

    await test.step("disabling stops test events; enabling turns them back on", async () => {
      await row.getByRole("button", { name: `Disable ${receiver.url}` }).click();
      await expect(row.getByTestId("webhook-enabled")).toHaveText("disabled");
      await expect(row.getByRole("button", { name: `Send test event to ${receiver.url}` })).toBeDisabled();
      await row.getByRole("button", { name: `Enable ${receiver.url}` }).click();
      await expect(row.getByTestId("webhook-enabled")).toHaveText("enabled");
      await expect(row.getByRole("button", { name: `Send test event to ${receiver.url}` })).toBeEnabled();
    });

    await test.step("at 390px wide the list does not scroll sideways", async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await expect(row).toBeVisible();
      await expectNoHorizontalOverflow(page);
      await page.setViewportSize({ width: 1366, height: 900 });
    });

    await test.step("deleting asks first, then the endpoint is gone", async () => {
      await row.getByRole("button", { name: `Delete ${receiver.url}` }).click();
      const dialog = page.getByRole("dialog", { name: "Delete “E2E receiver (all events)”?" });
      await expect(dialog).toBeVisible();
      await expectAccessible(page);
      await dialog.getByRole("button", { name: "Delete endpoint" }).click();
      await expect(row).toHaveCount(0);
      await expect(page.getByText("No webhook endpoints yet")).toBeVisible();
    });
  } finally {
    await receiver.close();
  }
});
