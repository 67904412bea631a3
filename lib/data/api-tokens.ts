import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiTokens, clinics, users, userTwoFactor } from "@/db/schema";
import type { TrainerScope } from "@/lib/auth/scope";
import { notFound } from "@/lib/errors";
import type { ApiTokenInput } from "@/lib/validation/api-tokens";
import { writeAudit } from "./audit";

/**
 * Personal API tokens of trainers. The token is random (32 bytes), shown once, and stored only as
 * its sha-256: a leaked table cannot be replayed. A token acts as its trainer within the clinic,
 * read-only or read-write, until it expires or is revoked, and stops working when the trainer's
 * account is archived.
 */
const PREFIX = "stc_";
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export type TokenScope = { scope: TrainerScope; readOnly: boolean };

export async function createApiToken(scope: TrainerScope, input: ApiTokenInput): Promise<{ token: string; id: string }> {
  const token = PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ clinicId: scope.clinicId, userId: scope.userId, name: input.name, tokenHash: hash(token), prefix: token.slice(0, 10), scope: input.scope, expiresAt })
      .returning({ id: apiTokens.id });
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "api_token.created", entity: "api_token", entityId: row!.id, after: { name: input.name, scope: input.scope, expiresAt } });
    return { token, id: row!.id };
  });
}

export type ApiTokenRow = { status: "active" | "expired" | "revoked"; id: string; name: string; prefix: string; scope: "read" | "write"; expiresAt: Date; lastUsedAt: Date | null; revokedAt: Date | null; createdAt: Date };

export async function listApiTokens(scope: TrainerScope): Promise<ApiTokenRow[]> {
  const now = Date.now();
  const rows = await getDb()
    .select({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, scope: apiTokens.scope, expiresAt: apiTokens.expiresAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt, createdAt: apiTokens.createdAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.clinicId, scope.clinicId), eq(apiTokens.userId, scope.userId)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((r) => ({ ...r, status: r.revokedAt ? "revoked" : r.expiresAt.getTime() < now ? "expired" : "active" }));
}

export async function revokeApiToken(scope: TrainerScope, id: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.clinicId, scope.clinicId), eq(apiTokens.userId, scope.userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name });
    if (!row) throw notFound("Token");
    await writeAudit(tx, { clinicId: scope.clinicId, actorId: scope.userId, action: "api_token.revoked", entity: "api_token", entityId: row.id, before: { name: row.name } });
  });
}

/** The trainer a bearer token acts as, or null for an unknown, expired or revoked token. */
export async function scopeFromApiToken(token: string): Promise<TokenScope | null> {
  if (!token.startsWith(PREFIX) || token.length > 100) return null;
  const db = getDb();
  const [row] = await db
    .select({
      id: apiTokens.id,
      clinicId: apiTokens.clinicId,
      userId: apiTokens.userId,
      scope: apiTokens.scope,
      role: users.role,
      lastUsedAt: apiTokens.lastUsedAt,
      // the clinic requires two-factor sign-in and the token's trainer has not set it up
      mustEnrol: sql<boolean>`${clinics.requireTwoFactor} and ${userTwoFactor.userId} is null`,
    })
    .from(apiTokens)
    .innerJoin(users, and(eq(users.id, apiTokens.userId), eq(users.clinicId, apiTokens.clinicId)))
    .innerJoin(clinics, eq(clinics.id, apiTokens.clinicId))
    .leftJoin(userTwoFactor, and(eq(userTwoFactor.userId, users.id), isNotNull(userTwoFactor.enabledAt)))
    .where(and(eq(apiTokens.tokenHash, hash(token)), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, new Date()), isNull(users.archivedAt)));
  if (!row || row.role === "athlete" || row.mustEnrol) return null;
  // last use to the minute is enough, and spares a write per request
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.id));
  }
  return { scope: { userId: row.userId, clinicId: row.clinicId, role: row.role }, readOnly: row.scope === "read" };
}
