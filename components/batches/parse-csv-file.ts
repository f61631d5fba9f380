"use client";
// Reads an uploaded file and parses it in a Web Worker (csv.worker.ts); where workers are not
// available it parses inline, which is correct, only slower to paint.
import { type CsvTable, parseCsvText } from "@/server/batches/csv-import";
import { MAX_BATCH_BODY_BYTES } from "@/server/batches/schema";

export async function parseCsvFile(file: File): Promise<CsvTable> {
  if (file.size > MAX_BATCH_BODY_BYTES) {
    throw new Error(`The file is ${(file.size / 1048576).toFixed(1)} MB; a batch upload may be at most 10 MB.`);
  }
  const text = await file.text();
  if (typeof Worker === "undefined") return parseCsvText(text);
  const worker = new Worker(new URL("./csv.worker.ts", import.meta.url));
  try {
    return await new Promise<CsvTable>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<CsvTable>) => resolve(e.data);
      worker.onerror = () => reject(new Error("The file could not be read as CSV."));
      worker.postMessage(text);
    });
  } finally {
    worker.terminate();
  }
}
