import Papa from "papaparse";
import { athleteFormSchema, type AthleteInput } from "@/lib/validation/athletes";

/**
 * Roster CSV → rows with per-row errors. Pure: duplicates against the database are checked by the
 * caller, which passes in the emails the clinic already has.
 */
export const ROSTER_COLUMNS = ["name", "email", "group", "birth_year", "injured_side", "condition", "onset_date", "status", "notes"] as const;
export const MAX_ROSTER_ROWS = 2000;

const HEADER_ALIASES: Record<string, (typeof ROSTER_COLUMNS)[number]> = {
  name: "name",
  "full name": "name",
  athlete: "name",
  email: "email",
  "e-mail": "email",
  group: "group",
  sport: "group",
  "sport/group": "group",
  team: "group",
  "birth year": "birth_year",
  birthyear: "birth_year",
  "year of birth": "birth_year",
  "injured side": "injured_side",
  side: "injured_side",
  condition: "condition",
  diagnosis: "condition",
  "onset date": "onset_date",
  onset: "onset_date",
  status: "status",
  notes: "notes",
  note: "notes",
};

const STATUS_WORDS: Record<string, string> = {
  active: "active",
  "return to run": "return_to_run",
  "return-to-run": "return_to_run",
  return_to_run: "return_to_run",
  rtr: "return_to_run",
  cleared: "cleared",
  archived: "archived",
};

export type RosterCsvRow = {
  line: number;
  raw: Record<string, string>;
  input: AthleteInput | null;
  errors: string[];
};

export type RosterCsvResult = { rows: RosterCsvRow[]; fileErrors: string[] };

const normaliseHeader = (h: string) => {
  const key = h.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/[_]+/g, " ").replace(/\s+/g, " ");
  return HEADER_ALIASES[key] ?? HEADER_ALIASES[key.replace(/ /g, "")] ?? null;
};

export function parseRosterCsv(text: string, existingEmails: ReadonlySet<string> = new Set()): RosterCsvResult {
  const clean = text.replace(/^\uFEFF/, "");
  // papaparse guesses , or ; from the first lines; a clinic's spreadsheet in a European locale uses ;
  const parsed = Papa.parse<string[]>(clean, { skipEmptyLines: "greedy", delimitersToGuess: [",", ";", "\t"] });
  const [header, ...body] = parsed.data;
  if (!header || header.length === 0) return { rows: [], fileErrors: ["The file is empty. Use the example file as a starting point."] };
  const columns = header.map(normaliseHeader);
  if (!columns.includes("name")) {
    return { rows: [], fileErrors: ['The first line must name the columns, including a "name" column. Use the example file as a starting point.'] };
  }
  if (body.length > MAX_ROSTER_ROWS) return { rows: [], fileErrors: [`The file has ${body.length} rows; import at most ${MAX_ROSTER_ROWS} at a time.`] };

  const seenInFile = new Map<string, number>();
  const rows = body.map((cells, i): RosterCsvRow => {
    const line = i + 2;
    const raw: Record<string, string> = {};
    columns.forEach((c, idx) => {
      if (c) raw[c] = (cells[idx] ?? "").trim();
    });
    const errors: string[] = [];
    const statusWord = raw.status ? STATUS_WORDS[raw.status.toLowerCase()] : undefined;
    if (raw.status && !statusWord) errors.push(`Unknown status "${raw.status}": use active, return to run, cleared or archived.`);
    const side = raw.injured_side?.toLowerCase();
    const result = athleteFormSchema.safeParse({
      name: raw.name ?? "",
      email: raw.email,
      sportGroup: raw.group,
      birthYear: raw.birth_year,
      injuredSide: side,
      condition: raw.condition,
      onsetDate: raw.onset_date,
      status: statusWord,
      notes: raw.notes,
    });
    if (!result.success) {
      for (const issue of result.error.issues) if (!(issue.path[0] === "status" && raw.status && !statusWord)) errors.push(issue.message);
    }
    const email = result.success ? result.data.email : null;
    if (email) {
      if (existingEmails.has(email)) errors.push(`An athlete with ${email} is already on your roster.`);
      const firstLine = seenInFile.get(email);
      if (firstLine) errors.push(`${email} is already on line ${firstLine} of this file.`);
      else seenInFile.set(email, line);
    }
    return { line, raw, input: errors.length === 0 && result.success ? result.data : null, errors };
  });
  return { rows, fileErrors: [] };
}

export function rosterEmails(text: string): string[] {
  const { rows } = parseRosterCsv(text);
  return rows.map((r) => r.raw.email?.toLowerCase()).filter((e): e is string => Boolean(e));
}
