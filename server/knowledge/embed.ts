// Semantic search's half: passages and questions as vectors, from any OpenAI-compatible /v1/embeddings
// (EMBEDDINGS_BASE_URL). Vectors are stored as little-endian float32 bytes beside each passage and
// compared here by cosine, on both dialects: brute force is a few milliseconds per 10,000 passages
// (npm run bench), and pgvector is not required (docs/scaling.md says when it would pay).
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { embedMany } from "ai";
import { env } from "@/lib/env";
import { timeModel } from "@/lib/metrics";

/** Passages per embeddings request. */
const BATCH = 64;

export const embeddingsConfigured = () => Boolean(env.EMBEDDINGS_BASE_URL);

function model() {
  const provider = createOpenAICompatible({
    name: "embeddings",
    baseURL: env.EMBEDDINGS_BASE_URL ?? "",
    apiKey: env.EMBEDDINGS_API_KEY,
  });
  return provider.embeddingModel(env.EMBEDDINGS_MODEL);
}

/** The texts as unit vectors (so cosine is a dot product), in order. */
export async function embedTexts(texts: string[]): Promise<Float32Array[]> {
  if (texts.length === 0) return [];
  const out: Float32Array[] = [];
  for (let i = 0; i < texts.length; i += BATCH) {
    const { embeddings } = await timeModel("embedding", () =>
      embedMany({
        model: model(),
        values: texts.slice(i, i + BATCH),
        maxRetries: 2,
        abortSignal: AbortSignal.timeout(env.LLM_TIMEOUT_MS),
      }),
    );
    for (const e of embeddings) out.push(normalize(e));
  }
  return out;
}

function normalize(v: number[]): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return Float32Array.from(v, (x) => x * scale);
}

export const vectorToBytes = (v: Float32Array): Uint8Array<ArrayBuffer> => new Uint8Array(Float32Array.from(v).buffer);

export function bytesToVector(bytes: Uint8Array): Float32Array {
  // Copied: a Buffer from the driver may sit at an offset that is not a multiple of 4.
  const copy = new Uint8Array(bytes);
  return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
}

export function dot(a: Float32Array, b: Float32Array): number {
  const n = Math.min(a.length, b.length);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[i] * b[i];
  return sum;
}

/** Reciprocal rank fusion: each ranking adds 1/(k + rank); k = 60 damps the head as in the original paper. */
export function fuseRankings(rankings: string[][], k = 60): Map<string, number> {
  const scores = new Map<string, number>();
  for (const ranking of rankings) {
    for (const [i, id] of ranking.entries()) scores.set(id, (scores.get(id) ?? 0) + 1 / (k + i + 1));
  }
  return scores;
}
