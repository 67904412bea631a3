"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { trainerAction, type ActionState, isForm, NOT_A_FORM } from "@/lib/auth/action";
import { requireTrainer } from "@/lib/auth/guards";
import { archiveAthlete, createAthlete, restoreAthlete, updateAthlete } from "@/lib/data/athletes";
import { createAthleteInvite } from "@/lib/data/invites";
import { sendAthleteResetLink } from "@/lib/data/password-resets";
import { importRoster, MAX_ROSTER_FILE_BYTES, previewRosterImport } from "@/lib/data/roster-import";
import type { RosterCsvResult } from "@/lib/import/roster-csv";
import { athleteFormSchema, athletePatchFormSchema } from "@/lib/validation/athletes";
import { isAppError } from "@/lib/errors";

const idSchema = z.object({ athleteId: z.uuid() });

export const createAthleteAction = trainerAction(athleteFormSchema, async (input, scope) => {
  const { id } = await createAthlete(scope, input);
  revalidatePath("/athletes");
  redirect(`/athletes/${id}`);
});

export const updateAthleteAction = trainerAction(athletePatchFormSchema.extend(idSchema.shape).strip(), async ({ athleteId, ...patch }, scope) => {
  await updateAthlete(scope, athleteId, patch);
  revalidatePath("/athletes");
  redirect(`/athletes/${athleteId}`);
});

export const archiveAthleteAction = trainerAction(idSchema, async ({ athleteId }, scope) => {
  await archiveAthlete(scope, athleteId);
  revalidatePath("/athletes");
  revalidatePath(`/athletes/${athleteId}`);
});

export const restoreAthleteAction = trainerAction(idSchema, async ({ athleteId }, scope) => {
  await restoreAthlete(scope, athleteId);
  revalidatePath("/athletes");
  revalidatePath(`/athletes/${athleteId}`);
});

export type InviteState = ActionState & { expiresAt?: string };

export async function createInviteAction(_prev: InviteState, formData: FormData): Promise<InviteState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const scope = await requireTrainer();
  const parsed = idSchema.safeParse({ athleteId: formData.get("athleteId") });
  if (!parsed.success) return { ok: false, message: "That athlete was not found." };
  try {
    // the link goes only to the athlete's mailbox: opening it there is what proves the address is theirs
    const { expiresAt, email } = await createAthleteInvite(scope, parsed.data.athleteId);
    return { ok: true, message: `Invitation emailed to ${email}. It works once and expires in 7 days.`, expiresAt: expiresAt.toISOString() };
  } catch (err) {
    if (isAppError(err)) return { ok: false, message: err.message };
    throw err;
  }
}

/** An athlete who already has a login gets a reset link by email (1 hour, once), never shown here. */
export async function sendResetLinkAction(_prev: InviteState, formData: FormData): Promise<InviteState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const scope = await requireTrainer();
  const parsed = idSchema.safeParse({ athleteId: formData.get("athleteId") });
  if (!parsed.success) return { ok: false, message: "That athlete was not found." };
  try {
    const { email } = await sendAthleteResetLink(scope, parsed.data.athleteId);
    return { ok: true, message: `A link to choose a new password was emailed to ${email}. It works once, for an hour.` };
  } catch (err) {
    if (isAppError(err)) return { ok: false, message: err.message };
    throw err;
  }
}

export type ImportState = ActionState & {
  preview?: RosterCsvResult;
  csv?: string;
  fileName?: string;
  importId?: string;
  imported?: number;
  skipped?: number;
};

async function readUpload(formData: FormData): Promise<{ text: string; fileName: string } | { error: string }> {
  const file = formData.get("file");
  const pasted = formData.get("csv");
  if (typeof pasted === "string" && pasted.length > 0) {
    if (pasted.length > MAX_ROSTER_FILE_BYTES) return { error: "The file is larger than 1 MB. Split it into smaller files." };
    return { text: pasted, fileName: String(formData.get("fileName") ?? "roster.csv") };
  }
  if (!(file instanceof File) || file.size === 0) return { error: "Choose a CSV file to upload." };
  if (file.size > MAX_ROSTER_FILE_BYTES) return { error: "The file is larger than 1 MB. Split it into smaller files." };
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), fileName: file.name };
  } catch {
    return { error: "The file is not UTF-8 text. In your spreadsheet, save it as \"CSV UTF-8\"." };
  }
}

export async function previewImportAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const scope = await requireTrainer();
  const upload = await readUpload(formData);
  if ("error" in upload) return { ok: false, message: upload.error };
  const preview = await previewRosterImport(scope, upload.text);
  if (preview.fileErrors.length) return { ok: false, message: preview.fileErrors.join(" ") };
  // the id makes a second click on "Import" (or a retry) a no-op instead of a second copy
  return { ok: true, preview, csv: upload.text, fileName: upload.fileName, importId: crypto.randomUUID() };
}

export async function confirmImportAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  if (!isForm(formData)) return NOT_A_FORM;
  const scope = await requireTrainer();
  const upload = await readUpload(formData);
  if ("error" in upload) return { ok: false, message: upload.error };
  const importId = z.uuid().safeParse(formData.get("importId"));
  if (!importId.success) return { ok: false, message: "Upload the file again to see a fresh preview." };
  try {
    const { imported, skipped } = await importRoster(scope, upload.text, importId.data);
    revalidatePath("/athletes");
    return { ok: true, imported, skipped, message: `Imported ${imported} athlete${imported === 1 ? "" : "s"}${skipped ? `; ${skipped} row${skipped === 1 ? "" : "s"} with errors skipped` : ""}.` };
  } catch (err) {
    if (isAppError(err)) return { ok: false, message: err.message };
    throw err;
  }
}
