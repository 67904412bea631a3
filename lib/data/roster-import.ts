import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { TrainerScope } from "@/lib/auth/scope";
import { conflict, isUniqueViolation } from "@/lib/errors";
import { parseRosterCsv, rosterEmails, type RosterCsvResult } from "@/lib/import/roster-csv";
import { existingAthleteEmails, insertAthlete } from "./athletes";
import { writeAudit } from "./audit";

export const MAX_ROSTER_FILE_BYTES = 1024 * 1024;

/** The preview: every row with its errors, checked against the clinic's current roster. */
export async function previewRosterImport(scope: TrainerScope, text: string): Promise<RosterCsvResult> {
  const existing = await existingAthleteEmails(scope, rosterEmails(text));
  return parseRosterCsv(text, existing);
}

/**
 * Imports exactly the valid rows, all in one transaction: either every valid row lands or none.
 * `importId` comes from the preview; importing the same preview twice imports it once.
 */
export async function importRoster(scope: TrainerScope, text: string, importId: string): Promise<{ imported: number; skipped: number }> {
  const preview = await previewRosterImport(scope, text);
  const valid = preview.rows.filter((r) => r.input);
  try {
    const done = await getDb().transaction(async (tx) => {
      // two concurrent submits of one preview queue here; the second sees the first's audit row
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${importId}))`);
      const [already] = await tx
        .select({ after: auditLog.after })
        .from(auditLog)
        .where(and(eq(auditLog.clinicId, scope.clinicId), eq(auditLog.action, "roster.imported"), eq(auditLog.entityId, importId)));
      if (already) return already.after as { imported: number; skipped: number };
      for (const row of valid) await insertAthlete(tx, scope, row.input!);
      const result = { imported: valid.length, skipped: preview.rows.length - valid.length };
      await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "roster.imported", entity: "roster_import", entityId: importId, after: result });
      return result;
    });
    return done;
  } catch (err) {
    // an athlete with one of these emails was added between preview and import
    if (isUniqueViolation(err)) throw conflict("The roster changed while you were importing. Upload the file again to see the current preview.");
    throw err;
  }
}
