import { z } from "zod";
import { timeZoneField } from "./accounts";
import { fromFormText, nameText, optionalFormNumber, plainText, searchText } from "./fields";

export const ATHLETE_STATUSES = ["active", "return_to_run", "cleared", "archived"] as const;
export const STATUS_LABELS: Record<(typeof ATHLETE_STATUSES)[number], string> = {
  active: "Active",
  return_to_run: "Return to run",
  cleared: "Cleared",
  archived: "Archived",
};
export const INJURED_SIDES = ["left", "right", "both"] as const;

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const optionalText = (max: number, label: string, options: { multiline?: boolean } = {}) =>
  z.preprocess(blankToNull, plainText(options).trim().max(max, `Keep ${label} under ${max} characters.`).nullable().optional());

const thisYear = new Date().getUTCFullYear();

const birthYear = z
  .number({ error: "Enter the birth year as a number, like 2006." })
  .int("Enter the birth year as a whole number, like 2006.")
  .min(thisYear - 100, `Enter a birth year after ${thisYear - 100}.`)
  .max(thisYear - 5, `Enter a birth year before ${thisYear - 5}.`);

/**
 * The athlete's fields, shared by the add/edit form, CSV import (text: "form") and the JSON API
 * ("json": birthYear a JSON number, or null to clear it). Blank text clears an optional field.
 */
function athleteFieldsFor(source: "json" | "form") {
  return {
    name: nameText("the athlete's name", { error: "Enter the athlete's name." }).trim().min(1, "Enter the athlete's name.").max(120, "Keep the name under 120 characters."),
    email: z.preprocess(
      blankToNull,
      z.string().trim().toLowerCase().pipe(z.email({ error: "Enter a valid email address, like name@example.com." })).nullable().optional(),
    ),
    sportGroup: optionalText(80, "the group"),
    birthYear:
      source === "json"
        ? birthYear.nullable().optional()
        : z.preprocess((v) => fromFormText(v) ?? (v === undefined ? undefined : null), birthYear.nullable().optional()),
    injuredSide: z.preprocess(blankToNull, z.enum(INJURED_SIDES, { error: "Choose left, right or both." }).nullable().optional()),
    condition: optionalText(120, "the condition"),
    onsetDate: z.preprocess(
      blankToNull,
      z.iso
        .date({ error: "Enter the onset date as a date (YYYY-MM-DD)." })
        .refine((d) => d <= new Date().toISOString().slice(0, 10), "The onset date cannot be in the future.")
        .nullable()
        .optional(),
    ),
    status: z.preprocess(
      blankToNull,
      z.enum(ATHLETE_STATUSES, { error: "Choose a status: active, return to run, cleared or archived." }).optional(),
    ),
    trainerId: z.preprocess(blankToNull, z.uuid({ error: "Choose a trainer from the list." }).nullable().optional()),
    timeZone: z.preprocess(blankToNull, timeZoneField.nullable().optional()),
    notes: optionalText(4000, "the notes", { multiline: true }),
  };
}

export const athleteFields = athleteFieldsFor("json");

/** POST /api/v1/athletes. */
export const athleteInputSchema = z.object(athleteFields);
export type AthleteInput = z.infer<typeof athleteInputSchema>;

/** PATCH /api/v1/athletes/{id}: only the fields sent; null clears an optional one. */
export const athletePatchSchema = z
  .object(athleteFields)
  .partial()
  .strict()
  .meta({ description: "Only the fields sent change. null (or blank text) clears an optional field; numbers are JSON numbers, never strings." });
export type AthletePatch = z.infer<typeof athletePatchSchema>;

/** The add form and each row of a roster CSV (text; an empty birth year is none). */
export const athleteFormSchema = z.object(athleteFieldsFor("form"));
export const athletePatchFormSchema = z.object(athleteFieldsFor("form")).partial();

export const ROSTER_SORTS = ["name", "last_check_in", "open_alerts"] as const;

export const rosterQuerySchema = z.object({
  q: searchText(120).optional().catch(undefined),
  status: z.enum([...ATHLETE_STATUSES, "all"]).optional().catch(undefined),
  group: searchText(80).optional().catch(undefined),
  trainer: z.uuid().optional().catch(undefined),
  sort: z.enum(ROSTER_SORTS).optional().catch(undefined),
  page: optionalFormNumber(z.number().int().min(1).max(10_000)).catch(undefined),
  pageSize: optionalFormNumber(z.number().int().min(1).max(100)).catch(undefined),
});
export type RosterQuery = z.infer<typeof rosterQuerySchema>;

/** The API is strict about its query (422), where the page quietly ignores a bad filter in a URL. */
export const rosterApiQuerySchema = z.object({
  q: plainText().trim().max(120, "Keep the search under 120 characters.").optional(),
  query: plainText().trim().max(120, "Keep the search under 120 characters.").optional(),
  status: z.enum([...ATHLETE_STATUSES, "all"], { error: "status must be active, return_to_run, cleared, archived or all." }).optional(),
  group: plainText().trim().max(80, "Keep the group under 80 characters.").optional(),
  trainer: z.uuid({ error: "trainer must be a trainer's id." }).optional(),
  sort: z.enum(ROSTER_SORTS, { error: "sort must be name, last_check_in or open_alerts." }).optional(),
  page: optionalFormNumber(z.number({ error: "page must be a whole number." }).int("page must be a whole number.").min(1, "page starts at 1.").max(10_000, "page is at most 10000.")),
  pageSize: optionalFormNumber(z.number({ error: "pageSize must be a whole number." }).int("pageSize must be a whole number.").min(1, "pageSize is at least 1.").max(100, "pageSize is at most 100.")),
});
