// Recordings: synthesised once and kept in RECORDINGS_DIR (a repeat request, even a concurrent first
// one, does not synthesise again), served with Range support for seeking, and limited per link.
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { newDatabase, prepareDatabase, type RunningApp, startApp } from "../support/app";
import { AGENT_ID, api, SKILL_ID, waitForTerminal } from "../support/api";

const LIMIT = 12;
const recordingsDir = mkdtempSync(path.join(tmpdir(), "callboard-recordings-"));
let app: RunningApp;
let dropDb: () => Promise<void>;

async function endedVoiceCall(phone: string) {
  const created = await api(
    "POST",
    "/api/v1/calls",
    { agentId: AGENT_ID, skillId: SKILL_ID, channel: "call", customerName: "Ines Moreau", customerPhone: phone },
    {},
    app.url,
  );
  expect(created.status).toBe(200);
  const done = await waitForTerminal(created.body.id, 30_000, app.url);
  expect(done.recordingUrl).toBeTruthy();
  return { id: created.body.id as string, url: done.recordingUrl as string };
}

const get = async (url: string, range?: string) => {
  const res = await fetch(url, { headers: range ? { range } : {} });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
};

const syntheses = (id: string) =>
  app
    .output()
    .split("\n")
    .filter((line) => line.includes(`recording ${id}: synthesised`)).length;

beforeAll(async () => {
  const db = await newDatabase(inject("dialect"));
  dropDb = db.drop;
  prepareDatabase(db.url);
  app = await startApp(db.url, { RECORDINGS_DIR: recordingsDir, RECORDING_RATE_LIMIT_PER_MINUTE: String(LIMIT) });
});

afterAll(async () => {
  await app?.stop();
  await dropDb?.();
});

describe("recordings", () => {
  it("synthesises a recording once, then serves the stored file, whole or by range", async () => {
    const { id, url } = await endedVoiceCall("+14155557301");

    // Concurrent first requests share one synthesis.
    const first = await Promise.all(Array.from({ length: 4 }, () => get(url)));
    for (const { res } of first) {
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("audio/wav");
      expect(res.headers.get("accept-ranges")).toBe("bytes");
    }
    const whole = first[0].bytes;
    expect(whole.subarray(0, 4).toString()).toBe("RIFF");
    for (const { bytes } of first) expect(bytes.equals(whole)).toBe(true);
    const size = whole.length;
    const file = path.join(recordingsDir, `${id}.wav`);
    const stored = statSync(file);
    expect(stored.size).toBe(size);
    expect(syntheses(id)).toBe(1);

    const head = await get(url, "bytes=0-43");
    expect(head.res.status).toBe(206);
    expect(head.res.headers.get("content-range")).toBe(`bytes 0-43/${size}`);
    expect(head.bytes.equals(whole.subarray(0, 44))).toBe(true);

    const tail = await get(url, "bytes=-100");
    expect(tail.res.status).toBe(206);
    expect(tail.res.headers.get("content-range")).toBe(`bytes ${size - 100}-${size - 1}/${size}`);
    expect(tail.bytes.equals(whole.subarray(size - 100))).toBe(true);

    const rest = await get(url, "bytes=1000-");
    expect(rest.res.status).toBe(206);
    expect(rest.res.headers.get("content-range")).toBe(`bytes 1000-${size - 1}/${size}`);
    expect(rest.bytes.equals(whole.subarray(1000))).toBe(true);

    for (const range of ["bytes=5-2", `bytes=${size}-`]) {
      const refused = await get(url, range);
      expect(refused.res.status, range).toBe(416);
      expect(refused.res.headers.get("content-range")).toBe(`bytes */${size}`);
      expect(JSON.parse(refused.bytes.toString()).error.code).toBe("range_not_satisfiable");
    }

    // Still the same file, written once.
    const after = statSync(file);
    expect({ ino: after.ino, mtimeMs: after.mtimeMs }).toEqual({ ino: stored.ino, mtimeMs: stored.mtimeMs });
    expect(syntheses(id)).toBe(1);
  });

  it("answers 429 with Retry-After once a link is over its limit, and other links still play", async () => {
    const limited = await endedVoiceCall("+14155557302");
    const other = await endedVoiceCall("+14155557303");
    for (let i = 0; i < LIMIT; i++) expect((await get(limited.url, "bytes=0-0")).res.status).toBe(206);
    const refused = await get(limited.url, "bytes=0-0");
    expect(refused.res.status).toBe(429);
    expect(Number(refused.res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(refused.bytes.toString()).error.code).toBe("rate_limited");
    expect((await get(other.url)).res.status).toBe(200);
  });
});
