import { z } from "zod";
import { trainerInviteSchema } from "./accounts";

/**
 * POST /api/v1/invitations: the same two invitations the pages send. An athlete of the clinic is
 * invited at the email on their profile (the athlete page's Invite); a trainer by name and email,
 * by the owner only (Settings). The link is only ever emailed, never part of the answer.
 */
export const invitationBodySchema = z.discriminatedUnion(
  "role",
  [
    z.object({ role: z.literal("athlete"), athleteId: z.uuid({ error: "athleteId must be an athlete's id." }) }).strict(),
    trainerInviteSchema.extend({ role: z.literal("trainer") }).strict(),
  ],
  { error: "role must be athlete (with athleteId) or trainer (with name and email)." },
);
export type InvitationBody = z.infer<typeof invitationBodySchema>;
