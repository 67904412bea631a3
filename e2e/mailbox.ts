import { existsSync, readFileSync } from "node:fs";
import { expect } from "@playwright/test";
import { linkIn, type SunkMail } from "../scripts/mail-sink";
import { mailboxFile } from "./mailbox-file";

/** The messages the e2e server's SMTP sink has received so far. */
export function receivedMail(): SunkMail[] {
  const file = mailboxFile(process.env.E2E_PORT ?? "3211");
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as SunkMail);
}

/** Waits (polling) for the `nth` message to `to` whose subject matches, and returns it. */
export async function waitForMail(to: string, subject: RegExp, nth = 1): Promise<SunkMail> {
  let found: SunkMail | undefined;
  await expect
    .poll(() => {
      found = receivedMail().filter((m) => m.to.includes(to) && subject.test(m.subject))[nth - 1];
      return found !== undefined;
    }, { message: `mail to ${to} matching ${subject}`, timeout: 30_000 })
    .toBe(true);
  return found!;
}

/** The path (and query) of the first link in a message that goes to `prefix` on the app. */
export function appPathIn(mail: SunkMail, prefix: string): string {
  const link = linkIn(mail.text, "http");
  expect(link, `a link in: ${mail.text}`).toBeTruthy();
  const url = new URL(link!);
  expect(url.pathname.startsWith(prefix), `${url.pathname} starts with ${prefix}`).toBe(true);
  return url.pathname + url.search;
}

/** Every path on the app to `prefix` in the messages to `to`, newest message first. */
function pathsTo(to: string, prefix: string): string[] {
  return receivedMail()
    .filter((m) => m.to.includes(to))
    .reverse()
    .flatMap((m) => m.text.split(/\s+/).filter((w) => w.startsWith("http")))
    .map((link) => {
      const url = new URL(link);
      return url.pathname + url.search;
    })
    .filter((p) => p.startsWith(prefix));
}

/**
 * Polls the mail to `to` until the newest link to `prefix` satisfies `ok` (say, "this invitation
 * link works"), and returns its path. The mail worker sends shortly after the action commits, so
 * the newest message may still be an older one: `ok` tells the one this test is waiting for.
 */
export async function waitForLink(to: string, prefix: string, ok: (path: string) => Promise<boolean> = async () => true): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(async () => {
      const newest = pathsTo(to, prefix)[0];
      found = newest && (await ok(newest)) ? newest : undefined;
      return found !== undefined;
    }, { message: `a working ${prefix} link in the mail to ${to}`, timeout: 30_000 })
    .toBe(true);
  return found!;
}

/** The last path segment: the token of an /invite/…, /reset-password/… or /sign-up/confirm/… link. */
export const tokenOf = (path: string) => decodeURIComponent(path.split("?")[0]!.split("/").at(-1)!);
