import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { athletes } from "@/db/schema";
import { todayIn, addDays } from "@/lib/domain/dates";
import { recomputeAlerts } from "./alerts";

/**
 * Derives every athlete's alerts for the last `days` days: for seeds and imports that write rows
 * directly instead of going through the report functions. A system task, so it takes a clinic id
 * rather than a session.
 */
export async function recomputeClinicAlerts(clinicId: string, days: number): Promise<number> {
  const roster = await getDb()
    .select({ id: athletes.id })
    .from(athletes)
    .where(and(eq(athletes.clinicId, clinicId), ne(athletes.status, "archived")));
  const today = todayIn("UTC");
  const dates = Array.from({ length: days }, (_, i) => addDays(today, -i));
  for (const a of roster) await recomputeAlerts({ clinicId, athleteId: a.id, dates });
  return roster.length;
}
