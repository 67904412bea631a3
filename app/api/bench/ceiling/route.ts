export const dynamic = "force-dynamic";

const BODY = JSON.stringify({ ok: true });

/**
 * The benchmark's ceiling (scripts/bench): the cheapest dynamic response this server can give,
 * with no session and no database, so other routes are quoted as a share of it from the same run.
 * It answers the same constant to everyone and reveals nothing.
 */
export function GET() {
  return new Response(BODY, { headers: { "content-type": "application/json", "cache-control": "no-store" } });
}
