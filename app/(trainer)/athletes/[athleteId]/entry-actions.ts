"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { runValidated, trainerAction, type ActionState, isForm, NOT_A_FORM } from "@/lib/auth/action";
import { requireTrainer } from "@/lib/auth/guards";
import { archiveActivity, recordActivity, updateActivity } from "@/lib/data/activities";
import { getMe } from "@/lib/data/clinics";
import { activityFormSchema } from "@/lib/validation/reporting-forms";

/** A trainer enters or corrects an athlete's activity; the data layer attributes it in the audit log. */
export async function saveAthleteActivityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const scope = await requireTrainer();
  const athleteId = z.uuid().safeParse(formData.get("athleteId"));
  if (!athleteId.success) return { ok: false, message: "That athlete was not found." };
  const me = await getMe(scope);
  const activityId = formData.get("activityId");
  const state = await runValidated(activityFormSchema(me.unit), formData, scope, async (input) => {
    const result =
      typeof activityId === "string" && activityId
        ? await updateActivity(scope, activityId, { ...input, athleteId: athleteId.data })
        : await recordActivity(scope, { ...input, athleteId: athleteId.data });
    return result;
  });
  if (!state.ok) return { ok: false, message: state.message, fieldErrors: state.fieldErrors, values: state.values };
  revalidatePath(`/athletes/${athleteId.data}`);
  redirect(`/athletes/${athleteId.data}?saved=activity`);
}

/** A trainer removes a wrong entry: archived (out of every list and chart), attributed in the audit log. */
export const archiveAthleteActivityAction = trainerAction(z.object({ id: z.uuid({ error: "That activity was not found." }) }), async ({ id }, scope) => {
  const { athleteId } = await archiveActivity(scope, id);
  revalidatePath(`/athletes/${athleteId}`);
  redirect(`/athletes/${athleteId}?saved=activity-deleted`);
});
