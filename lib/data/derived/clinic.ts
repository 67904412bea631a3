import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { athletes } from "@/db/schema";
import { addDays, todayIn } from "@/lib/domain/dates";
import { bringUpToDate } from "./evaluate";

/**
 * Brings every athlete of a clinic up to date, evaluating at least the last `days` days (more when
 * their records were written earlier: the triggers remember the earliest date), one transaction per
 * athlete. For seeds, which write their rows directly. A system task: a clinic id, not a session.
 * A loaded history is not news: its urgent alerts are stored without emailing anyone.
 */
export async function bringClinicUpToDate(clinicId: string, days: number): Promise<number> {
  const roster = await getDb()
    .select({ id: athletes.id })
    .from(athletes)
    .where(and(eq(athletes.clinicId, clinicId), ne(athletes.status, "archived")));
  const from = addDays(todayIn("UTC"), -(days - 1));
  for (const a of roster) {
    await getDb().transaction((tx) => bringUpToDate(tx, { clinicId, athleteId: a.id }, { from, because: "the records were loaded", notify: false }));
  }
  return roster.length;
}
