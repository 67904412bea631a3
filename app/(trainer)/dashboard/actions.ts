"use server";

import { revalidatePath } from "next/cache";
import { trainerAction } from "@/lib/auth/action";
import { acknowledgeTriageRows, transitionAlerts } from "@/lib/data/alerts";
import { alertActionFormSchema } from "@/lib/validation/alerts";

/**
 * Acknowledge or resolve one alert or a group, with an optional note (the dashboard and the athlete
 * page), or acknowledge the triage view's selected rows (`row`).
 */
export const alertAction = trainerAction(alertActionFormSchema, async (input, scope) => {
  const athletes = input.row.length > 0 ? await acknowledgeTriageRows(scope, input.row, input.note) : await transitionAlerts(scope, input.alertId, input.intent === "acknowledge" ? "acknowledged" : "resolved", input.note);
  revalidatePath("/dashboard");
  for (const id of athletes) revalidatePath(`/athletes/${id}`);
  return input.row.length || input.alertId.length;
});
