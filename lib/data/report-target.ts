import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { athletes, clinics } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { addDays, todayIn } from "@/lib/domain/dates";
import { conflict, invalid, notFound } from "@/lib/errors";

export type ReportTarget = { clinicId: string; athleteId: string; timeZone: string; today: string; byTrainer: boolean };

/**
 * Whose record a report is for. An athlete reports only for themselves (naming anyone else is
 * "not found"); a trainer must name an athlete of their clinic. Archived athletes take no reports.
 */
export async function reportTarget(db: Db | Tx, scope: Scope, athleteId: string | undefined): Promise<ReportTarget> {
  let id: string;
  if (scope.role === "athlete") {
    if (athleteId && athleteId !== scope.athleteId) throw notFound("Athlete");
    id = scope.athleteId;
  } else {
    if (!athleteId) throw invalid("Say which athlete this is for.", { athleteId: ["Choose an athlete."] });
    id = athleteId;
  }
  const [row] = await db
    .select({ status: athletes.status, tz: athletes.timeZone, clinicTz: clinics.timeZone })
    .from(athletes)
    .innerJoin(clinics, eq(clinics.id, athletes.clinicId))
    .where(and(eq(athletes.id, id), eq(athletes.clinicId, scope.clinicId)));
  if (!row) throw notFound("Athlete");
  if (row.status === "archived") throw conflict("This athlete is archived. Restore them before adding records.");
  const timeZone = row.tz ?? row.clinicTz;
  return { clinicId: scope.clinicId, athleteId: id, timeZone, today: todayIn(timeZone), byTrainer: scope.role !== "athlete" };
}

/** A report's date must be today or within the last year, in the athlete's time zone. */
export function assertReportDate(target: ReportTarget, date: string, field = "date", { allowOld = false } = {}): void {
  if (date > target.today) throw invalid("The date cannot be in the future.", { [field]: ["The date cannot be in the future."] });
  if (!allowOld && date < addDays(target.today, -365)) throw invalid("The date is more than a year ago.", { [field]: ["The date cannot be more than a year ago."] });
}

/** Athletes may change their own entries for 7 days; trainers may correct them at any time. */
export function assertEditable(target: ReportTarget, date: string): void {
  if (!target.byTrainer && date < addDays(target.today, -7)) {
    throw conflict("Entries older than 7 days can only be changed by your trainer.");
  }
}
