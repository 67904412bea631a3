import { formToObject, formValues, zodFieldErrors } from "@/lib/validation/form-data";
import { activityFormSchema, checkInFormSchema, exerciseLogFormSchema } from "@/lib/validation/reporting-forms";
import { stageSessionFormSchema } from "@/lib/validation/return-to-run";
import type { ReportKind } from "./routes";

/**
 * A form made without a signal → the JSON API body, through the very schema the server action
 * uses (so what is queued is what the server would have taken, and a typo is caught on the phone).
 * Loaded only when a report is queued, so zod stays out of the athlete pages' first load; the
 * service worker precaches this chunk with the others.
 */
export type ParsedReport =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; message: string; fieldErrors: Record<string, string[] | undefined>; values: Record<string, string> };

export type ParseContext = {
  /** the athlete's calendar day when the report was made: a check-in or a tick sent tomorrow still counts for today */
  today: string;
  unit: "km" | "mi";
};

export function parseOfflineReport(kind: ReportKind, formData: FormData, ctx: ParseContext): ParsedReport {
  const input = formToObject(formData);
  const parsed = schemaFor(kind, ctx).safeParse(input);
  if (!parsed.success) {
    return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: zodFieldErrors(parsed.error), values: formValues(formData) };
  }
  const body: Record<string, unknown> = { ...parsed.data };
  if (kind !== "activity" && body.date === undefined) body.date = ctx.today;
  return { ok: true, body };
}

function schemaFor(kind: ReportKind, ctx: ParseContext) {
  switch (kind) {
    case "check-in":
      return checkInFormSchema;
    case "activity":
      return activityFormSchema(ctx.unit);
    case "exercise-log":
      return exerciseLogFormSchema;
    case "stage-session":
      return stageSessionFormSchema;
  }
}
