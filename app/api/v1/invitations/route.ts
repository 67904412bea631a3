import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { createAthleteInvite, createTrainerInvite } from "@/lib/data/invites";
import { errorResponse as errorSchema, invitationResponse } from "@/lib/validation/api-responses";
import { invitationBodySchema } from "@/lib/validation/invitations";

export const dynamic = "force-dynamic";

/**
 * 202: the invitation is queued for email. The answer is the same whether or not the address
 * already has an account (that person gets an email saying so instead of a link), so it tells the
 * caller nothing about who has signed up. Not idempotent: the data layer takes no clientId, and a
 * repeated call sends a new link and revokes the earlier one (as pressing Invite again does).
 */
export const POST = apiRoute(
  {
    role: "trainer",
    summary: "Email an invitation: an athlete of the clinic at their profile's email, or (owner only) a trainer by name and email. The link is never in the answer.",
    body: invitationBodySchema,
    status: 202,
    response: invitationResponse,
    errorResponses: {
      403: { description: "A cross-site write with a session cookie, a read-only token writing, or a trainer who is not the owner inviting a trainer", schema: errorSchema },
      409: { description: "The athlete already has a login, is archived, or has no email address yet; the message says which", schema: errorSchema },
      429: { description: "The clinic has sent this address 10 invitations in 24 hours, or 200 invitations in the last hour", schema: errorSchema },
    },
  },
  async ({ scope, body }) => {
    const created = body.role === "athlete" ? await createAthleteInvite(scope, body.athleteId) : await createTrainerInvite(scope, { name: body.name, email: body.email });
    return { role: body.role, email: created.email, expiresAt: created.expiresAt.toISOString() } satisfies z.input<typeof invitationResponse>;
  },
);
