import http from "node:http";
import autocannon, { type Request } from "autocannon";
import { pacedSchedule, percentile, round } from "./stats";

export type LoadSpec = {
  name: string;
  /** http://127.0.0.1:<port> only: the benchmark never loads anything else. */
  baseUrl: string;
  connections: number;
  /** Seconds; every scenario is bounded. */
  duration: number;
  /** Stop after this many requests (still bounded by duration). */
  amount?: number;
  /**
   * Offered requests per second, evenly spaced (open loop, see runPaced); unset: each connection
   * sends its next request as soon as it is answered (closed loop, autocannon).
   */
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


function summary(spec: LoadSpec, latencies: number[], statuses: Record<string, number>, seconds: number, failures: number): LoadResult {
  latencies.sort((a, b) => a - b);
  const non2xx = Object.entries(statuses).reduce((n, [s, c]) => (s.startsWith("2") ? n : n + c), 0);
  return {
    name: spec.name,
    connections: spec.connections,
    seconds: round(seconds),
    requests: latencies.length,
    rps: round(latencies.length / seconds, 0),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    errors: non2xx + failures,
    statuses,
  };
}

/**
 * Open loop: request i leaves at start + i / rate whatever the answers so far, over at most
 * `connections` keep-alive sockets, and its latency is counted from that planned moment, so a slow
 * answer delays nobody's clock (no coordinated omission). autocannon's own rate option sends each
 * second's requests in a burst at the start of the second, which measures queueing instead.
 */
async function runPaced(spec: LoadSpec & { rate: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
  const template = spec.requests[0]!;
  const schedule = pacedSchedule(spec.rate, spec.duration, spec.amount);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let failures = 0;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < schedule.count; i++) {
    const planned = started + schedule.at(i);
    const wait = planned - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const req = template.setupRequest ? template.setupRequest({ method: template.method, path: template.path, headers: template.headers, body: template.body }, {}) : template;
    if (!req) break;
    inFlight.push(
      new Promise<void>((resolve) => {
        const r = http.request(`${spec.baseUrl}${req.path ?? "/"}`, { method: req.method ?? "GET", headers: req.headers, agent, timeout: 10_000 }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            latencies.push(performance.now() - planned);
            const status = res.statusCode ?? 0;
            statuses[status] = (statuses[status] ?? 0) + 1;
            template.onResponse?.(status, Buffer.concat(chunks).toString(), {}, {});
            resolve();
          });
        });
        r.on("error", () => {
          failures++;
          resolve();
        });
        r.end(req.body);
      }),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  return summary(spec, latencies, statuses, (performance.now() - started) / 1000, failures);
}

/** One load run; latency percentiles are computed from every response, not autocannon's buckets. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const url = new URL(spec.baseUrl);
  if (url.hostname !== "127.0.0.1") throw new Error(`refusing to load ${url.hostname}: the benchmark only targets 127.0.0.1`);
  if (spec.rate) return runPaced({ ...spec, rate: spec.rate });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const started = performance.now();
  let lastAnswer = started;
  const instance = autocannon({
    url: spec.baseUrl,
    connections: spec.connections,
    duration: spec.duration,
    amount: spec.amount,
    timeout: 10,
    requests: spec.requests,
  });
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    lastAnswer = performance.now();
  });
  const result = await instance;
  // until the last answer: autocannon's own duration is whole seconds, which turned a run stopped
  // by `amount` (the 448 check-ins) into 448 / 2 or 448 / 4 req/s
  const seconds = (lastAnswer > started ? lastAnswer - started : performance.now() - started) / 1000;
  return summary(spec, latencies, statuses, seconds, result.errors + result.timeouts);
}

/** Cycles through `items`, one per request. */
export function roundRobin<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}
