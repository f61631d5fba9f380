import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { storedRecording } from "./recording-store";

const tempDir = () => mkdtempSync(path.join(tmpdir(), "callboard-recordings-"));

function* slowly(parts: string[]) {
  for (const part of parts) yield Buffer.from(part);
}

describe("the recording store", () => {
  it("produces a recording once, however many ask for it at the same time, and keeps it", async () => {
    const dir = tempDir();
    let loads = 0;
    const load = async () => {
      loads++;
      return slowly(["RIFF", "-chunk-1", "-chunk-2"]);
    };
    const files = await Promise.all(Array.from({ length: 10 }, () => storedRecording("call-1", load, dir)));
    expect(new Set(files)).toEqual(new Set([path.join(dir, "call-1.wav")]));
    expect(loads).toBe(1);
    expect(readFileSync(files[0], "utf8")).toBe("RIFF-chunk-1-chunk-2");
    const { ino, mtimeMs } = statSync(files[0]);

    expect(await storedRecording("call-1", load, dir)).toBe(files[0]);
    expect(loads).toBe(1);
    expect(statSync(files[0])).toMatchObject({ ino, mtimeMs });
    // Nothing but the finished file is left behind.
    expect(readdirSync(dir)).toEqual(["call-1.wav"]);
  });

  it("leaves no file when producing fails, and tries again on the next request", async () => {
    const dir = tempDir();
    function* failing() {
      yield Buffer.from("RIFF");
      throw new Error("disk on fire");
    }
    await expect(storedRecording("call-2", async () => failing(), dir)).rejects.toThrow("disk on fire");
    expect(readdirSync(dir)).toEqual([]);
    await expect(storedRecording("call-2", async () => Promise.reject(new Error("not found")), dir)).rejects.toThrow("not found");
    const file = await storedRecording("call-2", async () => slowly(["RIFF", "ok"]), dir);
    expect(readFileSync(file, "utf8")).toBe("RIFFok");
  });
});
