import { getScope } from "@/lib/auth/guards";
import { getExercisePhoto } from "@/lib/data/exercise-media";
import { isAppError } from "@/lib/errors";
import { photoParamsSchema } from "@/lib/validation/media";

export const dynamic = "force-dynamic";

const text = (status: number, message: string) =>
  new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "private, no-store", "x-content-type-options": "nosniff" } });

/**
 * An exercise photo, for the staff and athletes of the clinic that uploaded it (the session's
 * clinic is in the lookup; another clinic's photo is simply not found). The address holds the
 * content hash, so the browser may keep it for a year: a new photo has a new address. Private,
 * because it is behind a sign-in. Bytes, not JSON, so it lives outside /api/v1.
 */
export async function GET(_request: Request, context: { params: Promise<{ exerciseId: string; hash: string }> }) {
  const scope = await getScope();
  if (!scope) return text(401, "Please sign in.");
  let raw: unknown;
  try {
    raw = await context.params;
  } catch {
    return text(404, "Not found.");
  }
  const params = photoParamsSchema.safeParse(raw);
  if (!params.success) return text(404, "Not found.");
  try {
    const photo = await getExercisePhoto(scope, params.data.exerciseId, params.data.hash);
    return new Response(new Uint8Array(photo.bytes), {
      headers: {
        "content-type": photo.contentType,
        "content-length": String(photo.bytes.byteLength),
        "cache-control": "private, max-age=31536000, immutable",
        etag: `"${params.data.hash}"`,
        "x-content-type-options": "nosniff",
        "content-disposition": "inline",
        "cross-origin-resource-policy": "same-origin",
      },
    });
  } catch (err) {
    if (isAppError(err) && err.code === "not_found") return text(404, "Not found.");
    console.error("[media] unexpected error", err);
    return text(500, "Something went wrong on our side.");
  }
}
