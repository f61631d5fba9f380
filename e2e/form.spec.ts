// The create-interaction form (/calls/new): inline validation from the API's schema, agent defaults as
// the starting point of the overrides, variables and their preview, submit to the live view, Repeat,
// accessibility and layout.
import type { CreateCallInput } from "../server/calls/schema";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, saveScreenshot, test } from "./fixtures";

const AVA = "123e4567-e89b-12d3-a456-426614174000";
const ORDER_NOTIFICATIONS = AVA;
const UUID_PATH = /\/calls\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A phone nobody else uses, so each test makes its own customer. */
const uniquePhone = () => `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;

const label = (page: Page, name: string) => page.getByLabel(name, { exact: true });

async function openForm(page: Page, url = "/calls/new") {
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: "New interaction" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Start interaction" })).toBeVisible();
}

async function pickAgent(page: Page, name: string, defaultName: string) {
  await label(page, "Agent").selectOption({ label: name });
  // The agent's defaults arrive from GET /agents/{id}: its name is the first to show.
  await expect(label(page, "Agent name")).toHaveValue(defaultName);
}

function watchCreates(page: Page) {
  const bodies: CreateCallInput[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === "/api/v1/calls") bodies.push(r.postDataJSON());
  });
  return bodies;
}

test("an invalid phone is shown inline and nothing is sent", async ({ signedInPage: page }) => {
  const creates = watchCreates(page);
  await test.step("fill the form with a phone that is not international", async () => {
    await openForm(page);
    await pickAgent(page, "Ava Thompson", "Ava");
    await label(page, "Skill").selectOption({ label: "Order notifications" });
    await label(page, "Channel").selectOption("call");
    await label(page, "Customer phone").fill("555-1234");
  });

  await test.step("submit shows the error beside the field and stays on the form", async () => {
    await page.getByRole("button", { name: "Start interaction" }).click();
    await expect(page.getByText("Enter the phone in international format, e.g. +14155550123.")).toBeVisible();
    await expect(label(page, "Customer phone")).toHaveAttribute("aria-invalid", "true");
    await expect(label(page, "Customer phone")).toBeFocused();
    await expect(page).toHaveURL(/\/calls\/new$/);
    expect(creates).toEqual([]);
  });

  await test.step("fixing it clears the error", async () => {
    await label(page, "Customer phone").fill("+14155550123");
    await expect(page.getByText("Enter the phone in international format, e.g. +14155550123.")).toBeHidden();
  });
});

test("a full interaction: custom field, override, unresolved variable warned before submit", async ({
  signedInPage: page,
  api,
}) => {
  const creates = watchCreates(page);
  const phone = uniquePhone();
  const template = "Hi {{firstName}}, your order {{Order ID}} arrives {{Delivery Date}}.";

  await test.step("pick agent, skill, channel and customer", async () => {
    await openForm(page);
    await pickAgent(page, "Ava Thompson", "Ava");
    await label(page, "Skill").selectOption({ label: "Order notifications" });
    await label(page, "Channel").selectOption("call");
    await label(page, "Customer name").fill("Jane Doe");
    await label(page, "Customer phone").fill(phone);
  });

  await test.step("add a custom field", async () => {
    await page.getByRole("button", { name: "Add field" }).click();
    await expect(label(page, "Field name")).toBeFocused();
    await label(page, "Field name").fill("Order ID");
    await label(page, "Field value").fill("A-1001");
  });

  await test.step("write the initial message with a chip at the cursor and one unknown variable", async () => {
    const message = label(page, "Initial message");
    await message.fill("Hi {{firstName}}, your order ");
    const chips = page.getByRole("group", { name: "Insert a variable into the initial message" });
    await chips.getByRole("button", { name: "{{Order ID}}" }).click();
    await expect(message).toBeFocused();
    await page.keyboard.type(" arrives {{Delivery Date}}.");
    await expect(message).toHaveValue(template);
    await label(page, "Voice speed").fill("1.2");
    await expect(page.getByText("1.20", { exact: true })).toBeVisible();
  });

  await test.step("the preview renders it and the warning names the unresolved variable before submit", async () => {
    await expect(page.getByText("Hi Jane, your order A-1001 arrives .")).toBeVisible();
    const warning = page.getByRole("status").filter({ hasText: "variable has no value" });
    await expect(warning).toContainText("{{Delivery Date}}");
    await expect(warning).not.toContainText("Order ID");
    expect(creates).toEqual([]);
  });

  let id = "";
  await test.step("submit lands on the live view", async () => {
    await page.getByRole("button", { name: "Start interaction" }).click();
    await expect(page).toHaveURL(UUID_PATH);
    id = new URL(page.url()).pathname.split("/").pop()!;
    await expect(page.getByRole("region", { name: "Messages" })).toBeVisible();
  });

  await test.step("only the changed settings were sent", async () => {
    expect(creates).toHaveLength(1);
    expect(creates[0].agentOverride).toEqual({ voiceSpeed: 1.2, prompt: { initialMessage: template } });
    expect(creates[0].customerOverride).toEqual({ customFields: [{ name: "Order ID", value: "A-1001" }] });
  });

  await test.step("the API has the call with the field, the override and the unresolved variable", async () => {
    const res = await api.get(`/api/v1/calls/${id}`);
    expect(res.status()).toBe(200);
    const call = await res.json();
    expect(call.customFields).toEqual([{ name: "Order ID", value: "A-1001" }]);
    expect(call.agent.initialMessage).toBe(template);
    expect(call.agent.voiceSpeed).toBe(1.2);
    expect(call.agent.name).toBe("Ava");
    expect(call.initialMessage).toBe("Hi Jane, your order A-1001 arrives .");
    expect(call.unresolvedVariables).toContain("Delivery Date");
    expect(call.customerPhone).toBe(phone);
  });
});

test("agent defaults fill the overrides, skills follow the agent, the channel picks the required contact", async ({
  signedInPage: page,
  api,
}) => {
  await test.step("picking an agent shows its defaults", async () => {
    const ava = await (await api.get(`/api/v1/agents/${AVA}`)).json();
    await openForm(page);
    await expect(label(page, "Skill")).toBeDisabled();
    await pickAgent(page, "Ava Thompson", "Ava");
    await expect(label(page, "Initial message")).toHaveValue(ava.initialMessage);
    await expect(label(page, "Prompt")).toHaveValue(ava.baseInstructions);
    await expect(label(page, "Agent phone")).toHaveValue(ava.phone);
    await expect(label(page, "Voice speed")).toHaveValue(String(ava.voiceSpeed));
    await expect(label(page, "Voice stability")).toHaveValue(String(ava.voiceStability));
    await expect(label(page, "Skill").locator("option:not([value=''])")).toHaveText([
      "Order notifications",
      "Returns and refunds",
    ]);
  });

  await test.step("another agent brings its own defaults and skills", async () => {
    await pickAgent(page, "Marcus Lee", "Marcus");
    await expect(label(page, "Initial message")).toHaveValue("Hi {{firstName}}, this is {{aiName}} from the billing team.");
    await expect(label(page, "Skill").locator("option:not([value=''])")).toHaveText(["Billing support", "Returns and refunds"]);
    await expect(label(page, "Agent").locator("option")).not.toContainText(["Noah Kim"]);
  });

  await test.step("call needs the phone, email needs the e-mail", async () => {
    await expect(label(page, "Customer phone")).toHaveAttribute("aria-required", "true");
    await expect(label(page, "Customer email")).not.toHaveAttribute("aria-required", "true");
    await label(page, "Channel").selectOption("email");
    await expect(label(page, "Customer email")).toHaveAttribute("aria-required", "true");
    await expect(label(page, "Customer phone")).not.toHaveAttribute("aria-required", "true");
    await page.getByRole("button", { name: "Start interaction" }).click();
    await expect(page.getByText("A customer e-mail address is required for the email channel.")).toBeVisible();
    await expect(page.getByText("Choose a skill.")).toBeVisible();
    await expect(page).toHaveURL(/\/calls\/new$/);
  });
});

test("Repeat opens the form prefilled from a past interaction", async ({ signedInPage: page, api }) => {
  const phone = uniquePhone();
  let sourceId = "";
  await test.step("an integration created an interaction with overrides", async () => {
    const res = await api.post("/api/v1/calls", {
      data: {
        agentId: AVA,
        skillId: ORDER_NOTIFICATIONS,
        channel: "sms",
        customerName: "Rita Repeat",
        customerPhone: phone,
        customerOverride: {
          language: "en-GB",
          customFields: [
            { name: "Order ID", value: 77 },
            { name: "VIP", value: true },
          ],
        },
        agentOverride: {
          voiceSpeed: 1.3,
          prompt: { initialMessage: "Hi {{firstName}}, order {{Order ID}} is on its way.", routingConditions: { tier: "gold" } },
        },
      },
    });
    expect(res.status(), await res.text()).toBe(200);
    sourceId = (await res.json()).id;
  });

  await test.step("the form starts as it was", async () => {
    await openForm(page, `/calls/new?from=${sourceId}`);
    await expect(label(page, "Agent")).toHaveValue(AVA);
    await expect(label(page, "Skill")).toHaveValue(ORDER_NOTIFICATIONS);
    await expect(label(page, "Channel")).toHaveValue("sms");
    await expect(label(page, "Customer name")).toHaveValue("Rita Repeat");
    await expect(label(page, "Customer phone")).toHaveValue(phone);
    await expect(label(page, "Language")).toHaveValue("en-GB");
    await expect(label(page, "Field name").nth(0)).toHaveValue("Order ID");
    await expect(label(page, "Field value").nth(0)).toHaveValue("77");
    await expect(label(page, "Type").nth(0)).toHaveValue("number");
    await expect(label(page, "Field name").nth(1)).toHaveValue("VIP");
    await expect(label(page, "Field value").nth(1)).toHaveValue("true");
    await expect(label(page, "Voice speed")).toHaveValue("1.3");
    await expect(label(page, "Initial message")).toHaveValue("Hi {{firstName}}, order {{Order ID}} is on its way.");
    await expect(label(page, "Condition name")).toHaveValue("tier");
    await expect(label(page, "Condition value")).toHaveValue("gold");
    await expect(page.getByText("Hi Rita, order 77 is on its way.")).toBeVisible();
  });

  await test.step("starting it again sends the same interaction", async () => {
    const creates = watchCreates(page);
    await page.getByRole("button", { name: "Start interaction" }).click();
    await expect(page).toHaveURL(UUID_PATH);
    expect(creates[0].agentOverride).toEqual({
      voiceSpeed: 1.3,
      prompt: { initialMessage: "Hi {{firstName}}, order {{Order ID}} is on its way.", routingConditions: { tier: "gold" } },
    });
    const id = new URL(page.url()).pathname.split("/").pop()!;
    expect(id).not.toBe(sourceId);
    const call = await (await api.get(`/api/v1/calls/${id}`)).json();
    expect(call.customFields).toEqual([
      { name: "Order ID", value: 77 },
      { name: "VIP", value: true },
    ]);
    expect(call.initialMessage).toBe("Hi Rita, order 77 is on its way.");
  });
});

test("the form is accessible, reads well at 1366px and fits a 390px phone", async ({ signedInPage: page }) => {
  await test.step("a filled form at 1366x900", async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await openForm(page);
    await pickAgent(page, "Ava Thompson", "Ava");
    await label(page, "Skill").selectOption({ label: "Order notifications" });
    await label(page, "Customer name").fill("Jane Doe");
    await label(page, "Customer phone").fill("+14155550123");
    await page.getByRole("button", { name: "Add field" }).click();
    await label(page, "Field name").fill("Order ID");
    await label(page, "Field value").fill("A-1001");
    await label(page, "Initial message").fill("Hi {{firstName}}, order {{Order ID}} arrives {{Delivery Date}}.");
    await expect(page.getByRole("status").filter({ hasText: "Delivery Date" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expectAccessible(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, "create-form");
  });

  await test.step("at 390px everything fits in one column", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole("button", { name: "Start interaction" })).toBeVisible();
    const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await expectAccessible(page);
  });

  await test.step("the keyboard reaches the chips and submit, with a visible focus", async () => {
    await label(page, "Prompt").focus();
    await page.keyboard.press("Tab");
    const chip = page.getByRole("group", { name: "Insert a variable into the prompt" }).getByRole("button").first();
    await expect(chip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(label(page, "Prompt")).toBeFocused();
    await expect(label(page, "Prompt")).toHaveValue(/\{\{customerName\}\}/);
  });
});
