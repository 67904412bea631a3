import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { wallTimeOf } from "@/lib/domain/local-time";
import { invalid, zodFieldErrors } from "@/lib/errors";
import { activitySchema, type ActivityPatch } from "@/lib/validation/reporting";
import { athleteAccess } from "./access";
import { getActivity, updateActivity, type ActivityView } from "./activities";

/** A field the patch names replaces the stored one (null clears it); the others stay as stored. */
function pick<K extends keyof ActivityPatch>(patch: ActivityPatch, key: K, stored: ActivityPatch[K]): ActivityPatch[K] {
  return key in patch ? patch[key] : stored;
}

/**
 * A correction of some fields of an activity (the API's PATCH), with the rules of the edit forms:
 * an athlete corrects their own entries within 7 days, a trainer any athlete's of the clinic
 * (attributed in the audit log), and the derived state is brought up to date by updateActivity.
 * The merged activity is validated as a whole, so the answer names the field a merge broke.
 * A watch file's activity keeps the file's type, date and start: changing them is refused, not ignored.
 */
export async function correctActivity(scope: Scope, activityId: string, patch: ActivityPatch): Promise<ActivityView> {
  const current = await getActivity(scope, activityId);
  const target = await athleteAccess(scope, current.athleteId);
  const startTime = wallTimeOf(current.startedAt, target.timeZone);
  if (current.source === "file") {
    const fixed = { type: current.type, date: current.date, startTime };
    const changed = (Object.keys(fixed) as (keyof typeof fixed)[]).filter((k) => k in patch && patch[k] !== fixed[k]);
    if (changed.length > 0) {
      throw invalid(
        "An imported activity keeps the type, date and start time of its watch file.",
        Object.fromEntries(changed.map((k) => [k, ["This comes from the watch file and cannot be changed."]])),
      );
    }
  }
  const merged = {
    clientId: current.clientId,
    type: pick(patch, "type", current.type),
    date: pick(patch, "date", current.date),
    startTime: pick(patch, "startTime", startTime),
    durationSec: pick(patch, "durationSec", current.durationSec),
    distanceM: pick(patch, "distanceM", current.distanceM),
    rpe: pick(patch, "rpe", current.rpe),
    painDuring: pick(patch, "painDuring", current.painDuring),
    painAfter: pick(patch, "painAfter", current.painAfter),
    shoeId: pick(patch, "shoeId", current.shoeId),
    note: pick(patch, "note", current.note) ?? undefined,
  };
  const parsed = activitySchema.safeParse(merged);
  if (!parsed.success) throw invalid("The activity would not be valid after this change. See fieldErrors.", zodFieldErrors(parsed.error));
  const { clientId: _clientId, ...input } = parsed.data;
  return (await updateActivity(scope, activityId, input)).activity;
}
