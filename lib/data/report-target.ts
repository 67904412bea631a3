import "server-only";
import type { Db, Tx } from "@/db/client";
import type { Scope } from "@/lib/auth/scope";
import { addDays } from "@/lib/domain/dates";
import { conflict, invalid, notFound } from "@/lib/errors";
import { loadAthleteContext, type AthleteContext } from "./athlete-records";

/** `context` is the athlete as read for the check, handed on to the alert recompute after a write. */
export type ReportTarget = { clinicId: string; athleteId: string; timeZone: string; today: string; byTrainer: boolean; context: AthleteContext };

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
  const context = await loadAthleteContext(db, scope.clinicId, id);
  if (context.status === "archived") throw conflict("This athlete is archived. Restore them before adding records.");
  return { clinicId: scope.clinicId, athleteId: id, timeZone: context.timeZone, today: context.today, byTrainer: scope.role !== "athlete", context };
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
