"use server";

import { revalidatePath } from "next/cache";
import { isAppError } from "@/lib/errors";
import { redirect } from "next/navigation";
import { z } from "zod";
import { athleteAction, type ActionState, isForm, NOT_A_FORM } from "@/lib/auth/action";
import { requireAthlete } from "@/lib/auth/guards";
import { archiveActivity, recordActivity, updateActivity } from "@/lib/data/activities";
import { importActivityFiles, type ImportOutcome } from "@/lib/data/activity-import";
import { recordCheckIn } from "@/lib/data/check-ins";
import { getMe } from "@/lib/data/clinics";
import { archiveExerciseLog, recordExerciseLog } from "@/lib/data/exercise-logs";
import { addShoe, updateShoe } from "@/lib/data/shoes";
import { setUnit } from "@/lib/data/accounts";
import { runValidated } from "@/lib/auth/action";
import { importMetaSchema, MAX_IMPORT_FILES } from "@/lib/validation/activity-import";
import { isActivityFileError } from "@/lib/activity-import";
import { parseUpload } from "@/lib/activity-import/upload";
import { activityFormSchema, checkInFormSchema, exerciseLogFormSchema } from "@/lib/validation/reporting-forms";
import { shoeNameField, shoeSchema } from "@/lib/validation/reporting";

export const saveCheckInAction = athleteAction(checkInFormSchema, async (input, scope) => {
  await recordCheckIn(scope, input);
  revalidatePath("/today");
  redirect("/today?saved=check-in");
});

export const logExerciseAction = athleteAction(exerciseLogFormSchema, async (input, scope) => {
  await recordExerciseLog(scope, input);
  revalidatePath("/today");
});

const idOnly = z.object({ id: z.uuid() });

export const undoExerciseLogAction = athleteAction(idOnly, async ({ id }, scope) => {
  await archiveExerciseLog(scope, id);
  revalidatePath("/today");
  revalidatePath("/history");
});

/** The unit decides how the distance field is read, so the schema is built per athlete. */
export async function saveActivityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const scope = await requireAthlete();
  const me = await getMe(scope);
  const activityId = formData.get("activityId");
  const state = await runValidated(activityFormSchema(me.unit), formData, scope, async (input) => {
    const result =
      typeof activityId === "string" && activityId
        ? await updateActivity(scope, activityId, input)
        : await recordActivity(scope, input);
    return result;
  });
  if (!state.ok) return { ok: false, message: state.message, fieldErrors: state.fieldErrors, values: state.values };
  revalidatePath("/today");
  revalidatePath("/history");
  redirect(activityId ? "/history?saved=activity" : "/today?saved=activity");
}

export const archiveActivityAction = athleteAction(idOnly, async ({ id }, scope) => {
  await archiveActivity(scope, id);
  revalidatePath("/history");
  revalidatePath("/today");
});

export type FilePreview =
  | { fileName: string; ok: true; startTime: string; distanceM: number; distanceSource: "device" | "points"; elapsedSec: number; movingSec: number; laps: { distanceM: number | null; durationSec: number | null }[]; sport: string | null }
  | { fileName: string; ok: false; error: string };

export type ImportActionState = ActionState & { results?: ImportOutcome[]; previews?: FilePreview[] };

async function previewFiles(files: File[]): Promise<FilePreview[]> {
  return Promise.all(
    files.map(async (file): Promise<FilePreview> => {
      try {
        const p = await parseUpload(file);
        return {
          fileName: file.name,
          ok: true,
          startTime: p.startTime.toISOString(),
          distanceM: p.distanceM,
          distanceSource: p.distanceSource,
          elapsedSec: p.elapsedSec,
          movingSec: p.movingSec,
          laps: p.laps.map((l) => ({ distanceM: l.distanceM, durationSec: l.durationSec })),
          sport: p.sport,
        };
      } catch (err) {
        if (isActivityFileError(err)) return { fileName: file.name, ok: false, error: err.message };
        throw err;
      }
    }),
  );
}

/** "preview" reads the files and stores nothing; "save" stores each good file once. */
export async function importFilesAction(_prev: ImportActionState, formData: FormData): Promise<ImportActionState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const scope = await requireAthlete();
  const files = formData.getAll("file").filter((f): f is File => f instanceof File && f.size > 0);
  if (files.length === 0) return { ok: false, message: "Choose one or more FIT, TCX or GPX files.", fieldErrors: { file: ["Choose a file."] } };
  if (files.length > MAX_IMPORT_FILES) return { ok: false, message: `Choose at most ${MAX_IMPORT_FILES} files at once.`, fieldErrors: { file: [`At most ${MAX_IMPORT_FILES} files.`] } };
  if (formData.get("intent") === "preview") {
    const previews = await previewFiles(files);
    return { previews, message: previews.every((p) => !p.ok) ? "None of these files can be imported." : undefined, ok: previews.some((p) => p.ok) ? undefined : false };
  }
  const meta = importMetaSchema.safeParse({
    clientIds: String(formData.get("clientIds") ?? "").split(",").filter(Boolean).slice(0, files.length),
    rpe: formData.get("rpe"),
    painDuring: formData.get("painDuring"),
    painAfter: formData.get("painAfter"),
    shoeId: formData.get("shoeId"),
  });
  if (!meta.success || meta.data.clientIds.length !== files.length) {
    return { ok: false, message: "Please check the effort and pain fields, then try again.", fieldErrors: meta.success ? undefined : Object.fromEntries(meta.error.issues.map((i) => [String(i.path[0]), [i.message]])) };
  }
  let results: Awaited<ReturnType<typeof importActivityFiles>>;
  try {
    results = await importActivityFiles(scope, meta.data, files);
  } catch (err) {
    // a shoe that is not the athlete's (or retired) concerns every file: say so, store nothing
    if (isAppError(err)) return { ok: false, message: err.message, fieldErrors: err.fieldErrors };
    throw err;
  }
  revalidatePath("/history");
  revalidatePath("/today");
  const stored = results.filter((r) => r.ok).length;
  return { ok: stored > 0, results, message: stored ? `Imported ${stored} of ${results.length} file${results.length === 1 ? "" : "s"}.` : "Nothing was imported." };
}

export const addShoeAction = athleteAction(shoeSchema, async (input, scope) => {
  await addShoe(scope, input);
  revalidatePath("/shoes");
});

const shoeUpdate = z.object({
  id: z.uuid(),
  name: shoeNameField.optional(),
  retired: z.enum(["yes", "no"]).optional(),
});

export const updateShoeAction = athleteAction(shoeUpdate, async ({ id, name, retired }, scope) => {
  await updateShoe(scope, id, { name, retired: retired === undefined ? undefined : retired === "yes" });
  revalidatePath("/shoes");
});

export const setUnitAction = athleteAction(z.object({ unit: z.enum(["km", "mi"], { error: "Choose km or mi." }) }), async ({ unit }, scope) => {
  await setUnit(scope, unit);
  revalidatePath("/", "layout");
});
