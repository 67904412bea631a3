import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

/**
 * How a queued message leaves (lib/data/mail-delivery.ts sends the outbox through one of these).
 * SMTP_URL set: nodemailer over SMTP. Unset (the demo): nothing leaves; the message stays in the
 * clinic's outbox, which the owner reads in Settings, and its text goes to the server log.
 */
export type OutgoingMail = { messageId: string; to: string; subject: string; text: string };

export interface MailTransport {
  readonly name: "smtp" | "outbox";
  send(message: OutgoingMail): Promise<void>;
}

export const outboxOnlyTransport: MailTransport = {
  name: "outbox",
  async send(message) {
    console.info(`[mail] to=${message.to} subject=${JSON.stringify(message.subject)} (no SMTP_URL: kept in the clinic's outbox, not sent)\n${message.text}`);
  },
};

export function smtpTransport(url: string, from: string): MailTransport {
  // nodemailer reads host, port, TLS and the login from the URL (add ?pool=true to keep connections)
  const transporter = nodemailer.createTransport(url, { from });
  return {
    name: "smtp",
    async send(message) {
      // the Message-ID is the outbox row's, so a message sent again after a crash between "sent"
      // and "marked sent" carries the same id, which mail servers and clients treat as one message
      await transporter.sendMail({ messageId: message.messageId, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

let cached: { key: string; transport: MailTransport } | undefined;

export function mailTransport(): MailTransport {
  const { SMTP_URL, MAIL_FROM } = env();
  const key = `${SMTP_URL ?? ""}|${MAIL_FROM}`;
  if (cached?.key !== key) cached = { key, transport: SMTP_URL ? smtpTransport(SMTP_URL, MAIL_FROM) : outboxOnlyTransport };
  return cached.transport;
}

/**
 * Listeners the job worker registers: told after a transaction that queued mail commits. On
 * globalThis: instrumentation.ts (which starts the worker) and the routes are separate bundles,
 * each with its own copy of this module.
 */
const globalForMail = globalThis as unknown as { strideMailWakers?: Set<() => void> };
const wakers = (globalForMail.strideMailWakers ??= new Set<() => void>());

export function onMailQueued(listener: () => void): () => void {
  wakers.add(listener);
  return () => wakers.delete(listener);
}

/** Called by lib/data after commit; without a worker in this process, the next poll sends it. */
export function mailQueued(): void {
  for (const wake of wakers) wake();
}
