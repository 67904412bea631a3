import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { isActivityFileError } from "@/lib/activity-import";
import { parseUpload } from "@/lib/activity-import/upload";
import { isAppError } from "@/lib/errors";
import type { ImportMeta } from "@/lib/validation/activity-import";
import { importActivity, type ActivityView } from "./activities";
import { visibleTo } from "./visibility";

export type ImportOutcome =
  | { fileName: string; ok: true; created: boolean; activity: ActivityView }
  | { fileName: string; ok: false; error: string };

/** Each file on its own: one bad file does not stop the others, and a bad file stores nothing. */
export async function importActivityFiles(scope: Scope, meta: ImportMeta, files: File[]): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const [i, file] of files.entries()) {
    const clientId = meta.clientIds[i]!;
    try {
      const parsed = await parseUpload(file);
      const written = await importActivity(scope, { athleteId: meta.athleteId, clientId, rpe: meta.rpe, painDuring: meta.painDuring, painAfter: meta.painAfter, shoeId: meta.shoeId }, parsed, file.name);
      outcomes.push({ fileName: file.name, ok: true, created: written.created, activity: visibleTo(scope, "activity", written.activity) });
    } catch (err) {
      if (isActivityFileError(err)) outcomes.push({ fileName: file.name, ok: false, error: err.message });
      else if (isAppError(err) && (err.code === "conflict" || err.code === "invalid")) outcomes.push({ fileName: file.name, ok: false, error: err.message });
      else throw err;
    }
  }
  return outcomes;
}
