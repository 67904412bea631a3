import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

const BODY = JSON.stringify({ ok: true });
const NOT_FOUND = JSON.stringify({ error: { message: "Not found." } });

/**
 * The benchmark's ceiling (scripts/bench): the cheapest dynamic response this server can give,
 * with no session and no database, so other routes are quoted as a share of it from the same run.
 * Served only by the server the benchmark starts (BENCH_CEILING=on); any other server answers 404,
 * as for a route that does not exist.
 */
export function GET() {
  const on = env().BENCH_CEILING === "on";
  return new Response(on ? BODY : NOT_FOUND, { status: on ? 200 : 404, headers: { "content-type": "application/json", "cache-control": "no-store" } });
}
