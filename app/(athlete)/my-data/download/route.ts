import { z } from "zod";
import { getScope } from "@/lib/auth/guards";
import { exportAthleteData, ATHLETE_DATASETS } from "@/lib/data/export";
import { datasetToCsv, download } from "@/lib/export-files";

export const dynamic = "force-dynamic";

const query = z.object({ format: z.enum(["json", "csv"]).default("json"), dataset: z.enum(ATHLETE_DATASETS).optional() });

/** The signed-in athlete's own data; nobody else's can be named here at all. */
export async function GET(request: Request) {
  const scope = await getScope();
  if (!scope) return Response.json({ error: { message: "Please sign in." } }, { status: 401 });
  if (scope.role !== "athlete") return Response.json({ error: { message: "Not found." } }, { status: 404 });
  const q = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!q.success) return Response.json({ error: { message: "format must be json or csv, and dataset one of: " + ATHLETE_DATASETS.join(", ") + "." } }, { status: 422 });
  const data = await exportAthleteData(scope);
  const day = data.exportedAt.slice(0, 10);
  if (q.data.format === "csv") {
    const dataset = q.data.dataset ?? "activities";
    return download(datasetToCsv(data.datasets[dataset]!), `stride-${dataset}-${day}.csv`, "text/csv");
  }
  return download(JSON.stringify(data, null, 2), `stride-my-data-${day}.json`, "application/json");
}
