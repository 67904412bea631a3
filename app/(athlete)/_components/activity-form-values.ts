import type { ActivityView } from "@/lib/data/activities";
import { wallTimeOf } from "@/lib/domain/local-time";
import { metresTo } from "@/lib/domain/units";

/** A stored activity as the activity form's field values, in the viewer's unit and the athlete's zone. */
export function activityFormValues(activity: ActivityView, timeZone: string, unit: "km" | "mi") {
  return {
    activityId: activity.id,
    clientId: activity.clientId,
    type: activity.type,
    date: activity.date,
    startTime: wallTimeOf(activity.startedAt, timeZone),
    duration: String(Math.round((activity.durationSec / 60) * 100) / 100),
    distance: activity.distanceM ? String(Math.round(metresTo(activity.distanceM, unit) * 100) / 100) : "",
    rpe: String(activity.rpe),
    painDuring: activity.painDuring?.toString() ?? "",
    painAfter: activity.painAfter?.toString() ?? "",
    shoeId: activity.shoeId ?? "",
    note: activity.note ?? "",
  };
}
