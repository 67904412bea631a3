"use server";

import { revalidatePath } from "next/cache";
import { trainerAction } from "@/lib/auth/action";
import { acknowledgeAlert, resolveAlert } from "@/lib/data/alerts";
import { alertActionFormSchema } from "@/lib/validation/alerts";

/** Acknowledge or resolve one alert, with an optional note; used by the dashboard and the athlete page. */
export const alertAction = trainerAction(alertActionFormSchema, async (input, scope) => {
  const alert = input.intent === "acknowledge" ? await acknowledgeAlert(scope, input.alertId, input.note) : await resolveAlert(scope, input.alertId, input.note);
  revalidatePath("/dashboard");
  revalidatePath(`/athletes/${alert.athleteId}`);
  return alert.id;
});
