import { z } from "zod";

/** A whole number in min…max; unset or empty means `fallback`. */
const wholeNumber = (name: string, fallback: number, min: number, max: number) =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number({ error: `${name} must be a whole number.` })
      .int(`${name} must be a whole number.`)
      .min(min, `${name} must be at least ${min}.`)
      .max(max, `${name} must be at most ${max}.`)
      .default(fallback),
  );

// Validated once, on first use, so a typo in the environment fails loudly at start-up.
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// connection string")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PGLITE_DIR: z.string().optional(),
  /** Connections per app server to PostgreSQL. */
  DB_POOL_MAX: wholeNumber("DB_POOL_MAX", 10, 1, 200),
  /** Memory per app server for serialized chart series (lib/data/series-cache.ts), in MB. */
  SERIES_CACHE_MB: wholeNumber("SERIES_CACHE_MB", 64, 1, 4096),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /**
   * The background jobs (lib/jobs/workers.ts: the day-start evaluation and mail delivery) inside
   * the app server: "in-process"
   * (npm start, the demo) or "off" (app servers beside a dedicated `npm run worker`).
   */
  DAY_START_WORKER: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(["in-process", "off"], { error: 'DAY_START_WORKER must be "in-process" or "off".' }).default("in-process"),
  ),
  /** "on" only in the server `npm run bench` starts: /api/bench/ceiling answers 404 everywhere else. */
  BENCH_CEILING: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["on", "off"], { error: 'BENCH_CEILING must be "on" or "off".' }).default("off")),
  /**
   * Outgoing mail (lib/mail): an smtp:// or smtps:// URL (user and password in it, as nodemailer
   * reads it). Unset: messages stay in the clinic's outbox, readable by the owner, and in the log.
   */
  SMTP_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL.").optional(),
  ),
  MAIL_FROM: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(3).default("Stride Clinic <no-reply@stride-clinic.invalid>")),
  /**
   * Where people reach the app: every link in an email is built from it, never from request
   * headers (which a client chooses). Defaults to http://localhost:$PORT for the demo.
   */
  APP_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .url({ error: "APP_URL must be a URL such as https://clinic.example.com." })
      .refine((u) => /^https?:\/\//.test(u), "APP_URL must start with http:// or https://.")
      .optional(),
  ),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For (lib/security/client-ip.ts).
   * 0 (default): the header is ignored and rate limits per client address are off (the per-account
   * delay still holds). 1: one proxy or load balancer; the right-most entry is the client.
   */
  TRUST_PROXY_HOPS: wholeNumber("TRUST_PROXY_HOPS", 0, 0, 10),
  PORT: z.string().optional(),
  /** Set by Next.js; "phase-production-build" while `next build` loads server code. */
  NEXT_PHASE: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The environment `source` describes, or an error naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  return parsed.data;
}

/** The app's own origin, for links in emails: APP_URL without a trailing slash. */
export function appUrl(source: Env = env()): string {
  return (source.APP_URL ?? `http://localhost:${source.PORT ?? "3000"}`).replace(/\/+$/, "");
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
