import { pingDatabase } from "@/lib/data/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const up = await pingDatabase();
  return Response.json(up ? { status: "ok", db: "ok" } : { status: "degraded", db: "down" }, {
    status: up ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
