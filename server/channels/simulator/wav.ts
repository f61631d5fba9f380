// Synthesises the simulator's recording: a real, playable 8 kHz 16-bit mono WAV whose length is the
// interaction's duration. Each message becomes a stretch of speech-like sound (a voiced tone with
// syllable-rate loudness changes), lower-pitched for the customer, with pauses between turns.
// Built on request from the stored conversation, so nothing is kept on disk and every instance can serve it.

const SAMPLE_RATE = 8000;
const MAX_SECONDS = 3600;

export type Utterance = { sender: string; content: string };

function header(dataBytes: number): Buffer {
  const h = Buffer.alloc(44);
  h.write("RIFF", 0);
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write("WAVE", 8);
  h.write("fmt ", 12);
  h.writeUInt32LE(16, 16); // PCM chunk size
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(SAMPLE_RATE, 24);
  h.writeUInt32LE(SAMPLE_RATE * 2, 28); // byte rate
  h.writeUInt16LE(2, 32); // block align
  h.writeUInt16LE(16, 34); // bits per sample
  h.write("data", 36);
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

export function synthesizeRecording(durationSeconds: number, utterances: Utterance[]): Buffer {
  const seconds = Math.max(1, Math.min(MAX_SECONDS, Math.round(durationSeconds)));
  const total = seconds * SAMPLE_RATE;
  const pcm = Buffer.alloc(total * 2);
  const weights = utterances.map((u) => Math.max(1, u.content.split(/\s+/).length));
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  let cursor = 0;
  utterances.forEach((u, i) => {
    const span = Math.floor((weights[i] / sum) * total);
    const pause = Math.min(Math.floor(span * 0.2), Math.floor(0.4 * SAMPLE_RATE));
    const f0 = u.sender === "agent" ? 200 : 125;
    for (let n = pause; n < span && cursor + n < total; n++) {
      const t = n / SAMPLE_RATE;
      const pitch = f0 * (1 + 0.06 * Math.sin(2 * Math.PI * 0.7 * t + i));
      const phase = 2 * Math.PI * pitch * t;
      const voiced = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase);
      const syllables = Math.max(0, Math.sin(2 * Math.PI * 3.8 * t + i)) ** 0.6;
      pcm.writeInt16LE(Math.round(voiced * syllables * 6000), (cursor + n) * 2);
    }
    cursor += span;
  });
  return Buffer.concat([header(pcm.length), pcm]);
}

/** Reads the duration back from a WAV header (used by the tests to check it matches `duration`). */
export function wavDurationSeconds(wav: Buffer): number {
  const byteRate = wav.readUInt32LE(28);
  const dataBytes = wav.readUInt32LE(40);
  return dataBytes / byteRate;
}
