import { describe, expect, it } from "vitest";
import { synthesizeRecording, wavDurationSeconds } from "./wav";

describe("synthesizeRecording", () => {
  it("writes a PCM WAV whose length is the duration", () => {
    const wav = synthesizeRecording(7, [
      { sender: "agent", content: "Hello John, this is Ava calling about your order." },
      { sender: "customer", content: "Hi, thanks." },
    ]);
    expect(wav.subarray(0, 4).toString()).toBe("RIFF");
    expect(wav.subarray(8, 12).toString()).toBe("WAVE");
    expect(wavDurationSeconds(wav)).toBe(7);
    expect(wav.length).toBe(44 + 7 * 8000 * 2);
    // Not silence: some samples carry sound.
    let loud = 0;
    for (let i = 44; i < wav.length; i += 2) if (Math.abs(wav.readInt16LE(i)) > 1000) loud++;
    expect(loud).toBeGreaterThan(8000);
  });
});
