import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { athletes, clinics, invites, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { TrainerScope } from "@/lib/auth/scope";
import { AppError, conflict, invalid, isUniqueViolation, notFound, forbidden } from "@/lib/errors";
import { appUrl } from "@/lib/env";
import { mailQueued } from "@/lib/mail";
import { inviteExistingMail, inviteMail } from "@/lib/mail/messages";
import { writeAudit } from "./audit";
import { queueMail } from "./outbox";

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * An invitation proves the address it goes to: its link is only ever emailed (through the
 * outbox) to that address, never shown to the person who invites, so only the mailbox's owner can
 * accept it. The inviter gets the same answer whether or not the address already has an account;
 * when it has, the email says so (with sign-in and reset links) and the invitation can never be used.
 */
export type CreatedInvite = { expiresAt: Date; email: string; clinicName: string };

const inviteLink = (token: string) => `${appUrl()}/invite/${token}`;
const INVITE_DAYS = INVITE_TTL_MS / 86_400_000;

const needsEmail = () =>
  conflict("Add this athlete's email address first: the invitation is emailed there, and opening it proves the address is theirs.");

/** The message for `to`: the invitation, or (an account already uses the address) why there is none. */
async function inviteMessage(tx: Tx, input: { role: "trainer" | "athlete"; clinicName: string; to: string; token: string }) {
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.to));
  if (taken) return inviteExistingMail({ role: input.role, clinicName: input.clinicName, signInLink: `${appUrl()}/sign-in`, resetLink: `${appUrl()}/forgot-password` });
  return inviteMail({ role: input.role, clinicName: input.clinicName, link: inviteLink(input.token), days: INVITE_DAYS });
}

/**
 * How many invitations one clinic may email: to one address in 24 hours, and in all in an hour. An
 * invitation is an email to an address the inviter typed (or an API token sent), so a stuck script
 * or a stolen token must not be able to flood someone's mailbox. Counted over the clinic's own
 * invitations, so the answer says nothing about other clinics or accounts. Two sends at the same
 * moment may both pass at the limit (a count, not a lock): a bound on flooding, not an exact quota.
 */
export const INVITE_SEND_LIMITS = { perAddressPerDay: 10, perClinicPerHour: 200 } as const;

async function checkSendRate(tx: Tx, clinicId: string, email: string): Promise<void> {
  const [row] = await tx
    .select({
      toAddress: sql<number>`(count(*) filter (where lower(${invites.email}) = ${email.toLowerCase()}))::int`,
      lastHour: sql<number>`(count(*) filter (where ${invites.createdAt} > now() - interval '1 hour'))::int`,
    })
    .from(invites)
    .where(and(eq(invites.clinicId, clinicId), gt(invites.createdAt, sql`now() - interval '24 hours'`)));
  if (Number(row?.toAddress ?? 0) >= INVITE_SEND_LIMITS.perAddressPerDay) {
    throw new AppError("rate_limited", `This address has been sent ${INVITE_SEND_LIMITS.perAddressPerDay} invitations in the last 24 hours. Check the address with the person, then try again tomorrow.`);
  }
  if (Number(row?.lastHour ?? 0) >= INVITE_SEND_LIMITS.perClinicPerHour) {
    throw new AppError("rate_limited", `Your clinic has sent ${INVITE_SEND_LIMITS.perClinicPerHour} invitations in the last hour. Try again in an hour.`);
  }
}

/** A one-time link emailed to the athlete; a new link revokes any earlier unused one. */
export async function createAthleteInvite(scope: TrainerScope, athleteId: string): Promise<CreatedInvite> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
  const created = await getDb().transaction(async (tx) => {
    const [athlete] = await tx
      .select({ id: athletes.id, userId: athletes.userId, email: athletes.email, name: athletes.name, status: athletes.status })
      .from(athletes)
      .where(and(eq(athletes.id, athleteId), eq(athletes.clinicId, scope.clinicId)));
    if (!athlete) throw notFound("Athlete");
    if (athlete.userId) throw conflict("This athlete already has a login.");
    if (athlete.status === "archived") throw conflict("Restore this athlete before inviting them.");
    if (!athlete.email) throw needsEmail();
    const email = athlete.email.toLowerCase();
    await checkSendRate(tx, scope.clinicId, email);
    await tx
      .update(invites)
      .set({ revokedAt: new Date() })
      .where(and(eq(invites.clinicId, scope.clinicId), eq(invites.athleteId, athleteId), isNull(invites.usedAt), isNull(invites.revokedAt)));
    const [row] = await tx
      .insert(invites)
      .values({ clinicId: scope.clinicId, tokenHash: hashToken(token), role: "athlete", athleteId, email, name: athlete.name, createdBy: scope.userId, expiresAt })
      .returning({ id: invites.id });
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "invite.created", entity: "athlete", entityId: athleteId, after: { inviteId: row!.id, expiresAt } });
    const [clinic] = await tx.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, scope.clinicId));
    const mail = await inviteMessage(tx, { role: "athlete", clinicName: clinic!.name, to: email, token });
    await queueMail(tx, { ...mail, clinicId: scope.clinicId, key: `invite:${row!.id}`, kind: "invite", to: email, secret: true, actorId: scope.userId });
    return { expiresAt, email, clinicName: clinic!.name };
  });
  mailQueued();
  return created;
}

/** Only the owner invites trainers. */
export async function createTrainerInvite(scope: TrainerScope, input: { name: string; email: string }): Promise<CreatedInvite> {
  if (scope.role !== "owner") throw forbidden("Only the clinic owner can invite trainers.");
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITE_TTL_MS);
  const created = await getDb().transaction(async (tx) => {
    await checkSendRate(tx, scope.clinicId, input.email);
    await tx
      .update(invites)
      .set({ revokedAt: new Date() })
      .where(and(eq(invites.clinicId, scope.clinicId), eq(invites.role, "trainer"), eq(invites.email, input.email), isNull(invites.usedAt), isNull(invites.revokedAt)));
    // written whether or not the address has an account, so the owner's list of pending invitations says nothing either
    const [row] = await tx
      .insert(invites)
      .values({ clinicId: scope.clinicId, tokenHash: hashToken(token), role: "trainer", email: input.email, name: input.name, createdBy: scope.userId, expiresAt })
      .returning({ id: invites.id });
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "invite.created", entity: "user", after: { inviteId: row!.id, role: "trainer", email: input.email } });
    const [clinic] = await tx.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, scope.clinicId));
    const mail = await inviteMessage(tx, { role: "trainer", clinicName: clinic!.name, to: input.email, token });
    await queueMail(tx, { ...mail, clinicId: scope.clinicId, key: `invite:${row!.id}`, kind: "invite", to: input.email, secret: true, actorId: scope.userId });
    return { expiresAt, email: input.email, clinicName: clinic!.name };
  });
  mailQueued();
  return created;
}

export type InviteDetails = { role: "trainer" | "athlete"; name: string | null; email: string; clinicName: string };

/** What the invitation page shows; null when the link is unknown, used, revoked or expired. */
export async function getInvite(token: string): Promise<InviteDetails | null> {
  const [row] = await getDb()
    .select({ role: invites.role, name: invites.name, email: invites.email, clinicName: clinics.name })
    .from(invites)
    .innerJoin(clinics, eq(clinics.id, invites.clinicId))
    .where(and(eq(invites.tokenHash, hashToken(token)), isNull(invites.usedAt), isNull(invites.revokedAt), gt(invites.expiresAt, new Date())));
  if (!row || row.role === "owner" || !row.email) return null;
  return { role: row.role, name: row.name, email: row.email, clinicName: row.clinicName };
}

export type AcceptedInvite = { email: string; role: "trainer" | "athlete" };

const deadLink = () => invalid("This invitation link is no longer valid. Ask your trainer for a new one.");

/** Sets the password and binds the login; the token is spent in the same transaction. */
export async function acceptInvite(input: { token: string; password: string }): Promise<AcceptedInvite> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await getDb().transaction(async (tx) => {
      const [inv] = await tx
        .select()
        .from(invites)
        .where(and(eq(invites.tokenHash, hashToken(input.token)), isNull(invites.usedAt), isNull(invites.revokedAt), gt(invites.expiresAt, new Date())))
        .for("update");
      // an invitation without an address (made before invitations were emailed) proves nothing: dead
      if (!inv || inv.role === "owner" || !inv.email) throw deadLink();
      const email = inv.email.toLowerCase();
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (taken) throw conflict("An account with this email already exists. Sign in instead.", { email: ["An account with this email already exists."] });

      let name = inv.name ?? email;
      if (inv.role === "athlete") {
        const [a] = await tx
          .select({ id: athletes.id, userId: athletes.userId, name: athletes.name })
          .from(athletes)
          .where(and(eq(athletes.id, inv.athleteId!), eq(athletes.clinicId, inv.clinicId)));
        if (!a || a.userId) throw deadLink();
        name = a.name;
      }
      const [user] = await tx
        .insert(users)
        .values({ clinicId: inv.clinicId, email, name, passwordHash, role: inv.role })
        .returning({ id: users.id });
      if (inv.role === "athlete") {
        await tx
          .update(athletes)
          .set({ userId: user!.id, email, updatedAt: new Date() })
          .where(and(eq(athletes.id, inv.athleteId!), eq(athletes.clinicId, inv.clinicId)));
      }
      await tx.update(invites).set({ usedAt: new Date() }).where(eq(invites.id, inv.id));
      await writeAudit(tx, { clinicId: inv.clinicId, actorId: user!.id, action: "invite.accepted", entity: inv.role === "athlete" ? "athlete" : "user", entityId: inv.athleteId ?? user!.id, after: { role: inv.role, email } });
      return { email, role: inv.role };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict("An account with this email already exists. Sign in instead.", { email: ["An account with this email already exists."] });
    throw err;
  }
}

export type PendingInvite = { id: string; role: "trainer" | "athlete"; name: string | null; email: string | null; expiresAt: Date };

export async function listPendingTrainerInvites(scope: TrainerScope): Promise<PendingInvite[]> {
  if (scope.role !== "owner") return [];
  const rows = await getDb()
    .select({ id: invites.id, role: invites.role, name: invites.name, email: invites.email, expiresAt: invites.expiresAt })
    .from(invites)
    .where(and(eq(invites.clinicId, scope.clinicId), eq(invites.role, "trainer"), isNull(invites.usedAt), isNull(invites.revokedAt), gt(invites.expiresAt, new Date())));
  return rows as PendingInvite[];
}

export async function getAthleteInviteStatus(scope: TrainerScope, athleteId: string): Promise<{ pendingUntil: Date | null }> {
  const [row] = await getDb()
    .select({ expiresAt: invites.expiresAt })
    .from(invites)
    .where(and(eq(invites.clinicId, scope.clinicId), eq(invites.athleteId, athleteId), isNull(invites.usedAt), isNull(invites.revokedAt), gt(invites.expiresAt, new Date())));
  return { pendingUntil: row?.expiresAt ?? null };
}
