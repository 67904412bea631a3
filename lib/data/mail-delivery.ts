import "server-only";
import { and, eq, lte, or, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { outbox, type OutboxRow } from "@/db/schema";
import { type MailTransport } from "@/lib/mail";
import { afterFailedSend, CLAIM_LEASE_MS } from "@/lib/mail/retry";
import { writeAudit } from "./audit";

/**
 * Sends the outbox. Each message is claimed in a transaction of its own (FOR UPDATE SKIP LOCKED,
 * status → sending, attempts + 1) and committed before it is sent, so two workers (or a job and
 * its retry) never hold one message at once, and a message marked sent is never picked again.
 *
 * The one window left: the mail server accepted the message but marking it sent failed (the
 * database went away, the process died). Marking is retried a few times at once; if it still
 * fails, the row stays `sending` and is taken again when its claim lease (10 minutes) runs out.
 * It is then sent a second time, with the same Message-ID (the row's id), which mail servers and
 * clients treat as one message. Losing a password reset link is worse than that duplicate.
 */
export type DeliveryReport = { sent: number; retrying: number; failed: number };

const messageId = (row: Pick<OutboxRow, "id">) => `<${row.id}@outbox.stride-clinic>`;

async function claimNext(db: Db, now: Date): Promise<OutboxRow | null> {
  return db.transaction(async (tx) => {
    const leaseEnded = new Date(now.getTime() - CLAIM_LEASE_MS);
    const [due] = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(or(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now)), and(eq(outbox.status, "sending"), lte(outbox.claimedAt, leaseEnded))))
      .orderBy(outbox.nextAttemptAt)
      .limit(1)
      .for("update", { skipLocked: true });
    if (!due) return null;
    const [claimed] = await tx
      .update(outbox)
      .set({ status: "sending", claimedAt: now, attempts: sql`${outbox.attempts} + 1` })
      .where(eq(outbox.id, due.id))
      .returning();
    return claimed ?? null;
  });
}

async function markSent(db: Db, row: OutboxRow, transport: MailTransport): Promise<void> {
  await db.transaction(async (tx) => {
    // a secret link is cleared once the mail server has it; the outbox is where the demo reads it
    const keepBody = !row.secret || transport.name === "outbox";
    await tx
      .update(outbox)
      .set({ status: "sent", sentAt: new Date(), transport: transport.name, lastError: null, ...(keepBody ? {} : { body: null }) })
      .where(and(eq(outbox.id, row.id), eq(outbox.status, "sending")));
    if (row.clinicId) await writeAudit(tx, { clinicId: row.clinicId, actorId: null, action: "mail.sent", entity: "mail", entityId: row.id, after: { kind: row.kind, to: row.toAddress, transport: transport.name, attempt: row.attempts } });
  });
}

async function markFailed(db: Db, row: OutboxRow, err: unknown): Promise<"retrying" | "failed"> {
  const failure = { responseCode: (err as { responseCode?: number })?.responseCode, message: err instanceof Error ? err.message : String(err) };
  const decision = afterFailedSend(row.attempts, failure);
  return db.transaction(async (tx) => {
    if (decision.retry) {
      await tx
        .update(outbox)
        .set({ status: "pending", nextAttemptAt: new Date(Date.now() + decision.afterMs), lastError: failure.message.slice(0, 500) })
        .where(eq(outbox.id, row.id));
      return "retrying" as const;
    }
    await tx.update(outbox).set({ status: "failed", lastError: decision.reason.slice(0, 500) }).where(eq(outbox.id, row.id));
    if (row.clinicId) await writeAudit(tx, { clinicId: row.clinicId, actorId: null, action: "mail.failed", entity: "mail", entityId: row.id, after: { kind: row.kind, to: row.toAddress, reason: decision.reason } });
    return "failed" as const;
  });
}

async function withRetries<T>(what: () => Promise<T>, tries = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await what();
    } catch (err) {
      if (i >= tries) throw err;
      await new Promise((r) => setTimeout(r, 200 * i));
    }
  }
}

/** Sends every message due now (at most `limit`), one at a time. */
export async function deliverPendingMail(transport: MailTransport, options: { limit?: number; signal?: AbortSignal } = {}): Promise<DeliveryReport> {
  const db = getDb();
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  for (let n = 0; n < (options.limit ?? 100) && !options.signal?.aborted; n++) {
    const row = await claimNext(db, new Date());
    if (!row) break;
    try {
      await transport.send({ messageId: messageId(row), to: row.toAddress, subject: row.subject, text: row.body ?? "" });
    } catch (err) {
      report[await withRetries(() => markFailed(db, row, err))]++;
      continue;
    }
    await withRetries(() => markSent(db, row, transport));
    report.sent++;
  }
  return report;
}
