import "server-only";
import { addDays } from "@/lib/domain/dates";
import { conflict, invalid } from "@/lib/errors";
import type { AthleteAccess } from "./access";

/** Watch files from before this are a device clock that was never set, not a recording. */
export const EARLIEST_RECORDED_DATE = "2000-01-01";

/**
 * A report's date must be today or within the last year, in the athlete's time zone. A watch
 * file (`allowOld`) may be older, as the device recorded it, but not before 2000.
 */
export function assertReportDate(target: AthleteAccess, date: string, field = "date", { allowOld = false } = {}): void {
  if (date > target.today) throw invalid("The date cannot be in the future.", { [field]: ["The date cannot be in the future."] });
  if (!allowOld && date < addDays(target.today, -365)) throw invalid("The date is more than a year ago.", { [field]: ["The date cannot be more than a year ago."] });
  if (date < EARLIEST_RECORDED_DATE) {
    const message = "This file says it was recorded before 2000, so the watch's clock was not set. Check the date on the watch and export the activity again.";
    throw invalid(message, { [field]: [message] });
  }
}

/** Athletes may change their own entries for 7 days; trainers may correct them at any time. */
export function assertEditable(target: AthleteAccess, date: string): void {
  if (!target.byTrainer && date < addDays(target.today, -7)) {
    throw conflict("Entries older than 7 days can only be changed by your trainer.");
  }
}
