// The webhook worker: started with the server beside the engine worker (instrumentation.ts). Each
// tick fans new outbox events out and starts sending due deliveries, up to CONCURRENCY at a time
// without waiting for slow endpoints. It wakes on local changes and polls for other instances' work.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { dialect } from "@/lib/db";
import { env } from "@/lib/env";
import { createThrottledErrorLog, createWakeableSleep } from "@/server/engine/loop";
import { workerSignal } from "@/server/engine/signal";
import { subscribeCallEvents } from "@/server/events/bus";
import {
  attemptDelivery,
  claimDueDeliveries,
  FAN_OUT_BATCH,
  fanOutEvents,
  pruneWebhookLog,
  releaseDeliveryLeases,
} from "./delivery";

const WORKER_ID = `webhooks:${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
const CONCURRENCY = 16;
const PRUNE_EVERY_MS = 10 * 60_000;

type WebhookWorkerState = { running: boolean; stop?: () => Promise<void> };
const globalForWebhooks = globalThis as unknown as { callboardWebhookWorker?: WebhookWorkerState };

export async function startWebhookWorker() {
  if (globalForWebhooks.callboardWebhookWorker?.running) return;
  const state: WebhookWorkerState = { running: true };
  globalForWebhooks.callboardWebhookWorker = state;
  if (dialect === "sqlite") await releaseDeliveryLeases().catch(() => {});

  const inFlight = new Set<Promise<void>>();
  const idle = createWakeableSleep();
  let woken = false;
  const onWake = () => {
    woken = true;
    idle.wake();
  };
  workerSignal.on("wake", onWake);
  const unsubscribe = subscribeCallEvents(onWake);
  let lastPrune = 0;
  const logError = createThrottledErrorLog("webhook worker");

  const loop = (async () => {
    while (state.running) {
      woken = false;
      try {
        if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
          lastPrune = Date.now();
          await pruneWebhookLog();
        }
        for (let n = FAN_OUT_BATCH; n === FAN_OUT_BATCH && state.running; ) n = await fanOutEvents();
        const claimed = await claimDueDeliveries(WORKER_ID, CONCURRENCY - inFlight.size);
        for (const delivery of claimed) {
          const run = attemptDelivery(delivery)
            .catch((e) => console.error(`[callboard] webhooks: delivery ${delivery.id} failed to record:`, e))
            .finally(() => {
              inFlight.delete(run);
              onWake();
            });
          inFlight.add(run);
        }
      } catch (error) {
        logError(error);
      }
      if (woken) {
        // Changed while we worked: look again soon, but let a burst of engine steps share one tick.
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      await idle.sleep(env.WORKER_POLL_MS);
    }
  })();

  state.stop = async () => {
    state.running = false;
    idle.wake();
    workerSignal.off("wake", onWake);
    unsubscribe();
    await loop;
    await Promise.all(inFlight);
  };
  console.log(`[callboard] webhook worker ${WORKER_ID} started (${dialect})`);
}
