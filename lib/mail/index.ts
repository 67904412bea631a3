import "server-only";

/**
 * Outgoing mail. Only a log transport for now: invitation links are shown to the trainer to copy.
 * An SMTP transport implements the same interface and is chosen here by environment.
 */
export type MailMessage = { to: string; subject: string; text: string };

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

export const logTransport: MailTransport = {
  async send(message) {
    console.info(`[mail] to=${message.to} subject=${JSON.stringify(message.subject)} (log transport: not sent)`);
  },
};

export function mailer(): MailTransport {
  return logTransport;
}
