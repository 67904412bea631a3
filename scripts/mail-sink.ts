/**
 * A real SMTP server for tests (smtp-server), keeping every message it receives as parsed by
 * mailparser. The e2e server (scripts/e2e-server.ts) runs one and appends each message to a JSON
 * lines file the specs read; integration tests run one in-process.
 */
import { appendFileSync, mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SunkMail = { to: string[]; subject: string; text: string; messageId: string; receivedAt: string };

export type MailSink = { port: number; url: string; messages: SunkMail[]; close: () => Promise<void> };

/**
 * `refuse(address)` returning true answers 550 for that recipient (a mailbox that does not exist);
 * `failOnce(address)` answers 451 (try again later) the first time that recipient is offered.
 */
export async function startMailSink(options: { port?: number; file?: string; refuse?: (to: string) => boolean; failOnce?: (to: string) => boolean } = {}): Promise<MailSink> {
  const messages: SunkMail[] = [];
  const failedOnce = new Set<string>();
  // on PostgreSQL a fresh clone has no .data folder yet (PGlite would have made it)
  if (options.file) mkdirSync(path.dirname(options.file), { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    // plain SMTP on loopback: no certificate to make, and nodemailer does not try to upgrade
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address)) {
        const err = Object.assign(new Error("No such mailbox"), { responseCode: 550 });
        return callback(err);
      }
      if (options.failOnce?.(address.address) && !failedOnce.has(address.address)) {
        failedOnce.add(address.address);
        return callback(Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: SunkMail = {
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            messageId: parsed.messageId ?? "",
            receivedAt: new Date().toISOString(),
          };
          messages.push(mail);
          if (options.file) appendFileSync(options.file, `${JSON.stringify(mail)}\n`);
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in a message's text that starts with `prefix`. */
export function linkIn(text: string, prefix: string): string | null {
  const found = text.split(/\s+/).find((w) => w.startsWith(prefix));
  return found ?? null;
}
