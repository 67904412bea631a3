import { getScope } from "@/lib/auth/guards";
import { exportClinicData } from "@/lib/data/export";
import { download } from "@/lib/export-files";

export const dynamic = "force-dynamic";

/** The owner's export of the clinic's data as one JSON file; anyone else: not found. */
export async function GET() {
  const scope = await getScope();
  if (!scope) return Response.json({ error: { message: "Please sign in." } }, { status: 401 });
  if (scope.role !== "owner") return Response.json({ error: { message: "Not found." } }, { status: 404 });
  const data = await exportClinicData(scope);
  return download(JSON.stringify(data), `stride-clinic-export-${data.exportedAt.slice(0, 10)}.json`, "application/json");
}
