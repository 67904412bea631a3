"use server";

import { revalidatePath } from "next/cache";
import { trainerAction } from "@/lib/auth/action";
import { transitionAlerts } from "@/lib/data/alerts";
import { alertActionFormSchema } from "@/lib/validation/alerts";

/** Acknowledge or resolve one alert, with an optional note; used by the dashboard and the athlete page. */
export const alertAction = trainerAction(alertActionFormSchema, async (input, scope) => {
  const athletes = await transitionAlerts(scope, input.alertId, input.intent === "acknowledge" ? "acknowledged" : "resolved", input.note);
  revalidatePath("/dashboard");
  for (const id of athletes) revalidatePath(`/athletes/${id}`);
  return input.alertId.length;
});
