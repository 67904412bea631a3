import "server-only";
import { addDays } from "@/lib/domain/dates";
import { conflict, invalid } from "@/lib/errors";
import type { AthleteAccess } from "./access";

/** A report's date must be today or within the last year, in the athlete's time zone. */
export function assertReportDate(target: AthleteAccess, date: string, field = "date", { allowOld = false } = {}): void {
  if (date > target.today) throw invalid("The date cannot be in the future.", { [field]: ["The date cannot be in the future."] });
  if (!allowOld && date < addDays(target.today, -365)) throw invalid("The date is more than a year ago.", { [field]: ["The date cannot be more than a year ago."] });
}

/** Athletes may change their own entries for 7 days; trainers may correct them at any time. */
export function assertEditable(target: AthleteAccess, date: string): void {
  if (!target.byTrainer && date < addDays(target.today, -7)) {
    throw conflict("Entries older than 7 days can only be changed by your trainer.");
  }
}
