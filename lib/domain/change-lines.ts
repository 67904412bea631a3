// Human lines for a stored change (an audit row's before/after): "Weekly cap 30 → 32 km, by Sam
// Rivera, 2 Dec". Whatever was stored, the reader sees words, never JSON.
import { RED_FLAG_LABELS } from "./red-flags";
import { localDateOf } from "./dates";
import { RED_FLAGS, type DistanceUnit, type IsoDate, type RedFlag } from "./types";
import { metresTo } from "./units";

export type StoredChange = {
  action: string;
  before: unknown;
  after: unknown;
  actorName: string | null;
  at: Date;
  /** What the row is about, in words (the exercise of a program item, the alert's reason…). */
  subject?: string | null;
  /** The exercise a program item moved to or started on, when the row names one. */
  toExercise?: string | null;
};

export type ChangeView = { unit: DistanceUnit; timeZone: string; /** the viewer's today: dates in its year drop the year */ today: IsoDate };

export type ChangeLine = { title: string; details: string[]; byline: string };

type Kind = "distance" | "minutes" | "seconds" | "pain" | "effort" | "bool" | "date" | "instant" | "words" | "text" | "count" | "ref" | "flag";
type Field = { label: string; kind: Kind };

const f = (label: string, kind: Kind): Field => ({ label, kind });

/** Every field the app stores in an audit row, in the order lines are shown. */
const FIELDS: Record<string, Field> = {
  status: f("Status", "words"),
  name: f("Name", "text"),
  weeklyDistanceM: f("Weekly cap", "distance"),
  longestRunM: f("Longest run", "distance"),
  runIntervalSec: f("Run interval", "minutes"),
  walkIntervalSec: f("Walk interval", "minutes"),
  type: f("Type", "words"),
  date: f("Date", "date"),
  startedAt: f("Start", "instant"),
  durationSec: f("Duration", "minutes"),
  movingSec: f("Moving time", "minutes"),
  distanceM: f("Distance", "distance"),
  rpe: f("Effort", "effort"),
  painDuring: f("Pain during", "pain"),
  painAfter: f("Pain after", "pain"),
  morningPain: f("Morning pain", "pain"),
  exercisePain: f("Exercise pain", "pain"),
  setsDone: f("Sets done", "count"),
  setsPrescribed: f("Sets prescribed", "count"),
  couldNotFinish: f("Could not finish", "bool"),
  tapeYesterday: f("Taped yesterday", "bool"),
  sets: f("Sets", "count"),
  reps: f("Reps", "count"),
  holdSec: f("Hold", "seconds"),
  daysPerWeek: f("Days a week", "count"),
  load: f("Load", "text"),
  shoeId: f("Shoe", "ref"),
  reminderM: f("Shoe reminder", "distance"),
  reminderKm: f("Shoe reminder (km)", "count"),
  retired: f("Retired", "bool"),
  retiredAt: f("Retired", "instant"),
  archivedAt: f("Deleted", "instant"),
  severity: f("Severity", "words"),
  email: f("Email", "text"),
  sportGroup: f("Group", "text"),
  birthYear: f("Birth year", "text"),
  injuredSide: f("Injured side", "words"),
  condition: f("Condition", "text"),
  onsetDate: f("Onset", "date"),
  trainerId: f("Trainer", "ref"),
  timeZone: f("Time zone", "text"),
  region: f("Region", "words"),
  defaultSets: f("Default sets", "count"),
  defaultReps: f("Default reps", "count"),
  defaultHoldSec: f("Default hold", "seconds"),
  defaultDaysPerWeek: f("Default days a week", "count"),
  description: f("Description", "text"),
  howTo: f("How to", "text"),
  cues: f("Coaching cues", "text"),
  equipment: f("Equipment", "text"),
  ladderId: f("Ladder", "ref"),
  position: f("Step", "count"),
  items: f("Exercises", "count"),
  added: f("Exercises added", "count"),
  role: f("Role", "words"),
  scope: f("Access", "words"),
  expiresAt: f("Expires", "instant"),
  imported: f("Imported", "count"),
  skipped: f("Skipped", "count"),
  source: f("Source", "words"),
  fileName: f("File", "text"),
  note: f("Note", "text"),
  notes: f("Notes", "text"),
  reason: f("Reason", "text"),
  redFlags: f("Red flags", "flag"),
};

// columns a check-in row stores its red flags in, by the flag they hold
const FLAG_COLUMNS: Record<string, RedFlag> = {
  clicking: "clicking",
  locking: "locking",
  givingWay: "giving_way",
  swelling: "swelling",
  nightPain: "night_pain",
  cannotBearWeight: "cannot_bear_weight",
  hotRedFever: "hot_red_fever",
};

/** Bookkeeping, not something a person changed: never shown. */
const HIDDEN = new Set([
  "id",
  "athleteId",
  "clinicId",
  "userId",
  "clientId",
  "recordedBy",
  "createdAt",
  "updatedAt",
  "dataVersion",
  "alertsFrom",
  "evaluatedThrough",
  "seriesFrom",
  "seriesThrough",
  "seriesTimeZone",
  "seriesVersion",
  "statusBeforeArchive",
  "programItemId",
  "inviteId",
  "templateId",
  "toExerciseId",
  "exerciseId",
  "copiedFromId",
  "createdBy",
  "setBy",
]);

const ORDER = Object.keys(FIELDS);

/** "fooBar" / "foo_bar" → "Foo bar". */
export function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[._]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

/** One decimal at most, no trailing ".0": 30 km, 32.5 km. */
const num = (n: number) => String(Math.round(n * 10) / 10);

const MONTH_DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const MONTH_DAY_YEAR = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "2 Dec" in the viewer's year, "2 Dec 2025" otherwise. */
export function shortDate(date: IsoDate, today: IsoDate): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return (date.slice(0, 4) === today.slice(0, 4) ? MONTH_DAY : MONTH_DAY_YEAR).format(d);
}

function shortInstant(value: unknown, view: ChangeView): string | null {
  const d = value instanceof Date ? value : typeof value === "string" ? new Date(value) : null;
  if (!d || Number.isNaN(d.getTime())) return null;
  const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: view.timeZone }).format(d);
  return `${shortDate(localDateOf(d, view.timeZone), view.today)}, ${time}`;
}

/** Any value as words: lists joined, records as "key: value", never braces or quotes. */
export function plain(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return num(value);
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.length ? value.map(plain).join(", ") : "none";
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) => !HIDDEN.has(k));
    return entries.length ? entries.map(([k, v]) => `${humanise(k).toLowerCase()}: ${plain(v)}`).join(", ") : "none";
  }
  return String(value);
}

/** A value of a known field in words, without its unit; null when it was not given. */
function valueOf(field: Field, v: unknown, view: ChangeView): string | null {
  if (v === null || v === undefined || v === "") return null;
  switch (field.kind) {
    case "distance":
      return typeof v === "number" ? num(metresTo(v, view.unit)) : plain(v);
    case "minutes":
      return typeof v === "number" ? num(v / 60) : plain(v);
    case "seconds":
    case "count":
      return plain(v);
    case "pain":
    case "effort":
      return typeof v === "number" ? `${num(v)}/10` : plain(v);
    case "bool":
      return v ? "yes" : "no";
    case "date":
      return typeof v === "string" ? shortDate(v, view.today) : plain(v);
    case "instant":
      return shortInstant(v, view) ?? plain(v);
    case "words":
      return typeof v === "string" ? v.replace(/_/g, " ") : plain(v);
    default:
      return plain(v);
  }
}

const unitOf = (field: Field, view: ChangeView) => (field.kind === "distance" ? ` ${view.unit}` : field.kind === "minutes" ? " min" : field.kind === "seconds" ? " s" : "");

/** Numbers with a unit read "Weekly cap 30 → 32 km"; everything else "Status: active → cleared". */
function line(field: Field, before: unknown, after: unknown, view: ChangeView, changed: boolean): string | null {
  if (field.kind === "ref") return changed ? `${field.label} changed` : null;
  const a = valueOf(field, before, view);
  const b = valueOf(field, after, view);
  const unit = unitOf(field, view);
  const measured = unit !== "" || field.kind === "pain" || field.kind === "effort" || field.kind === "count";
  const sep = measured ? " " : ": ";
  if (!changed) return b === null ? null : `${field.label}${sep}${b}${unit}`;
  if (field.kind === "text" && typeof after === "string" && after.length > 60) return `${field.label} changed`;
  return `${field.label}${sep}${a ?? "none"} → ${b ?? "none"}${unit}`;
}

const asRecord = (v: unknown): Record<string, unknown> | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const byOrder = (a: string, b: string) => (ORDER.indexOf(a) === -1 ? 999 : ORDER.indexOf(a)) - (ORDER.indexOf(b) === -1 ? 999 : ORDER.indexOf(b));

/** Red flags as "Red flag: swelling no → yes" (changes) or "Red flags: swelling, giving way" (a new record). */
function flagLines(before: Record<string, unknown> | null, after: Record<string, unknown>, changed: boolean): string[] {
  const yes = (r: Record<string, unknown> | null, f: RedFlag) => r?.[f] === true;
  if (!changed) {
    const on = RED_FLAGS.filter((fl) => yes(after, fl)).map((fl) => RED_FLAG_LABELS[fl]);
    return on.length ? [`Red flags: ${on.join(", ")}`] : [];
  }
  return RED_FLAGS.filter((fl) => yes(before, fl) !== yes(after, fl)).map((fl) => `Red flag, ${RED_FLAG_LABELS[fl]}: ${yes(before, fl) ? "yes" : "no"} → ${yes(after, fl) ? "yes" : "no"}`);
}

/** Red-flag columns of a stored check-in row folded into one redFlags record. */
function foldFlags(r: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!r || !Object.keys(FLAG_COLUMNS).some((k) => k in r)) return r;
  const out: Record<string, unknown> = {};
  const flags: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    if (k in FLAG_COLUMNS) flags[FLAG_COLUMNS[k]!] = v;
    else out[k] = v;
  }
  out.redFlags = flags;
  return out;
}

/**
 * What changed between two stored records, one line per field that differs; with no `before`, the
 * record's values as given. Keys the app keeps for bookkeeping are left out; an unknown key reads
 * "Field name: a → b".
 */
export function changeLines(beforeRaw: unknown, afterRaw: unknown, view: ChangeView): string[] {
  const before = foldFlags(asRecord(beforeRaw));
  const after = foldFlags(asRecord(afterRaw));
  if (!after && !before) {
    if (afterRaw === null || afterRaw === undefined) return beforeRaw === null || beforeRaw === undefined ? [] : [`Was: ${plain(beforeRaw)}`];
    return [plain(afterRaw)];
  }
  const diff = Boolean(before && after);
  const shown = after ?? before!;
  const keys = Object.keys(shown)
    .filter((k) => !HIDDEN.has(k) && (!diff || !same(before![k], after![k])))
    .sort(byOrder);
  const lines: string[] = [];
  for (const k of keys) {
    if (k === "redFlags") {
      lines.push(...flagLines(asRecord(before?.redFlags), asRecord(shown.redFlags) ?? {}, diff));
      continue;
    }
    const field = FIELDS[k] ?? { label: humanise(k), kind: "text" as const };
    const text = diff ? line(field, before![k], after![k], view, true) : line(field, undefined, shown[k], view, false);
    if (text) lines.push(text);
  }
  return lines;
}

/** What happened, by action; the subject (exercise, alert) is added where the row names one. */
const TITLES: Record<string, string> = {
  "athlete.created": "Athlete added",
  "athlete.updated": "Profile changed",
  "athlete.archived": "Athlete archived",
  "athlete.restored": "Athlete restored",
  "activity.created": "Activity logged",
  "activity.updated": "Activity corrected",
  "activity.archived": "Activity deleted",
  "check_in.created": "Check-in entered",
  "check_in.updated": "Check-in changed",
  "exercise_log.created": "Exercises ticked off",
  "exercise_log.archived": "Exercise tick undone",
  "program_item.added": "Exercise added",
  "program_item.dosage_changed": "Dosage changed",
  "program_item.progressed": "Progressed",
  "program_item.regressed": "Regressed",
  "program_item.paused": "Exercise paused",
  "program_item.resumed": "Exercise resumed",
  "program_item.removed": "Exercise removed",
  "running_prescription.set": "Running prescription set",
  "alert.acknowledged": "Alert acknowledged",
  "alert.resolved": "Alert resolved",
  "alert.retired": "Alert no longer applies",
  "alert.revived": "Alert applies again",
  "alert.reopened": "Alert reopened (its severity rose)",
  "shoe.added": "Shoe added",
  "shoe.updated": "Shoe changed",
  "template.applied": "Template applied",
  "template.saved_from_program": "Program saved as a template",
  "template.copied": "Template copied",
  "template.updated": "Template renamed",
  "template.archived": "Template archived",
  "template.item_added": "Exercise added to a template",
  "template.item_updated": "Template exercise changed",
  "template.item_removed": "Exercise removed from a template",
  "exercise.created": "Exercise created",
  "exercise.updated": "Exercise changed",
  "exercise.archived": "Exercise archived",
  "exercise.restored": "Exercise restored",
  "exercise.copied": "Exercise copied into the clinic's library",
  "ladder.created": "Ladder created",
  "ladder.updated": "Ladder changed",
  "ladder.archived": "Ladder archived",
  "ladder.restored": "Ladder restored",
  "ladder.step_placed": "Exercise placed on a ladder",
  "invite.created": "Invitation created",
  "invite.accepted": "Invitation accepted",
  "api_token.created": "API token created",
  "api_token.revoked": "API token revoked",
  "clinic.created": "Clinic created",
  "clinic.updated": "Clinic settings changed",
  "roster.imported": "Roster imported",
  "clinical_note.created": "Clinical note added",
  "clinical_note.edited": "Clinical note edited",
  "clinical_note.corrected": "Clinical note corrected",
  "clinical_note.archived": "Clinical note archived",
  "episode.started": "Injury episode started",
  "episode.resolved": "Injury episode resolved",
};

/** The kinds of change the audit log can be filtered by: the part of the action before the dot. */
export const CHANGE_KINDS = {
  athlete: "Athlete profile",
  activity: "Activities",
  check_in: "Check-ins",
  exercise_log: "Exercise ticks",
  program_item: "Program",
  running_prescription: "Running prescription",
  alert: "Alerts",
  shoe: "Shoes",
  template: "Templates",
  exercise: "Exercise library",
  ladder: "Ladders",
  invite: "Invitations",
  api_token: "API tokens",
  clinic: "Clinic",
  roster: "Roster import",
  clinical_note: "Clinical notes",
  episode: "Injury episodes",
} as const;
export type ChangeKind = keyof typeof CHANGE_KINDS;

/** "Progressed clamshell" style title for an action the list above does not name. */
export function titleOf(action: string): string {
  return TITLES[action] ?? humanise(action.replace(".", " "));
}

export function bylineOf(actorName: string | null, at: Date, view: ChangeView): string {
  return `${actorName ? `by ${actorName}` : "automatically"}, ${shortDate(localDateOf(at, view.timeZone), view.today)}`;
}

/** One stored change as a title, its detail lines and who/when. */
export function describeChange(c: StoredChange, view: ChangeView): ChangeLine {
  let title = titleOf(c.action);
  let before = c.before;
  let after = c.after;
  const rec = asRecord(after);
  if (c.action.startsWith("program_item.")) {
    // the program-item row keeps the step's target and the reason in `after`, beside the dosage
    const to = c.toExercise ?? null;
    if ((c.action === "program_item.progressed" || c.action === "program_item.regressed") && to) title = `${title} to ${to}`;
    else if (c.action === "program_item.added" && to) title = `${title}: ${to}`;
    else if (c.subject) title = `${title}: ${c.subject}`;
    if (c.action === "program_item.paused" || c.action === "program_item.resumed" || c.action === "program_item.removed") before = null;
    if (rec && Object.values(rec).every((v) => v === null)) after = null;
  } else if (c.subject) {
    title = `${title}: ${c.subject}`;
  }
  let details = changeLines(before, after, view);
  if (c.action.startsWith("program_item.") && rec) {
    // a step changes the whole dosage; the reason gets its own line, last
    details = details.filter((d) => !d.startsWith("Reason"));
    if (typeof rec.reason === "string" && rec.reason) details.push(`Why: ${rec.reason}`);
  }
  return { title, details, byline: bylineOf(c.actorName, c.at, view) };
}
