import { describe, expect, it } from "vitest";
import { synthesizeRecording, wavChunks, wavDurationSeconds } from "./wav";

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

describe("wavChunks", () => {
  it("produces the same bytes however the samples are chunked", () => {
    const utterances = [
      { sender: "agent", content: "Your package ships tomorrow, between nine and noon." },
      { sender: "customer", content: "Great, thank you." },
      { sender: "agent", content: "Anything else?" },
    ];
    const whole = Buffer.concat([...wavChunks(9, utterances, 9 * 8000)]);
    for (const size of [1, 777, 8000, 50_000]) {
      const chunks = [...wavChunks(9, utterances, size)];
      expect(chunks[0].length).toBe(44);
      expect(Math.max(...chunks.slice(1).map((c) => c.length))).toBeLessThanOrEqual(size * 2);
      expect(Buffer.concat(chunks).equals(whole)).toBe(true);
    }
    expect(synthesizeRecording(9, utterances).equals(whole)).toBe(true);
  });
});
