// A tiny closed-loop HTTP load generator for the benchmarks: N keep-alive connections on loopback,
// each sending its next request as soon as the previous response ended, for a fixed duration and at
// most a fixed number of requests. Records every request's latency.
import http from "node:http";

export type LoadOptions = {
  /** Absolute URL on loopback (127.0.0.1, ::1 or localhost). */
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Concurrent connections (each runs one request at a time). */
  connections: number;
  /** Stop starting new requests after this long. */
  durationMs: number;
  /** Stop after this many requests in total, whichever comes first. */
  maxRequests?: number;
  /** Responses with another status count as errors. */
  expectStatus?: number;
  /** One request's time limit; a request over it is aborted and counted as an error. */
  requestTimeoutMs?: number;
};

export type LoadResult = {
  requests: number;
  errors: number;
  /** Response status (or "error: …") → count. */
  outcomes: Record<string, number>;
  elapsedMs: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
};

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
const DEFAULT_MAX_REQUESTS = 1_000_000;

/** Nearest-rank percentile of an ascending array, in the array's unit. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

type Outcome = { status: number | null; error?: string };

function once(agent: http.Agent, target: URL, options: LoadOptions, body: Buffer | null): Promise<Outcome> {
  return new Promise((resolve) => {
    const headers: Record<string, string | number> = { ...options.headers };
    if (body) headers["content-length"] = body.length;
    const req = http.request(
      {
        agent,
        host: target.hostname.replace(/^\[|\]$/g, ""),
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? "GET",
        headers,
        timeout: options.requestTimeoutMs ?? 10_000,
      },
      (res) => {
        res.on("error", (error) => resolve({ status: null, error: error.message }));
        res.on("end", () => resolve({ status: res.statusCode ?? null }));
        res.resume(); // drain the body; its content is not checked here
      },
    );
    req.on("timeout", () => req.destroy(new Error("request timeout")));
    req.on("error", (error) => resolve({ status: null, error: error.message }));
    req.end(body ?? undefined);
  });
}

/** Runs the load and returns throughput and latency (milliseconds). Never throws for failed requests. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  if (!LOOPBACK.has(target.hostname)) throw new Error(`load generator: loopback only, not ${target.hostname}`);
  if (target.protocol !== "http:") throw new Error("load generator: plain http only");
  const connections = Math.max(1, Math.floor(options.connections));
  const maxRequests = options.maxRequests ?? DEFAULT_MAX_REQUESTS;
  const body = options.body === undefined ? null : Buffer.from(options.body, "utf8");
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });

  const latencies = new Float64Array(maxRequests);
  const outcomes: Record<string, number> = {};
  let started = 0;
  let completed = 0;
  let errors = 0;
  const t0 = performance.now();
  const deadline = t0 + options.durationMs;

  const connection = async () => {
    // Bounded: at most maxRequests iterations in total, and none started after the deadline.
    while (started < maxRequests && performance.now() < deadline) {
      started++;
      const begin = performance.now();
      const outcome = await once(agent, target, options, body);
      latencies[completed++] = performance.now() - begin;
      const key = outcome.status === null ? `error: ${outcome.error}` : String(outcome.status);
      outcomes[key] = (outcomes[key] ?? 0) + 1;
      if (outcome.status === null || (options.expectStatus !== undefined && outcome.status !== options.expectStatus)) errors++;
    }
  };

  try {
    await Promise.all(Array.from({ length: connections }, connection));
  } finally {
    agent.destroy();
  }
  const elapsedMs = performance.now() - t0;
  const sorted = latencies.subarray(0, completed).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    requests: completed,
    errors,
    outcomes,
    elapsedMs,
    rps: completed / (elapsedMs / 1000),
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: completed ? sorted[completed - 1] : Number.NaN,
    mean: completed ? sum / completed : Number.NaN,
  };
}
