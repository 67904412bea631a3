import { z } from "zod";
import { timeZoneField } from "./accounts";

export const ATHLETE_STATUSES = ["active", "return_to_run", "cleared", "archived"] as const;
export const STATUS_LABELS: Record<(typeof ATHLETE_STATUSES)[number], string> = {
  active: "Active",
  return_to_run: "Return to run",
  cleared: "Cleared",
  archived: "Archived",
};
export const INJURED_SIDES = ["left", "right", "both"] as const;

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const optionalText = (max: number, label: string) =>
  z.preprocess(blankToNull, z.string().trim().max(max, `Keep ${label} under ${max} characters.`).nullable().optional());

const thisYear = new Date().getUTCFullYear();

/** Shared by the add/edit form, the JSON API and CSV import. */
export const athleteFields = {
  name: z.string({ error: "Enter the athlete's name." }).trim().min(1, "Enter the athlete's name.").max(120, "Keep the name under 120 characters."),
  email: z.preprocess(
    blankToNull,
    z.string().trim().toLowerCase().pipe(z.email({ error: "Enter a valid email address, like name@example.com." })).nullable().optional(),
  ),
  sportGroup: optionalText(80, "the group"),
  birthYear: z.preprocess(
    blankToNull,
    z.coerce
      .number({ error: "Enter the birth year as a number, like 2006." })
      .int("Enter the birth year as a whole number, like 2006.")
      .min(thisYear - 100, `Enter a birth year after ${thisYear - 100}.`)
      .max(thisYear - 5, `Enter a birth year before ${thisYear - 5}.`)
      .nullable()
      .optional(),
  ),
  injuredSide: z.preprocess(blankToNull, z.enum(INJURED_SIDES, { error: "Choose left, right or both." }).nullable().optional()),
  condition: z.preprocess(blankToNull, z.string().trim().max(120, "Keep the condition under 120 characters.").nullable().optional()),
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
  notes: optionalText(4000, "the notes"),
};

export const athleteInputSchema = z.object(athleteFields);
export type AthleteInput = z.infer<typeof athleteInputSchema>;

export const athletePatchSchema = z.object(athleteFields).partial().strict();
export type AthletePatch = z.infer<typeof athletePatchSchema>;

export const ROSTER_SORTS = ["name", "last_check_in", "open_alerts"] as const;

export const rosterQuerySchema = z.object({
  q: z.string().trim().max(120).optional().catch(undefined),
  status: z.enum([...ATHLETE_STATUSES, "all"]).optional().catch(undefined),
  group: z.string().trim().max(80).optional().catch(undefined),
  trainer: z.uuid().optional().catch(undefined),
  sort: z.enum(ROSTER_SORTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
  pageSize: z.coerce.number().int().min(1).max(100).optional().catch(undefined),
});
export type RosterQuery = z.infer<typeof rosterQuerySchema>;

/** The API is strict about its query (422), where the page quietly ignores a bad filter in a URL. */
export const rosterApiQuerySchema = z.object({
  q: z.string().trim().max(120, "Keep the search under 120 characters.").optional(),
  query: z.string().trim().max(120, "Keep the search under 120 characters.").optional(),
  status: z.enum([...ATHLETE_STATUSES, "all"], { error: "status must be active, return_to_run, cleared, archived or all." }).optional(),
  group: z.string().trim().max(80).optional(),
  trainer: z.uuid({ error: "trainer must be a trainer's id." }).optional(),
  sort: z.enum(ROSTER_SORTS, { error: "sort must be name, last_check_in or open_alerts." }).optional(),
  page: z.coerce.number({ error: "page must be a number." }).int().min(1, "page starts at 1.").max(10_000).optional(),
  pageSize: z.coerce.number({ error: "pageSize must be a number." }).int().min(1).max(100, "pageSize is at most 100.").optional(),
});
