import { z } from "zod";
import { plainText } from "./fields";
import { isoDate } from "./reporting";
import { parseTriageRowToken } from "@/lib/domain/triage-row";

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

/** Form values name one alert each, or (a triage row's checkbox) several separated by spaces. */
const alertIdList = (v: unknown) =>
  v === undefined || v === "" ? [] : (Array.isArray(v) ? v : [v]).flatMap((x) => (typeof x === "string" ? x.split(/\s+/).filter(Boolean) : [x]));

export const alertActionFormSchema = alertNoteSchema
  .extend({
    // one alert, or a display group (§2d: the same alert on consecutive days), acted on together
    alertId: z.preprocess(
      alertIdList,
      z.array(z.uuid({ error: "That alert was not found." })).max(2000, "Too many alerts at once: select fewer rows."),
    ),
    // the triage view's selected rows: every open alert each row showed (lib/domain/triage-row)
    row: z.preprocess(
      alertIdList,
      z
        .array(z.string().transform((v, ctx) => parseTriageRowToken(v) ?? (ctx.addIssue({ code: "custom", message: "That row was not found: reload the page." }), z.NEVER)))
        .max(200, "Too many rows at once: select fewer."),
    ),
    intent: z.enum(["acknowledge", "resolve"]),
  })
  .superRefine((v, ctx) => {
    if (v.alertId.length + v.row.length === 0) ctx.addIssue({ code: "custom", path: ["alertId"], message: "Select at least one athlete (or alert) first." });
    if (v.row.length > 0 && v.alertId.length > 0) ctx.addIssue({ code: "custom", path: ["row"], message: "Send rows or alerts, not both." });
    if (v.row.length > 0 && v.intent !== "acknowledge") ctx.addIssue({ code: "custom", path: ["row"], message: "Rows of the triage view can only be acknowledged." });
  });
