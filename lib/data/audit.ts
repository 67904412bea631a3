import "server-only";
import type { Db, Tx } from "@/db/client";
import { auditLog } from "@/db/schema";

export type AuditInput = {
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

/**
 * A write of one statement (`write` returns its RETURNING rows) with its audit row: alone when no
 * audit row is due, since one statement is atomic on its own; otherwise in a transaction with the
 * row `audit` describes for what was written. Nothing written (a retried client id), no audit row.
 */
export async function writeAudited<R>(db: Db, audited: boolean, write: (conn: Db | Tx) => Promise<R[]>, audit: (written: R) => AuditInput): Promise<R | undefined> {
  if (!audited) return (await write(db))[0];
  return db.transaction(async (tx) => {
    const [row] = await write(tx);
    if (row !== undefined) await writeAudit(tx, audit(row));
    return row;
  });
}
