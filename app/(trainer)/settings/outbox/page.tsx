import type { Metadata } from "next";
import Link from "next/link";
import { requireOwner } from "@/lib/auth/guards";
import { getClinic } from "@/lib/data/clinics";
import { listOutbox, type OutboxEntry } from "@/lib/data/outbox";

export const metadata: Metadata = { title: "Outbox" };

const STATUS: Record<OutboxEntry["status"], string> = { pending: "Waiting to send", sending: "Sending", sent: "Sent", failed: "Could not be sent" };

export default async function OutboxPage() {
  const scope = await requireOwner();
  const [clinic, entries] = await Promise.all([getClinic(scope), listOutbox(scope)]);
  const when = (d: Date) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: clinic.timeZone }).format(d);
  return (
    <>
      <p className="text-sm">
        <Link href="/settings" className="font-semibold text-brand-700 underline">
          Clinic settings
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Outbox</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        Every email the app sends for this clinic, newest first. Without a mail server configured (the demo), messages stay here and in the server&apos;s log
        instead of being sent. Once a mail server has a message that carried a sign-in link, its text is no longer kept.
      </p>
      {entries.length === 0 ? (
        <p className="mt-6 text-sm">No emails yet.</p>
      ) : (
        <ul className="mt-6 flex flex-col gap-3">
          {entries.map((e) => (
            <li key={e.id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 text-sm">
              <p className="font-semibold break-words">{e.subject}</p>
              <p className="text-slate-700 break-words">
                To {e.to} · {when(e.createdAt)} ·{" "}
                <span className={e.status === "failed" ? "font-semibold text-red-700" : undefined}>
                  {STATUS[e.status]}
                  {e.status === "sent" && e.transport === "outbox" ? " (kept here: no mail server)" : ""}
                  {e.status === "pending" && e.attempts > 0 ? ` (tried ${e.attempts} times; trying again)` : ""}
                </span>
              </p>
              {e.lastError ? <p className="text-red-700 break-words">{e.lastError}</p> : null}
              {e.body ? (
                <details className="mt-2">
                  <summary className="cursor-pointer font-semibold text-brand-700">Read the message</summary>
                  <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-slate-800">{e.body}</pre>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
