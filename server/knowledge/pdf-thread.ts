// Reads a PDF's text layer in a worker thread, so a large document does not hold the server's event loop
// (docs/benchmarks.md measured /api/ping's p99 at 0.9 s while a 200-page PDF was read on the loop), and
// so the time limit is real: a PDF built to stall PDF.js is stopped by terminating its thread, which a
// timer on the event loop cannot do to synchronous work. One PDF is read at a time per process.
//
// The thread runs a few lines of plain JavaScript (WORKER_SOURCE) rather than a module of this app: the
// app is bundled by Next, and a bundled file cannot be started as a thread. Its import("unpdf") resolves
// from the working directory, where `npm start` and the container image both keep node_modules. Where it
// cannot (an unusual layout), PDFs are read on the event loop as before, and the server says so once.
import { Worker } from "node:worker_threads";

/** What a read answers: the pages' text, or why the PDF could not be read. */
export type PdfPages = { pages: string[] } | { tooManyPages: number } | { unreadable: string } | { timedOut: true };

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  const { extractText, getDocumentProxy } = await import("unpdf").catch((e) => { e.callboardLoad = true; throw e; });
  // No eval of embedded code (PDF.js's font compiler), and no warnings of a malformed file on the console.
  const pdf = await getDocumentProxy(workerData.bytes, { isEvalSupported: false, verbosity: 0 });
  if (pdf.numPages > workerData.maxPages) return parentPort.postMessage({ tooManyPages: pdf.numPages });
  const { text } = await extractText(pdf, { mergePages: false });
  await pdf.destroy?.();
  parentPort.postMessage({ pages: text });
})().catch((e) => parentPort.postMessage(e && e.callboardLoad ? { load: String(e.message) } : { unreadable: String((e && e.message) || e) }));
`;

/** A thread's heap: room for a 20 MB PDF of 2,000 pages; past it the thread stops and the PDF fails. */
const HEAP_MB = 512;

let queue: Promise<unknown> = Promise.resolve();
let threadsUnavailable = false;

/**
 * Reads the pages in a worker thread (one at a time), or answers null when threads cannot load unpdf,
 * so the caller reads the PDF itself.
 */
export function readPdfInThread(bytes: Uint8Array, maxPages: number, timeoutMs: number): Promise<PdfPages | null> {
  const run = queue.then(() => (threadsUnavailable ? null : readOnce(bytes, maxPages, timeoutMs)));
  queue = run.catch(() => {});
  return run;
}

function readOnce(bytes: Uint8Array, maxPages: number, timeoutMs: number): Promise<PdfPages | null> {
  return new Promise((resolve) => {
    // A copy goes to the thread (PDF.js takes its buffer over); the caller's bytes stay as they are.
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bytes: new Uint8Array(bytes), maxPages },
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB },
      stdout: true, // PDF.js may print; it does not belong in the server's log
    });
    let settled = false;
    const finish = (result: PdfPages | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ timedOut: true }), timeoutMs);
    worker.on("message", (message: PdfPages | { load: string }) => {
      if ("load" in message) {
        threadsUnavailable = true;
        console.warn(
          `[callboard] knowledge: PDFs are read on the event loop, as a thread could not load unpdf (${message.load})`,
        );
        finish(null);
      } else finish(message);
    });
    worker.on("error", (error: Error & { code?: string }) =>
      finish({
        unreadable:
          error.code === "ERR_WORKER_OUT_OF_MEMORY" ? `it needs more than ${HEAP_MB} MB of memory to read` : error.message,
      }),
    );
    worker.on("exit", () => finish({ unreadable: "the reader stopped before it finished" }));
  });
}
