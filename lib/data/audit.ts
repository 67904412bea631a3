import "server-only";
import type { Tx } from "@/db/client";
import { auditLog } from "@/db/schema";

type AuditInput = {
  clinicId: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Written inside the caller's transaction, so a change and its audit row land together. */
export async function writeAudit(tx: Tx, entry: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({
    clinicId: entry.clinicId,
    actorId: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
