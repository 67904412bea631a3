// The part of autocannon 9's programmatic API the benchmark uses (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  type RawRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
  type Context = Record<string, unknown>;

  export type Request = RawRequest & {
    setupRequest?: (req: RawRequest, context: Context) => RawRequest | false | null | undefined;
    onResponse?: (status: number, body: string, context: Context, headers: Record<string, string>) => void;
  };

  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    pipelining?: number;
    /** Requests per second across all connections (open loop); unset means as fast as answered. */
    overallRate?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: Request[];
  };

  type Histogram = { average: number; p50: number; p90: number; p97_5: number; p99: number; max: number; total: number };

  export type Result = {
    requests: Histogram & { sent: number };
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    "1xx": number;
    "2xx": number;
    "3xx": number;
    "4xx": number;
    "5xx": number;
  };

  export type Instance = EventEmitter & Promise<Result> & { stop: () => void };

  function autocannon(options: Options): Instance;
  export default autocannon;
}
