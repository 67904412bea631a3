import { z } from "zod";
import { plainText, searchText } from "./fields";
import { isoDate } from "./reporting";

export const ALERT_STATUSES = ["open", "acknowledged", "resolved"] as const;
export type AlertStatusFilter = (typeof ALERT_STATUSES)[number];

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/** GET /api/v1/alerts?status&athleteId&from&to — every filter optional. */
export const alertListQuerySchema = z
  .object({
    status: z.preprocess(blankToUndefined, z.enum(ALERT_STATUSES, { error: "Status must be open, acknowledged or resolved." }).optional()),
    athleteId: z.preprocess(blankToUndefined, z.uuid({ error: "athleteId must be an athlete's id." }).optional()),
    from: z.preprocess(blankToUndefined, isoDate.optional()),
    to: z.preprocess(blankToUndefined, isoDate.optional()),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["from"], message: "The start date must be on or before the end date." });
export type AlertListQuery = z.infer<typeof alertListQuerySchema>;

/** Body of acknowledge and resolve; also the form of the same name. */
export const alertNoteSchema = z.object({
  note: z.preprocess(blankToUndefined, plainText({ multiline: true }).trim().max(1000, "Keep the note under 1000 characters.").optional()),
});
export type AlertNoteInput = z.infer<typeof alertNoteSchema>;

export const alertActionFormSchema = alertNoteSchema.extend({
  // one alert, or a display group (§2d: the same alert on consecutive days, up to the longest
  // stretch an evaluation covers) acted on together
  alertId: z
    .union([z.uuid({ error: "That alert was not found." }), z.array(z.uuid({ error: "That alert was not found." })).min(1).max(400)])
    .transform((v) => (Array.isArray(v) ? v : [v])),
  intent: z.enum(["acknowledge", "resolve"]),
});

/** Dashboard filters, kept in the URL. */
export const attentionQuerySchema = z.object({
  trainer: z.preprocess(blankToUndefined, z.uuid().optional().catch(undefined)),
  group: z.preprocess(blankToUndefined, searchText(80).optional().catch(undefined)),
});
