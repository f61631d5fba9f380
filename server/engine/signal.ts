// Lets request handlers nudge the in-process worker so new work starts without waiting for a poll.
import { EventEmitter } from "node:events";

const globalForSignal = globalThis as unknown as { callboardWorkerSignal?: EventEmitter };
globalForSignal.callboardWorkerSignal ??= new EventEmitter();
export const workerSignal = globalForSignal.callboardWorkerSignal;

export function wakeWorker() {
  workerSignal.emit("wake");
}
