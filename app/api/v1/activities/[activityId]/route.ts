import { z } from "zod";
import { apiRoute, uuidParam } from "@/lib/api/handler";
import { activityResponse } from "@/lib/validation/api-responses";
import { archiveActivity, getActivity } from "@/lib/data/activities";
import { correctActivity } from "@/lib/data/activity-corrections";
import { activityPatchSchema } from "@/lib/validation/reporting";

export const dynamic = "force-dynamic";

const params = z.object({ activityId: uuidParam });

export const GET = apiRoute({ role: "any", summary: "One activity (an athlete: their own; a trainer: any of the clinic).", params, response: activityResponse }, ({ scope, params }) =>
  getActivity(scope, params.activityId),
);

/** Only the fields sent change; null clears an optional one. Same rules as the edit forms. */
export const PATCH = apiRoute(
  { role: "any", summary: "Correct an activity: an athlete their own within 7 days, a trainer any of the clinic (audited).", params, body: activityPatchSchema, response: activityResponse },
  ({ scope, params, body }) => correctActivity(scope, params.activityId, body),
);

/** Deleting archives: the record leaves every list and calculation, and stays in the audit log. */
export const DELETE = apiRoute(
  { role: "any", summary: "Delete (archive) an activity: an athlete their own within 7 days, a trainer any of the clinic (audited).", params, response: z.object({ ok: z.literal(true), archived: z.uuid() }) },
  async ({ scope, params }) => {
    await archiveActivity(scope, params.activityId);
    return { ok: true, archived: params.activityId };
  },
);
