// Runs at most `concurrency` tasks at once and lets at most `maxWaiting` more wait their turn. A task
// that finds the queue full is refused at once (QueueFullError) instead of piling up: for CPU-heavy
// work (password hashing) a long queue only turns overload into timeouts.
export class QueueFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("The queue is full.");
  }
}

export class BoundedQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private averageMs = 0;

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {}

  /** Seconds until the queue has likely drained, from the average task duration so far. */
  private drainSeconds(): number {
    const ahead = this.running + this.waiting.length;
    return Math.max(1, Math.ceil((ahead * this.averageMs) / this.concurrency / 1000));
  }

  /** Runs the task when a slot is free. The capacity check is synchronous: it happens before run returns. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) {
      this.running++;
    } else {
      if (this.waiting.length >= this.maxWaiting) throw new QueueFullError(this.drainSeconds());
      // The finishing task hands its slot straight over, so `running` stays counted.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    const started = performance.now();
    try {
      return await task();
    } finally {
      const took = performance.now() - started;
      this.averageMs = this.averageMs ? this.averageMs * 0.8 + took * 0.2 : took;
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  get stats() {
    return { running: this.running, waiting: this.waiting.length };
  }
}
