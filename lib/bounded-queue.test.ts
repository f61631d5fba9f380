import { describe, expect, it } from "vitest";
import { BoundedQueue, QueueFullError } from "./bounded-queue";

/** A task that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, task: () => opened };
}

describe("BoundedQueue", () => {
  it("runs at most `concurrency` tasks at once, the next ones in turn", async () => {
    const queue = new BoundedQueue(2, 5);
    const gates = Array.from({ length: 4 }, gate);
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      queue.run(async () => {
        started.push(i);
        await g.task();
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(queue.stats).toEqual({ running: 2, waiting: 2 });
    gates[1].open();
    await runs[1];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(queue.stats).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses at once when full, with a time to come back, and frees the slot after a failed task", async () => {
    const queue = new BoundedQueue(1, 1);
    const g = gate();
    const first = queue.run(g.task);
    const second = queue.run(async () => "second");
    const refused = await queue.run(async () => "third").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(QueueFullError);
    expect((refused as QueueFullError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    g.open();
    await first;
    expect(await second).toBe("second");
    await expect(queue.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(queue.stats).toEqual({ running: 0, waiting: 0 });
  });
});
