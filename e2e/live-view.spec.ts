// The live interaction view (/calls/{id}): it follows a call as it happens over Server-Sent Events,
// plays and downloads the recording, saves notes and offers only the legal status actions.
import type { Call } from "../server/calls/schema";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, expectAccessible, expectConsoleError, saveScreenshot, test } from "./fixtures";

const contractBody = JSON.parse(
  readFileSync(path.join(__dirname, "..", "docs", "reference", "create-call.request.json"), "utf8"),
);

/** The API's own call type: the responses are what callSchema describes. */
type CallBody = Call;

async function createCall(api: APIRequestContext, body: Record<string, unknown> = contractBody): Promise<CallBody> {
  const res = await api.post("/api/v1/calls", { data: body });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

async function getCall(api: APIRequestContext, id: string): Promise<CallBody> {
  return (await api.get(`/api/v1/calls/${id}`)).json();
}

/** A voice call paused mid-conversation (on-hold stops the simulator), so the page can watch it resume. */
async function heldCall(api: APIRequestContext): Promise<CallBody> {
  // The test simulator is fast: on a busy machine a call can finish before the hold lands (409), so
  // take another one rather than depend on timing.
  for (let attempt = 1; ; attempt++) {
    const call = await createCall(api);
    await expect
      .poll(async () => (await getCall(api, call.id)).status, { intervals: [10], timeout: 10_000 })
      .not.toMatch(/^(queued|initiated|ringing)$/);
    const res = await api.put(`/api/v1/calls/${call.id}`, { data: { status: "on-hold" } });
    if (res.status() === 200) return res.json();
    expect(res.status(), await res.text()).toBe(409);
    expect(attempt, "a call to put on hold before it ended").toBeLessThan(5);
  }
}

const messages = (page: Page) => page.getByRole("region", { name: "Messages" }).getByTestId("message");
const badge = (page: Page) => page.getByTestId("status-badge");

/** Marks the document, so a later check proves the page was never reloaded. */
async function markDocument(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { liveMark: boolean }).liveMark = true;
  });
}
const stillSameDocument = (page: Page) => page.evaluate(() => (window as unknown as { liveMark?: boolean }).liveMark === true);

test("the live view follows a voice call to its recording", async ({ signedInPage: page, api }) => {
  let call: CallBody;
  await test.step("create the documented voice call and open it at once", async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    call = await createCall(api);
    await page.goto(`/calls/${call.id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Voice call with John Doe");
    await markDocument(page);
  });

  await test.step("messages, the final status and the transcript arrive without a reload", async () => {
    await expect(badge(page)).toHaveText("completed");
    await expect(messages(page).first()).toBeVisible();
    const stored = await getCall(api, call.id);
    await expect(messages(page)).toHaveCount(stored.messages.length);
    await expect(messages(page).and(page.locator("[data-sender=agent]")).first()).toBeVisible();
    await expect(messages(page).and(page.locator("[data-sender=customer]")).first()).toBeVisible();
    await expect(page.getByRole("region", { name: "Transcript" })).toContainText("Agent: Hello John");
    await expect(page.getByTestId("simulated-marker")).toBeVisible();
    await expect(page.getByText("Unresolved variables")).toBeVisible();
    await expect(page.getByText("{{Delivery Date}}")).toBeVisible();
    expect(await stillSameDocument(page)).toBe(true);
    call = stored;
  });

  await test.step("the recording plays in the page's audio player", async () => {
    const audio = page.getByRole("region", { name: "Recording" }).locator("audio");
    await expect(audio).toBeVisible();
    const duration = await audio.evaluate(async (el: HTMLAudioElement) => {
      if (el.readyState < 1) await new Promise((resolve) => el.addEventListener("loadedmetadata", resolve, { once: true }));
      el.muted = true;
      await el.play();
      await new Promise<void>((resolve) => {
        const check = () => (el.currentTime > 0 ? resolve() : requestAnimationFrame(check));
        check();
      });
      el.pause();
      return el.duration;
    });
    expect(Math.round(duration)).toBe(Number(call.duration));
  });

  await test.step("the Download recording link saves a WAV file", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download recording" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.wav$/);
    const file = readFileSync(await download.path());
    expect(file.subarray(0, 4).toString("ascii")).toBe("RIFF");
    expect(file.subarray(8, 12).toString("ascii")).toBe("WAVE");
  });

  await test.step("accessible, screenshot at 1366 px, no horizontal overflow at 390 px", async () => {
    await expectAccessible(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, "live-view");
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });

  await test.step("a completed call offers only Mark resolved, which works", async () => {
    const actions = page.getByRole("region", { name: "Actions" });
    await expect(actions.getByRole("button")).toHaveText(["Mark resolved"]);
    await actions.getByRole("button", { name: "Mark resolved" }).click();
    await expect(badge(page)).toHaveText("resolved");
    expect((await getCall(api, call.id)).status).toBe("resolved");
    await expect(actions).toContainText("No status changes are possible");
  });
});

test("a held call resumes live, with its duration ticking", async ({ signedInPage: page, api }) => {
  let call: CallBody;
  let before = 0;
  await test.step("open a call that staff put on hold", async () => {
    call = await heldCall(api);
    await page.goto(`/calls/${call.id}`);
    await expect(badge(page)).toHaveText("on-hold");
    await expect(page.getByTestId("live-indicator")).toHaveText("Live");
    await markDocument(page);
    before = await messages(page).count();
  });

  await test.step("only the legal actions for on-hold are offered", async () => {
    await expect(page.getByRole("region", { name: "Actions" }).getByRole("button")).toHaveText([
      "Resume",
      "End interaction",
      "Transfer to a human",
      "Cancel interaction",
      "Mark as failed",
    ]);
  });

  await test.step("the duration ticks while the call is live", async () => {
    const duration = page.getByTestId("duration");
    const first = await duration.textContent();
    await expect(duration).not.toHaveText(first ?? "");
  });

  await test.step("resumed elsewhere (API), the page shows new messages and the end by itself", async () => {
    const res = await api.put(`/api/v1/calls/${call.id}`, { data: { status: "in-progress" } });
    expect(res.status()).toBe(200);
    await expect(badge(page)).toHaveText("completed");
    expect(await messages(page).count()).toBeGreaterThan(before);
    await expect(page.getByTestId("live-indicator")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Download recording" })).toBeVisible();
    expect(await stillSameDocument(page)).toBe(true);
  });
});

test("staff cancel a live call and keep a note", async ({ signedInPage: page, api }) => {
  let call: CallBody;
  await test.step("open a live call", async () => {
    call = await heldCall(api);
    await page.goto(`/calls/${call.id}`);
    await expect(badge(page)).toHaveText("on-hold");
  });

  await test.step("the note editor saves through the API", async () => {
    const note = page.getByLabel("Note for the team");
    await note.fill("Customer prefers a call after 5 pm ✓");
    await page.getByRole("button", { name: "Save note" }).click();
    await expect(page.getByText("Note saved")).toBeVisible();
    expect((await getCall(api, call.id)).note).toBe("Customer prefers a call after 5 pm ✓");
  });

  await test.step("cancel asks first; going back changes nothing", async () => {
    await page.getByRole("button", { name: "Cancel interaction" }).click();
    const dialog = page.getByRole("dialog", { name: "Cancel interaction?" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Go back" }).click();
    await expect(dialog).toBeHidden();
    expect((await getCall(api, call.id)).status).toBe("on-hold");
  });

  await test.step("confirming cancels the call", async () => {
    await page.getByRole("button", { name: "Cancel interaction" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Yes, cancel interaction" }).click();
    await expect(badge(page)).toHaveText("canceled");
    expect((await getCall(api, call.id)).status).toBe("canceled");
    await expect(page.getByRole("region", { name: "Actions" })).toContainText("No status changes are possible");
    await expect(page.getByLabel("Note for the team")).toHaveValue("Customer prefers a call after 5 pm ✓");
  });
});

test("an unknown interaction id shows a clear not-found state", async ({ signedInPage: page }) => {
  await test.step("open a call that does not exist", async () => {
    expectConsoleError(page, /404/);
    await page.goto("/calls/00000000-0000-4000-8000-000000000000");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Interaction not found");
    await expect(page.getByRole("link", { name: "Back to all interactions" })).toBeVisible();
    await expectAccessible(page);
  });
});
