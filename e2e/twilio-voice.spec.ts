// A real phone call as a support person runs one, against a loopback Twilio (tests/support/fake-twilio.ts)
// and a loopback model: start a voice call from the form, watch it ring, connect and talk live in the
// live view, and see it end with Twilio's recording and the transcript as heard. This spec runs its own
// app, configured for Twilio; the shared e2e app stays on the simulator.
import { newDatabase, prepareDatabase, type RunningApp, startApp, TEST_ADMIN } from "../tests/support/app";
import { type FakeLlm, startFakeLlm } from "../tests/support/fake-llm";
import { type FakeTwilio, startFakeTwilio } from "../tests/support/fake-twilio";
import { expect, saveScreenshot, test } from "./fixtures";

const ACCOUNT_SID = `AC${"e".repeat(32)}`;
const AUTH_TOKEN = "e2e-twilio-token";

let twilio: FakeTwilio;
let llm: FakeLlm;
let app: RunningApp;
let drop: () => Promise<void>;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  llm = await startFakeLlm();
  twilio = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, callbackDelayMs: 150 });
  const db = await newDatabase("sqlite");
  prepareDatabase(db.url);
  drop = db.drop;
  app = await startApp(db.url, {
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_API_BASE_URL: twilio.url,
    LLM_BASE_URL: llm.baseUrl,
    LLM_MODEL: "fake-model",
  });
});

test.afterAll(async () => {
  await app?.stop();
  await drop?.();
  await twilio?.close();
  await llm?.close();
});

test("a voice call through Twilio: placed from the form, followed live, recording and transcript at the end", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: app.url });
  const page = await context.newPage();
  const label = (name: string) => page.getByLabel(name, { exact: true });
  const phone = "+15550301234";
  twilio.scenario(phone, { kind: "answer", ringMs: 1_500, say: ["My parcel is late", "Thanks, bye"] });
  try {
    const signIn = await page.request.post("/api/v1/session", { data: TEST_ADMIN, headers: { origin: app.url } });
    expect(signIn.status()).toBe(200);

    await test.step("start a call from the form", async () => {
      await page.goto("/calls/new");
      await label("Agent").selectOption({ label: "Ava Thompson" });
      await expect(label("Agent name")).toHaveValue("Ava");
      await label("Skill").selectOption({ label: "Order notifications" });
      await label("Channel").selectOption("call");
      await label("Customer name").fill("Jane Doe");
      await label("Customer phone").fill(phone);
      await page.getByRole("button", { name: "Start interaction" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Jane Doe");
    });

    await test.step("the live view follows Twilio's callbacks and the conversation", async () => {
      const details = page.getByRole("region", { name: "Details" });
      await expect(details).toContainText("twilio");
      await expect(details.getByRole("link", { name: /^CA[0-9a-f]{32}$/ })).toBeVisible({ timeout: 15_000 });
      const timeline = page.getByRole("region", { name: "Messages" });
      await expect(timeline).toContainText("My parcel is late", { timeout: 20_000 });
      await expect(timeline).toContainText(/Model reply \d: I understand "My parcel is late"\./, { timeout: 20_000 });
    });

    await test.step("it ends with the transcript as heard and Twilio's recording", async () => {
      await expect(page.getByRole("region", { name: "Transcript" })).toContainText("Customer: Thanks, bye", { timeout: 30_000 });
      const audio = page.getByLabel("Call recording");
      await expect(audio).toBeVisible({ timeout: 30_000 });
      const src = await audio.getAttribute("src");
      const recording = await page.request.get(src ?? "");
      expect(recording.status()).toBe(200);
      expect(recording.headers()["content-type"]).toMatch(/audio\/wav/);
      await saveScreenshot(page, "twilio-call");
    });
    const placed = twilio.calls.find((c) => c.to === phone);
    expect(placed?.params.From).toBe("+14155550100");
    expect(placed?.gathered).toEqual(["My parcel is late", "Thanks, bye"]);
  } finally {
    await context.close();
  }
});
