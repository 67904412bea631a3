import autocannon, { type Request } from "autocannon";

export type LoadSpec = {
  name: string;
  /** http://127.0.0.1:<port> only: the benchmark never loads anything else. */
  baseUrl: string;
  connections: number;
  /** Seconds; every scenario is bounded. */
  duration: number;
  /** Stop after this many requests (still bounded by duration). */
  amount?: number;
  /** Offered requests per second over all connections; unset: each connection sends as soon as it is answered. */
  rate?: number;
  requests: Request[];
};

export type LoadResult = {
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Non-2xx responses, socket errors and timeouts. */
  errors: number;
  statuses: Record<string, number>;
};

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** One autocannon run; latency percentiles are computed from every response, not autocannon's buckets. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const url = new URL(spec.baseUrl);
  if (url.hostname !== "127.0.0.1") throw new Error(`refusing to load ${url.hostname}: the benchmark only targets 127.0.0.1`);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const started = performance.now();
  const instance = autocannon({
    url: spec.baseUrl,
    connections: spec.connections,
    duration: spec.duration,
    amount: spec.amount,
    overallRate: spec.rate,
    timeout: 10,
    requests: spec.requests,
  });
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const non2xx = Object.entries(statuses).reduce((n, [s, c]) => (s.startsWith("2") ? n : n + c), 0);
  return {
    name: spec.name,
    connections: spec.connections,
    seconds: round(seconds),
    requests: latencies.length,
    rps: round(latencies.length / Math.min(seconds, result.duration || seconds), 0),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    errors: non2xx + result.errors + result.timeouts,
    statuses,
  };
}

/** Cycles through `items`, one per request. */
export function roundRobin<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}
