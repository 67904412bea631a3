import { z } from "zod";
import { getScope } from "@/lib/auth/guards";
import { isTrainerScope } from "@/lib/auth/scope";
import { getReferralSummary } from "@/lib/data/referral";
import { isAppError } from "@/lib/errors";
import { renderReferralPdf } from "@/lib/pdf/referral-pdf";

export const dynamic = "force-dynamic";

const notFound = () => Response.json({ error: { message: "Not found." } }, { status: 404 });

/**
 * The one-page referral summary of one athlete as a PDF (issue 20 item 8), for a trainer of the
 * athlete's clinic: it holds staff-only facts (the injury episode, alert reasons). The athlete
 * themselves, another clinic's trainer, a malformed or unknown id: not found.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ athleteId: string }> }) {
  const scope = await getScope();
  if (!scope) return Response.json({ error: { message: "Please sign in." } }, { status: 401 });
  if (!isTrainerScope(scope)) return notFound();
  const { athleteId } = await params;
  if (!z.uuid().safeParse(athleteId).success) return notFound();
  try {
    const summary = await getReferralSummary(scope, athleteId);
    const pdf = await renderReferralPdf(summary);
    const slug = summary.athlete.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "athlete";
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="referral-summary-${slug}-${summary.generatedOn}.pdf"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    if (isAppError(err) && err.code === "not_found") return notFound();
    throw err;
  }
}
