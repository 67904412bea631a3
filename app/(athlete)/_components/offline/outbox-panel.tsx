"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { OUTBOX_CHANGED, outboxStore, sendWaiting, warmOfflinePages } from "@/lib/offline/outbox";
import { markWaiting, removeReport, reportsOf, type QueuedReport, waitingWords } from "@/lib/offline/queue";

const RETRY_MS = 30_000;

const subscribeOnline = (onChange: () => void) => {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
};

/**
 * What is still on the phone: "2 reports waiting to send", sent by themselves when the connection
 * returns (and every 30 s while any wait), and each report the server refused, with its reason,
 * to send again or discard. Nothing leaves the outbox without the server storing it or the athlete
 * discarding it.
 */
export function OutboxPanel({ userId }: { userId: string }) {
  const router = useRouter();
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
  const [reports, setReports] = useState<QueuedReport[] | null>(null);

  const reload = useCallback(async () => setReports(reportsOf(await outboxStore.read(), userId)), [userId]);

  const send = useCallback(async () => {
    if (!navigator.onLine) return;
    const result = await sendWaiting(userId);
    await reload();
    // the pages show what the server now holds (Today's check-in, ticks, this week's runs)
    if (result.stored > 0) {
      router.refresh();
      warmOfflinePages(true);
    }
  }, [userId, reload, router]);

  useEffect(() => {
    const onChange = () => void reload();
    window.addEventListener(OUTBOX_CHANGED, onChange);
    window.addEventListener("online", send);
    void outboxStore
      .read()
      .then((list) => setReports(reportsOf(list, userId)))
      .then(send);
    warmOfflinePages();
    return () => {
      window.removeEventListener(OUTBOX_CHANGED, onChange);
      window.removeEventListener("online", send);
    };
  }, [reload, send, userId]);

  const waiting = reports?.filter((r) => r.status === "waiting") ?? [];
  const refused = reports?.filter((r) => r.status === "refused") ?? [];

  useEffect(() => {
    if (!waiting.length || !online) return;
    const timer = window.setInterval(send, RETRY_MS);
    return () => window.clearInterval(timer);
  }, [waiting.length, online, send]);

  if (!online && !reports?.length) {
    return (
      <p role="status" className="mb-4 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800">
        No signal. You can still check in, log and tick exercises: reports wait on this phone until you are back online.
      </p>
    );
  }
  if (!reports?.length) return null;
  return (
    <section aria-label="Reports on this phone" className="mb-4 flex flex-col gap-2">
      {waiting.length ? (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p className="font-semibold">{waitingWords(waiting.length)}</p>
          <p>{online ? "Sending…" : "No signal: they will be sent when you are back online."}</p>
          <ul className="mt-1 list-disc pl-5">
            {waiting.map((r) => (
              <li key={r.id}>{r.label}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {refused.map((r) => (
        <div key={r.id} className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          <p className="font-semibold">Not saved: {r.label}</p>
          <p>The server refused it: {r.refusal?.message}</p>
          <div className="mt-2 flex gap-3">
            <button type="button" aria-label={`Send again: ${r.label}`} className="font-semibold underline" onClick={() => void outboxStore.update((list) => markWaiting(list, r.id)).then(send)}>
              Send again
            </button>
            <button type="button" aria-label={`Discard: ${r.label}`} className="font-semibold underline" onClick={() => void outboxStore.update((list) => removeReport(list, r.id))}>
              Discard
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
