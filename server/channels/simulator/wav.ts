// Synthesises the simulator's recording: a real, playable 8 kHz 16-bit mono WAV whose length is the
// interaction's duration. Each message becomes a stretch of speech-like sound (a voiced tone with
// syllable-rate loudness changes), lower-pitched for the customer, with pauses between turns.
// Produced in chunks, so that a long recording is written out piece by piece (server/calls/
// recording-store.ts) without holding it all in memory or the event loop for long.

const SAMPLE_RATE = 8000;
const MAX_SECONDS = 3600;
/** One second of audio: a few milliseconds of work, so the writer yields to other requests often. */
const CHUNK_SAMPLES = SAMPLE_RATE;

export type Utterance = { sender: string; content: string };

/** Where one utterance sounds, in samples: silent for `pause` after `start`, then voiced until `start + span`. */
type Segment = { start: number; span: number; pause: number; f0: number; index: number };

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

/** Each utterance gets a share of the time in proportion to its word count. */
function plan(total: number, utterances: Utterance[]): Segment[] {
  const weights = utterances.map((u) => Math.max(1, u.content.split(/\s+/).length));
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  let start = 0;
  return utterances.map((u, index) => {
    const span = Math.floor((weights[index] / sum) * total);
    const pause = Math.min(Math.floor(span * 0.2), Math.floor(0.4 * SAMPLE_RATE));
    const segment = { start, span, pause, f0: u.sender === "agent" ? 200 : 125, index };
    start += span;
    return segment;
  });
}

function sample({ f0, index }: Segment, n: number): number {
  const t = n / SAMPLE_RATE;
  const pitch = f0 * (1 + 0.06 * Math.sin(2 * Math.PI * 0.7 * t + index));
  const phase = 2 * Math.PI * pitch * t;
  const voiced = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase);
  const syllables = Math.max(0, Math.sin(2 * Math.PI * 3.8 * t + index)) ** 0.6;
  return Math.round(voiced * syllables * 6000);
}

/** The WAV as a sequence of buffers: the header, then PCM `chunkSamples` samples at a time. */
export function* wavChunks(durationSeconds: number, utterances: Utterance[], chunkSamples = CHUNK_SAMPLES): Generator<Buffer> {
  const seconds = Math.max(1, Math.min(MAX_SECONDS, Math.round(durationSeconds)));
  const total = seconds * SAMPLE_RATE;
  const segments = plan(total, utterances);
  yield header(total * 2);
  for (let from = 0; from < total; from += chunkSamples) {
    const to = Math.min(total, from + chunkSamples);
    const pcm = Buffer.alloc((to - from) * 2);
    for (const segment of segments) {
      const lo = Math.max(from, segment.start + segment.pause);
      const hi = Math.min(to, segment.start + segment.span);
      for (let k = lo; k < hi; k++) pcm.writeInt16LE(sample(segment, k - segment.start), (k - from) * 2);
    }
    yield pcm;
  }
}

/** The whole WAV in one buffer (tests; serving goes through the chunks). */
export function synthesizeRecording(durationSeconds: number, utterances: Utterance[]): Buffer {
  return Buffer.concat([...wavChunks(durationSeconds, utterances)]);
}

/** Reads the duration back from a WAV header (used by the tests to check it matches `duration`). */
export function wavDurationSeconds(wav: Buffer): number {
  const byteRate = wav.readUInt32LE(28);
  const dataBytes = wav.readUInt32LE(40);
  return dataBytes / byteRate;
}
