import { z } from "zod";
import { apiRoute, jsonError } from "@/lib/api/handler";
import { importOutcomeResponse } from "@/lib/validation/api-responses";
import { importActivityFiles } from "@/lib/data/activity-import";
import { zodFieldErrors } from "@/lib/errors";
import { importMetaSchema, MAX_IMPORT_FILES } from "@/lib/validation/activity-import";
import { MAX_ACTIVITY_FILE_BYTES } from "@/lib/activity-import";

export const dynamic = "force-dynamic";

/**
 * multipart/form-data: `file` (one or more FIT, TCX or GPX files, 10 MB each), `clientId` (one per
 * file, in order), optional `rpe`, `painDuring`, `painAfter`, `shoeId`, `athleteId` (trainers).
 * Answers each file's outcome; 201 when at least one was stored, 422 when none could be.
 */
export const POST = apiRoute(
  {
    role: "any",
    status: 201,
    response: z.object({ results: z.array(importOutcomeResponse) }),
    errorResponses: {
      422: {
        description: "Nothing was imported: a field is invalid (fieldErrors), or no file could be (each file's outcome in results)",
        schema: z.object({ error: z.object({ message: z.string(), fieldErrors: z.record(z.string(), z.array(z.string())).optional() }), results: z.array(importOutcomeResponse).optional() }),
      },
    },
  },
  async ({ scope, request }) => {
    if (!(request.headers.get("content-type") ?? "").includes("multipart/form-data")) {
      return jsonError(415, "Send the files as multipart/form-data with a field named file.");
    }
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > MAX_IMPORT_FILES * MAX_ACTIVITY_FILE_BYTES + 64 * 1024) return jsonError(413, "The upload is too large: at most 10 files of 10 MB each.");
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return jsonError(400, "The upload could not be read as multipart/form-data.");
    }
    const files = form.getAll("file").filter((f): f is File => f instanceof File && f.size > 0);
    if (files.length === 0) return jsonError(422, "Attach at least one FIT, TCX or GPX file in a field named file.", { file: ["Choose a file."] });
    if (files.length > MAX_IMPORT_FILES) return jsonError(422, `Import at most ${MAX_IMPORT_FILES} files at once.`, { file: [`At most ${MAX_IMPORT_FILES} files.`] });
    const meta = importMetaSchema.safeParse({
      athleteId: form.get("athleteId"),
      clientIds: form.getAll("clientId"),
      rpe: form.get("rpe"),
      painDuring: form.get("painDuring"),
      painAfter: form.get("painAfter"),
      shoeId: form.get("shoeId"),
    });
    if (!meta.success) return jsonError(422, "Some fields are not valid. See fieldErrors for each one.", zodFieldErrors(meta.error));
    if (meta.data.clientIds.length !== files.length) return jsonError(422, "Send one clientId for each file.", { clientId: ["One per file."] });
    const results = await importActivityFiles(scope, meta.data, files);
    const stored = results.some((r) => r.ok);
    if (!stored) {
      const reasons = results.map((r) => (r.ok ? "" : `${r.fileName}: ${r.error}`)).filter(Boolean);
      return Response.json({ error: { message: `Nothing was imported. ${reasons.join(" ")}` }, results }, { status: 422 });
    }
    return Response.json({ results }, { status: 201 });
  },
);
