// The customer's web chat: the widget on another site (a page served here from another loopback origin,
// as a customer's shop would be), and the chat page a chat link opens. Both work without a dashboard
// session; the scripted brain answers (no model is configured in the tests).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, expectConsoleError, saveScreenshot, test } from "./fixtures";

// The demo data's Ava with the skill she has (prisma/seed.ts).
const AGENT = "123e4567-e89b-12d3-a456-426614174000";
const SKILL = "123e4567-e89b-12d3-a456-426614174000";
const STORAGE_KEY = `callboard:${AGENT}:${SKILL}`;

let shop: Server;
let shopUrl: string;

/** A two-page shop with the widget's snippet, as a customer pastes it. */
function shopPage(title: string) {
  const callboard = process.env.E2E_BASE_URL as string;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title></head>
<body><main><h1>${title}</h1><p><a href="/other">Another page of the shop</a></p></main>
<script src="${callboard}/widget.js" data-agent-id="${AGENT}" data-skill-id="${SKILL}" data-customer-name="Jamie Rivera" async></script>
</body></html>`;
}

test.beforeAll(async () => {
  shop = createServer((req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(shopPage(req.url === "/other" ? "Another shop page" : "The shop"));
  });
  await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
  // "localhost", not 127.0.0.1: another site than Callboard's, so the iframe is third-party as on a real shop.
  shopUrl = `http://localhost:${(shop.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => shop.close(resolve));
});

const launcher = (page: Page) => page.getByRole("button", { name: "Open chat" });
const chatFrame = (page: Page) => page.frameLocator("iframe[title^='Chat']");
const messages = (page: Page) => chatFrame(page).getByRole("log", { name: "Messages" }).getByTestId("chat-message");

test("a shop's visitor chats with the agent in the widget, and the conversation survives reloads", async ({ page, api }) => {
  await test.step("the launcher opens the chat, which greets the visitor and takes the focus", async () => {
    await page.goto(shopUrl);
    await expect(launcher(page)).toHaveAttribute("aria-expanded", "false");
    await launcher(page).click();
    await expect(launcher(page)).toHaveAttribute("aria-expanded", "true");
    await expect(page.locator("iframe[title='Chat with Ava']")).toBeVisible();
    await expect(chatFrame(page).getByTestId("chat-greeting")).toContainText("Ava");
    await expect(chatFrame(page).getByRole("textbox", { name: "Message" })).toBeFocused();
  });

  await test.step("the visitor writes; the agent answers", async () => {
    const box = chatFrame(page).getByRole("textbox", { name: "Message" });
    await box.fill("Where is my parcel?");
    await box.press("Enter");
    await expect(box).toHaveValue("");
    await expect(messages(page).and(chatFrame(page).locator("[data-sender=customer]"))).toHaveText(/Where is my parcel\?/);
    await expect(messages(page).and(chatFrame(page).locator("[data-sender=agent]")).first()).toContainText("Where is my parcel?");
    // The token lives in the shop's storage: the iframe's own would be partitioned.
    expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeTruthy();
    await saveScreenshot(page, "widget");
  });

  await test.step("the chat passes axe, inside the frame too", async () => {
    await expectAccessible(page);
  });

  await test.step("Escape closes the chat and gives the focus back to the launcher", async () => {
    await chatFrame(page).getByRole("textbox", { name: "Message" }).press("Escape");
    await expect(launcher(page)).toHaveAttribute("aria-expanded", "false");
    await expect(page.locator("iframe[title='Chat with Ava']")).toBeHidden();
    await expect(launcher(page)).toBeFocused();
  });

  await test.step("a reload, and another page of the shop, continue the same conversation", async () => {
    for (const path of ["/", "/other"]) {
      await page.goto(`${shopUrl}${path}`);
      await launcher(page).click();
      await expect(messages(page).first()).toContainText("Where is my parcel?");
      await expect(messages(page).and(chatFrame(page).locator("[data-sender=agent]")).first()).toBeVisible();
    }
  });

  await test.step("an answer that arrives while the chat is closed shows as unread on the launcher", async () => {
    await chatFrame(page).getByRole("textbox", { name: "Message" }).press("Escape");
    await expect(launcher(page)).toHaveAttribute("aria-expanded", "false");
    // The visitor's other tab writes; this page's closed widget hears the agent's answer.
    const token = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
    const sent = await page.request.post(`/api/chat/${token}/messages`, { data: { content: "And what about the invoice?" } });
    expect(sent.status(), await sent.text()).toBe(201);
    await expect(launcher(page)).toHaveAccessibleDescription("1 unread message");
    await launcher(page).click();
    await expect(launcher(page)).toHaveAccessibleDescription("");
    await expect(messages(page).filter({ hasText: "And what about the invoice?" }).first()).toBeVisible();
  });

  await test.step("the page's script talks to the chat through window.Callboard", async () => {
    await page.evaluate(() => {
      const w = window as unknown as {
        heard: string[];
        Callboard: { on: (e: string, f: (m: { content: string }) => void) => void };
      };
      w.heard = [];
      w.Callboard.on("message", (m) => w.heard.push(m.content));
    });
    await page.evaluate(() =>
      (window as unknown as { Callboard: { sendMessage: (t: string) => void } }).Callboard.sendMessage(
        "Can I change the address?",
      ),
    );
    await expect(messages(page).filter({ hasText: "Can I change the address?" }).first()).toBeVisible();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { heard: string[] }).heard.length), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(2); // the visitor's message and the agent's answer
  });

  await test.step("New conversation starts afresh, forgets the old token and closes the old conversation", async () => {
    const oldToken = (await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)) ?? "";
    const oldId = oldToken.slice(0, oldToken.indexOf("."));
    await chatFrame(page).getByRole("button", { name: "New conversation" }).click();
    await expect.poll(async () => (await (await api.get(`/api/v1/calls/${oldId}`)).json()).status).toBe("completed");
    await expect(messages(page)).toHaveCount(0);
    await expect(chatFrame(page).getByTestId("chat-greeting")).toBeVisible();
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();
  });

  await test.step("on a phone the chat takes the whole screen, and its close button closes it", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    const box = await page.locator("iframe[title='Chat with Ava']").boundingBox();
    expect(box?.width).toBe(360);
    await chatFrame(page).getByRole("button", { name: "Close chat" }).click();
    await expect(launcher(page)).toBeVisible();
    await expect(launcher(page)).toHaveAttribute("aria-expanded", "false");
  });
});

test("a chat link opens the conversation without signing in, and the customer can end it", async ({ page, api }) => {
  const res = await api.post("/api/v1/calls", {
    data: {
      agentId: AGENT,
      skillId: SKILL,
      channel: "webchat",
      customerOverride: { firstName: "Jamie", lastName: "Rivera", email: "jamie@example.com" },
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  const link: string = (await res.json()).links.chat;
  expect(link).toMatch(/\/chat\/[^/]+$/);

  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ava");
  const log = page.getByRole("log", { name: "Messages" }).getByTestId("chat-message");
  await expect(log.first()).toBeVisible();

  const box = page.getByRole("textbox", { name: "Message" });
  // (No "thanks": the scripted agent takes it as a goodbye and ends the chat.)
  await box.fill("When does it arrive?");
  await box.press("Shift+Enter");
  await box.pressSequentially("Is it <b>fast</b>?");
  await expect(box).toHaveValue("When does it arrive?\nIs it <b>fast</b>?");
  await box.press("Enter");
  // Text, never markup.
  await expect(log.and(page.locator("[data-sender=customer]")).filter({ hasText: "Is it <b>fast</b>?" })).toHaveCount(1);
  await expect(page.locator("[data-testid=chat-message] b")).toHaveCount(0);
  await expect(log.last()).toHaveAttribute("data-sender", "agent");
  await expectAccessible(page);

  await page.getByRole("button", { name: "End chat" }).click();
  await page.getByRole("dialog", { name: "End this chat?" }).getByRole("button", { name: "End chat" }).click();
  await expect(page.getByText("This conversation has ended.")).toBeVisible();
  await expect(box).toBeDisabled();
});

test("an expired or forged chat link says so, kindly", async ({ page }) => {
  expectConsoleError(page, /404/);
  await page.goto("/chat/not-a-real-token.abc");
  await expect(page.getByRole("heading", { name: "This chat link has expired or is not valid." })).toBeVisible();
  await expect(page.getByText("Ask the sender for a new link.")).toBeVisible();
  await expectAccessible(page);
});
