import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import type { TrainerScope } from "@/lib/auth/scope";
import { env } from "@/lib/env";
import { forbidden } from "@/lib/errors";
import type { ComposedMail } from "@/lib/mail/messages";
import { writeAudit } from "./audit";

/**
 * The outbox: every email is a row, inserted in the transaction of the action that causes it, so
 * a message exists exactly when its cause committed. lib/data/mail-delivery.ts sends the rows.
 * `key` names the cause (`invite:<invite id>`): the same cause queues one message, however often
 * it is retried. `secret` marks a body holding a link that signs someone in; it is cleared once
 * the mail server has it.
 */
export type QueuedMail = ComposedMail & { clinicId: string | null; key: string; kind: string; to: string; secret: boolean; actorId: string | null };

export async function queueMail(tx: Tx, mail: QueuedMail): Promise<string | null> {
  const [row] = await tx
    .insert(outbox)
    .values({ clinicId: mail.clinicId, messageKey: mail.key, kind: mail.kind, toAddress: mail.to, subject: mail.subject, body: mail.text, secret: mail.secret })
    .onConflictDoNothing({ target: outbox.messageKey })
    .returning({ id: outbox.id });
  if (!row) return null;
  // mail to someone of no clinic yet (a sign-up's confirmation) has no clinic audit to go in
  if (mail.clinicId) await writeAudit(tx, { clinicId: mail.clinicId, actorId: mail.actorId, action: "mail.queued", entity: "mail", entityId: row.id, after: { kind: mail.kind, to: mail.to, subject: mail.subject } });
  return row.id;
}

export type OutboxEntry = {
  id: string;
  kind: string;
  to: string;
  subject: string;
  body: string | null;
  status: "pending" | "sending" | "sent" | "failed";
  transport: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

/**
 * The owner's view of the clinic's mail, newest first. With a mail server, the text of a message
 * holding a secret link (an invitation, a reset) is never shown, not even while it waits to be
 * sent: the link must reach only its mailbox, which is what proves the address (and an
 * invitation's text would say whether the address has an account). Without one (the demo) the
 * outbox is the only way the message goes anywhere, so its text is shown.
 */
export async function listOutbox(scope: TrainerScope, limit = 50): Promise<OutboxEntry[]> {
  if (scope.role !== "owner") throw forbidden("Only the clinic owner can read the outbox.");
  const rows = await getDb()
    .select({
      id: outbox.id,
      kind: outbox.kind,
      to: outbox.toAddress,
      subject: outbox.subject,
      body: outbox.body,
      secret: outbox.secret,
      status: outbox.status,
      transport: outbox.transport,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(eq(outbox.clinicId, scope.clinicId))
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
  const mailServer = Boolean(env().SMTP_URL);
  return rows.map(({ secret, ...row }) => ({ ...row, body: secret && mailServer ? null : row.body })) as OutboxEntry[];
}
