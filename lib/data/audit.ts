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
 * A write of one statement (`write` returns its RETURNING rows), its audit row when `audited`, and
 * `then` (the derived state brought up to date, lib/data/derived) in one transaction. Nothing
 * written (a retried client id), no audit row.
 */
export async function writeAudited<R>(
  db: Db,
  audited: boolean,
  write: (conn: Tx) => Promise<R[]>,
  audit: (written: R) => AuditInput,
  then: (tx: Tx, written: R | undefined) => Promise<unknown>,
): Promise<R | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await write(tx);
    if (row !== undefined && audited) await writeAudit(tx, audit(row));
    await then(tx, row);
    return row;
  });
}
