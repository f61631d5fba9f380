// Indexes knowledge sources off the request path. A new source is stored with status "processing" and
// its raw bytes; the worker (server/engine/worker.ts) leases one at a time, fetches it (URL sources),
// parses and chunks it, and writes all its passages in one transaction (or marks it failed with the
// reason). A lease that runs out (a crash, a restart) puts the source back in the queue, so indexing
// resumes after a restart; a source that failed to finish MAX_ATTEMPTS times is marked failed.
import { env } from "@/lib/env";
import { workerSignal } from "@/server/engine/signal";
import { chunkText } from "./chunk";
import { embeddingsConfigured, embedTexts } from "./embed";
import { fetchSource } from "./fetch";
import { CONTENT_TYPES, documentKind, documentText, PARSE_TIMEOUT_MS, ParseError, tooSlow } from "./parse";
import { claimPendingSource, failSource, storePassages } from "./queries";

const MAX_ATTEMPTS = 3;

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ParseError(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function indexOne(source: NonNullable<Awaited<ReturnType<typeof claimPendingSource>>>): Promise<void> {
  if (source.attempts > MAX_ATTEMPTS) {
    await failSource(source.id, `Indexing did not finish after ${MAX_ATTEMPTS} attempts.`);
    return;
  }
  try {
    let bytes: Uint8Array | null = source.raw;
    let contentType = source.contentType;
    let size: number | undefined;
    if (source.kind === "url" && source.url) {
      const fetched = await fetchSource(source.url, env.KNOWLEDGE_MAX_FILE_BYTES);
      bytes = fetched.bytes;
      contentType = fetched.contentType;
      size = fetched.bytes.byteLength;
    }
    if (!bytes) throw new ParseError("The source has no content to index.");
    const kind =
      source.kind === "url"
        ? (documentKind("", contentType) ?? documentKind(new URL(source.url ?? "http://x/").pathname, ""))
        : documentKind(source.name, source.contentType);
    if (!kind) {
      throw new ParseError(
        `Documents of type "${contentType || "unknown"}" are not supported: use ${Object.values(CONTENT_TYPES).join(", ")}.`,
      );
    }
    const text = await withTimeout(documentText(kind, bytes), PARSE_TIMEOUT_MS, tooSlow());
    const passages = chunkText(text);
    if (passages.length === 0) throw new ParseError("The document holds no text to index.");
    // Without vectors a source is still found lexically; an embeddings server that is down is retried
    // like any other unexpected failure (the lease runs out), then the source fails with the reason.
    const embeddings = embeddingsConfigured()
      ? await embedTexts(passages.map((p) => (p.heading ? `${p.heading}\n${p.text}` : p.text))).catch((error) => {
          if (source.attempts < MAX_ATTEMPTS) throw error;
          throw new ParseError(`The embeddings server failed: ${error instanceof Error ? error.message : String(error)}`);
        })
      : undefined;
    await storePassages(source.id, source.knowledgeBaseId, passages, size, embeddings);
  } catch (error) {
    if (error instanceof ParseError) {
      await failSource(source.id, error.message);
      return;
    }
    // Unexpected (the database went away): leave the lease to run out, so the source is tried again.
    throw error;
  }
}

const globalForIndexer = globalThis as unknown as { callboardIndexerDue?: boolean };

/** Tells the worker that a source is waiting (it also looks every few seconds, and after a restart). */
export function wakeIndexer() {
  globalForIndexer.callboardIndexerDue = true;
  workerSignal.emit("wake");
}

/** True once after wakeIndexer(), or when `everyMs` passed since the last look. */
let lastLook = 0;
export function indexerDue(everyMs = 5_000): boolean {
  if (!globalForIndexer.callboardIndexerDue && Date.now() - lastLook < everyMs) return false;
  globalForIndexer.callboardIndexerDue = false;
  lastLook = Date.now();
  return true;
}

/** Indexes pending sources one after another until none is left; answers how many it handled. */
export async function indexPendingSources(limit = 10): Promise<number> {
  let n = 0;
  for (; n < limit; n++) {
    const source = await claimPendingSource();
    if (!source) break;
    await indexOne(source);
  }
  return n;
}
