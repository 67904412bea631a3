import "server-only";
import { getDb } from "@/db/client";
import type { TrainerScope } from "@/lib/auth/scope";
import { conflict, isUniqueViolation } from "@/lib/errors";
import { parseRosterCsv, rosterEmails, type RosterCsvResult } from "@/lib/import/roster-csv";
import { existingAthleteEmails, insertAthlete } from "./athletes";

export const MAX_ROSTER_FILE_BYTES = 1024 * 1024;

/** The preview: every row with its errors, checked against the clinic's current roster. */
export async function previewRosterImport(scope: TrainerScope, text: string): Promise<RosterCsvResult> {
  const existing = await existingAthleteEmails(scope, rosterEmails(text));
  return parseRosterCsv(text, existing);
}

/** Imports exactly the valid rows, all in one transaction: either every valid row lands or none. */
export async function importRoster(scope: TrainerScope, text: string): Promise<{ imported: number; skipped: number }> {
  const preview = await previewRosterImport(scope, text);
  const valid = preview.rows.filter((r) => r.input);
  try {
    await getDb().transaction(async (tx) => {
      for (const row of valid) await insertAthlete(tx, scope, row.input!);
    });
  } catch (err) {
    // an athlete with one of these emails was added between preview and import
    if (isUniqueViolation(err)) throw conflict("The roster changed while you were importing. Upload the file again to see the current preview.");
    throw err;
  }
  return { imported: valid.length, skipped: preview.rows.length - valid.length };
}
