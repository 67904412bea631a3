import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outbox } from "@/db/schema";
import { linkIn } from "@/scripts/mail-sink";

/** The messages queued for `to`, newest first (kind, subject, body), as the outbox holds them before sending. */
export async function queuedMail(to: string) {
  return getDb()
    .select({ kind: outbox.kind, subject: outbox.subject, body: outbox.body, clinicId: outbox.clinicId })
    .from(outbox)
    .where(eq(outbox.toAddress, to))
    .orderBy(desc(outbox.createdAt), desc(outbox.id));
}

/** The token of the newest message to `to` whose link goes to /<path>/…: what the person would click. */
export async function queuedToken(to: string, path: string): Promise<string> {
  for (const m of await queuedMail(to)) {
    const link = linkIn(m.body ?? "", "http");
    if (link?.includes(`/${path}/`)) return link.split(`/${path}/`)[1]!;
  }
  throw new Error(`no queued /${path}/ link to ${to}`);
}
