// An outbound web chat as a support person runs one: start it from the form, send the customer the
// chat link, watch the conversation live, take over, reply as staff, hand back, and see it end with a
// transcript. The customer side is a second browser context with no session, as a customer would be.
// The e2e app has no language model, so the scripted brain answers.
import { expect, expectAccessible, saveScreenshot, test } from "./fixtures";

test("outbound web chat: the chat link, live view, take-over, staff reply, hand-back, end", async ({
  signedInPage: staff,
  browser,
}) => {
  const name = `Chat ${Date.now().toString(36)}`;
  let link = "";

  await test.step("start a web chat from the form and copy the customer's link", async () => {
    await staff.goto("/calls/new");
    await staff.getByLabel("Agent", { exact: true }).selectOption({ label: "Ava Thompson" });
    await expect(staff.getByLabel("Agent name", { exact: true })).toHaveValue("Ava");
    await staff.getByLabel("Skill", { exact: true }).selectOption({ label: "Order notifications" });
    await staff.getByLabel("Channel", { exact: true }).selectOption("webchat");
    await expect(staff.getByText("You get a chat link to send to the customer.")).toBeVisible();
    await staff.getByLabel("Customer name", { exact: true }).fill(name);
    await staff.getByRole("button", { name: "Start interaction" }).click();
    await expect(staff.getByRole("heading", { level: 1 })).toHaveText(`Web chat with ${name}`);
    const input = staff.getByRole("textbox", { name: "Customer chat link" });
    await expect(input).toHaveValue(/\/chat\/[0-9a-f-]{36}\.\d+\./);
    link = await input.inputValue();
  });

  const context = await browser.newContext();
  const customer = await context.newPage();
  const conversation = customer.getByRole("log", { name: "Messages" });
  try {
    await test.step("the customer opens the link, sees the agent's first line, and writes", async () => {
      await customer.setViewportSize({ width: 390, height: 760 });
      await customer.goto(link);
      await expect(customer.getByRole("heading", { level: 1, name: "Ava" })).toBeVisible();
      await expect(conversation).toContainText(`Hello ${name.split(" ")[0]}, this is Ava calling about your recent order.`);
      await customer.getByRole("textbox", { name: "Message" }).fill("My parcel is late.");
      await customer.keyboard.press("Enter");
      await expect(conversation).toContainText('I\'ve noted: "My parcel is late."');
      await expectAccessible(customer);
    });

    await test.step("staff watch it live, take over and reply as themselves", async () => {
      const timeline = staff.getByRole("region", { name: "Messages" });
      await expect(timeline).toContainText("My parcel is late.");
      await staff.getByRole("button", { name: "Take over" }).click();
      await expect(staff.getByText(/is writing; the agent is paused\./)).toBeVisible();
      await staff.getByLabel("Reply as staff").fill("Hi, this is the support team. I am checking with the courier.");
      await staff.getByRole("button", { name: "Send reply" }).click();
      await expect(timeline).toContainText("I am checking with the courier.");
      await saveScreenshot(staff, "takeover");
    });

    await test.step("the customer sees the staff reply, also after a reload", async () => {
      await expect(conversation).toContainText("I am checking with the courier.");
      await customer.reload();
      await expect(conversation).toContainText("I am checking with the courier.");
      await expect(conversation).toContainText("My parcel is late.");
    });

    await test.step("staff hand back; the agent answers again and the customer ends the chat", async () => {
      await staff.getByRole("button", { name: "Hand back to the agent" }).click();
      await expect(staff.getByRole("button", { name: "Take over" })).toBeVisible();
      await customer.getByRole("textbox", { name: "Message" }).fill("Thanks, bye!");
      await customer.getByRole("button", { name: "Send" }).click();
      await expect(conversation).toContainText("Have a great day!");
      await expect(customer.getByTestId("chat-ended")).toBeVisible();
      await expect(customer.getByRole("textbox", { name: "Message" })).toBeDisabled();
    });

    await test.step("the interaction ends with a transcript naming the staff member", async () => {
      await expect(staff.getByTestId("status-badge").first()).toHaveText(/completed/i);
      await expect(staff.getByText("Staff (", { exact: false }).first()).toBeVisible();
    });

    await test.step("an altered link shows a clear page", async () => {
      await customer.goto(`${link.slice(0, -3)}xyz`);
      await expect(customer.getByRole("heading", { level: 1 })).toContainText(/expired|not valid/i);
    });
  } finally {
    await context.close();
  }
});
