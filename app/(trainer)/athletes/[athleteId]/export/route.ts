import { z } from "zod";
import { getScope } from "@/lib/auth/guards";
import { exportAthleteRecord } from "@/lib/data/export";
import { isAppError } from "@/lib/errors";
import { download } from "@/lib/export-files";

export const dynamic = "force-dynamic";

const notFound = () => Response.json({ error: { message: "Not found." } }, { status: 404 });

/**
 * The owner's export of one athlete's whole record (a formal records request), staff-only notes and
 * injury episodes included; anyone else, and another clinic's or a malformed id: not found.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ athleteId: string }> }) {
  const scope = await getScope();
  if (!scope) return Response.json({ error: { message: "Please sign in." } }, { status: 401 });
  if (scope.role !== "owner") return notFound();
  const { athleteId } = await params;
  if (!z.uuid().safeParse(athleteId).success) return notFound();
  try {
    const data = await exportAthleteRecord(scope, athleteId);
    return download(JSON.stringify(data, null, 2), `stride-athlete-record-${athleteId.slice(0, 8)}-${data.exportedAt.slice(0, 10)}.json`, "application/json");
  } catch (err) {
    if (isAppError(err) && err.code === "not_found") return notFound();
    throw err;
  }
}
