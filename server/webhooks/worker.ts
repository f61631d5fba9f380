// The webhook worker: started with the server beside the engine worker (instrumentation.ts). Each
// tick fans new outbox events out and starts sending due deliveries, up to CONCURRENCY at a time
// without waiting for slow endpoints, and at most IN_FLIGHT_PER_ENDPOINT for any one endpoint
// (delivery.ts), so a hung endpoint cannot take every slot. It wakes on local changes and polls for
// other instances' work.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { dialect } from "@/lib/db";
import { env } from "@/lib/env";
import { faultSummary } from "@/lib/db-faults";
import { logThrottled } from "@/lib/log";
import { createThrottledErrorLog, createWakeableSleep } from "@/server/engine/loop";
import { workerSignal } from "@/server/engine/signal";
import { subscribeCallEvents } from "@/server/events/bus";
import { attemptDelivery, claimDueDeliveries, fanOutEvents, pruneWebhookLog } from "./delivery";
import { releaseDeliveryLeases, releaseDeliveryLeasesOf } from "./queries";

const WORKER_ID = `webhooks:${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
const CONCURRENCY = 16;
/** Fan-out chunks per tick: a large outbox backlog is worked off between sends, not before them. */
const FAN_OUT_CHUNKS_PER_TICK = 4;
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
  let freed = false;
  const onWake = () => {
    woken = true;
    idle.wake();
  };
  const onFreed = () => {
    freed = true;
    idle.wake();
  };
  workerSignal.on("wake", onWake);
  const unsubscribe = subscribeCallEvents(onWake);
  let lastPrune = 0;
  const logError = createThrottledErrorLog("webhook worker");

  const loop = (async () => {
    while (state.running) {
      woken = false;
      freed = false;
      try {
        if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
          lastPrune = Date.now();
          await pruneWebhookLog();
        }
        let more = true;
        for (let chunk = 0; chunk < FAN_OUT_CHUNKS_PER_TICK && more && state.running; chunk++) more = await fanOutEvents();
        if (more) woken = true;
        const claimed = await claimDueDeliveries(WORKER_ID, CONCURRENCY - inFlight.size);
        for (const delivery of claimed) {
          const run = attemptDelivery(delivery)
            .catch((e) => {
              logThrottled(
                "webhook-record",
                `webhooks: the result of delivery ${delivery.id} could not be recorded (${faultSummary(e)}); it is retried when its lease ends`,
              );
            })
            .finally(() => {
              inFlight.delete(run);
              onFreed();
            });
          inFlight.add(run);
        }
      } catch (error) {
        logError(error);
      }
      // With two deliveries in flight per endpoint, a busy endpoint's throughput is how fast a finished
      // attempt's slot is refilled: at once, not at the next tick.
      if (freed) continue;
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

/**
 * Stops claiming deliveries and waits for the attempts in flight, up to `deadline` (graceful shutdown).
 * Only when they all finished are this instance's leases handed back: an attempt still in flight keeps
 * its lease, so no other instance sends the same webhook while it may still arrive.
 */
export async function stopWebhookWorker(deadline: number) {
  const state = globalForWebhooks.callboardWebhookWorker;
  if (!state?.running || !state.stop) return;
  const stopped = await Promise.race([
    state.stop().then(() => true),
    new Promise<false>((r) => setTimeout(() => r(false), Math.max(0, deadline - Date.now()))),
  ]);
  if (stopped) await releaseDeliveryLeasesOf(WORKER_ID);
}
