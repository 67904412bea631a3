import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { athletes } from "@/db/schema";
import { recomputeAlerts } from "./alerts";

/**
 * What follows a report: alerts for the athlete are derived again from the stored data.
 * Kept in one place so every write path (forms, API, imports) does the same.
 * The athlete id comes from a write the data layer has already scoped, so looking up its clinic
 * here reveals nothing; callers that hold the clinic id may pass it and save the query.
 */
export async function afterReport(written: { athleteId: string; date: string; clinicId?: string }): Promise<void> {
  try {
    let clinicId = written.clinicId;
    if (!clinicId) {
      const [row] = await getDb().select({ clinicId: athletes.clinicId }).from(athletes).where(eq(athletes.id, written.athleteId));
      if (!row) return;
      clinicId = row.clinicId;
    }
    await recomputeAlerts({ clinicId, athleteId: written.athleteId, dates: [written.date] });
  } catch (err) {
    // the report itself is saved; the next write or recompute catches the alerts up
    console.error("[alerts] recompute after a report failed", err);
  }
}
