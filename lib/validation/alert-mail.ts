import { z } from "zod";
import { ALERT_EMAIL_CHOICES } from "@/lib/mail/alert-mail";
import { optionalFormNumber } from "./fields";

/**
 * A trainer's alert email choice (DESIGN §2e), from the settings form. The hour is the local hour
 * (clinic time zone, 0–23) of the daily digest: needed when "digest" is chosen; otherwise a blank
 * keeps the stored hour.
 */
export const alertEmailSettingsSchema = z
  .object({
    alertEmail: z.enum(ALERT_EMAIL_CHOICES, { error: "Choose how you want to hear of alerts." }),
    digestHour: optionalFormNumber(
      z
        .number({ error: "Choose the hour of the daily summary." })
        .int("Choose a whole hour from 0 to 23.")
        .min(0, "Choose an hour from 0 to 23.")
        .max(23, "Choose an hour from 0 to 23."),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.alertEmail === "digest" && v.digestHour === undefined) ctx.addIssue({ code: "custom", path: ["digestHour"], message: "Choose the hour of the daily summary." });
  });

export type AlertEmailSettingsInput = z.infer<typeof alertEmailSettingsSchema>;
