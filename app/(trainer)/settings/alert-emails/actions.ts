"use server";

import { revalidatePath } from "next/cache";
import { trainerAction } from "@/lib/auth/action";
import { setAlertEmailSettings } from "@/lib/data/alert-mail";
import { alertEmailSettingsSchema } from "@/lib/validation/alert-mail";

/** The signed-in trainer's own alert email choice; takes no user id. */
export const setAlertEmailAction = trainerAction(alertEmailSettingsSchema, async (input, scope) => {
  await setAlertEmailSettings(scope, input);
  revalidatePath("/settings/alert-emails");
});
