// Browser-level check of what issue #2 ships: a voice recording that a real
// Chromium <audio> element can open from recordingUrl without credentials and actually play.
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { TEST_CREDENTIALS } from "../tests/support/app";

const auth = `Basic ${Buffer.from(`${TEST_CREDENTIALS.username}:${TEST_CREDENTIALS.password}`).toString("base64")}`;
const contractBody = readFileSync(path.join(__dirname, "..", "..", "shared", "contract", "create-call.request.json"), "utf8");

test("a voice recording plays in the browser's audio element", async ({ page, request }) => {
  let call: { id: string; status: string; recordingUrl: string | null; duration: string | null };
  await test.step("create the documented call through the API", async () => {
    const res = await request.post("/api/v1/calls", {
      headers: { authorization: auth, "content-type": "application/json" },
      data: contractBody,
    });
    expect(res.status()).toBe(200);
    call = await res.json();
  });

  await test.step("wait until it ends with a recording", async () => {
    await expect
      .poll(async () => {
        const res = await request.get(`/api/v1/calls/${call.id}`, { headers: { authorization: auth } });
        call = await res.json();
        return call.status;
      })
      .toBe("completed");
    expect(call.recordingUrl).toBeTruthy();
  });

  await test.step("the audio element loads it with the right duration", async () => {
    await page.goto("/");
    const duration = await page.evaluate(async (src) => {
      const audio = document.createElement("audio");
      audio.controls = true;
      audio.src = src;
      document.body.append(audio);
      await new Promise((resolve, reject) => {
        audio.addEventListener("loadedmetadata", resolve, { once: true });
        audio.addEventListener("error", () => reject(new Error(`audio error ${audio.error?.code}`)), { once: true });
      });
      return audio.duration;
    }, call.recordingUrl as string);
    expect(Math.round(duration)).toBe(Number(call.duration));
  });
});
