"use client";

import { createStore, get, update } from "idb-keyval";
import { flush, outcomeOf, type FlushResult, type OutboxStore, type QueuedReport, type Transport } from "./queue";
import { OFFLINE_ROUTES, REPORT_ENDPOINTS } from "./routes";

/**
 * The phone's outbox: the queue rules of queue.ts over IndexedDB (idb-keyval: one key, changed in
 * one transaction per step), sent to the JSON API with fetch. Pages hear of changes through a
 * window event; a lock (Web Locks) keeps two tabs from sending at once — the clientId would make a
 * second send harmless anyway.
 */
const KEY = "reports";
let idb: ReturnType<typeof createStore> | null = null;
const db = () => (idb ??= createStore("stride-outbox", "outbox"));

export const OUTBOX_CHANGED = "stride-outbox-changed";

export const outboxStore: OutboxStore = {
  read: async () => (await get<QueuedReport[]>(KEY, db())) ?? [],
  update: async (change) => {
    await update<QueuedReport[]>(KEY, (list) => change(list ?? []), db());
    window.dispatchEvent(new Event(OUTBOX_CHANGED));
  },
};

export const sendReport: Transport = async (report) => {
  let response: Response;
  try {
    response = await fetch(REPORT_ENDPOINTS[report.kind], {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(report.body),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    return { kind: "later" };
  }
  const body: unknown = await response.json().catch(() => null);
  return outcomeOf(response.status, body);
};

let running: Promise<FlushResult> | null = null;

/** Sends what is waiting for this user; one round at a time in this tab, one tab at a time. */
export function sendWaiting(userId: string): Promise<FlushResult> {
  running ??= (async () => {
    try {
      const round = () => flush(outboxStore, userId, sendReport);
      return navigator.locks ? await navigator.locks.request("stride-outbox", round) : await round();
    } finally {
      running = null;
    }
  })();
  return running;
}

/** Asks the service worker to fetch and keep these pages now (only those of OFFLINE_ROUTES are kept). */
function cachePages(paths: string[]): void {
  if (!("serviceWorker" in navigator) || !navigator.onLine) return;
  void navigator.serviceWorker.ready.then((registration) => registration.active?.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: paths } }));
}

/**
 * The page the athlete now sees, kept as the offline copy when it is one of the offline pages: after a
 * client-side navigation or a save, the copy would otherwise be the one of the last full page load
 * (the same as Serwist's own cache-on-navigation, limited to the offline pages).
 */
export function keepOfflineCopy(path: string): void {
  if ((OFFLINE_ROUTES as readonly string[]).includes(path)) cachePages([path]);
}

/**
 * Asks the service worker to fetch and keep the offline pages now, so Today and the log open
 * without a signal even if the athlete never visited them since the last change (say, right after
 * installing, or after queued reports were stored). Once per tab unless `force`.
 */
export function warmOfflinePages(force = false): void {
  if (!("serviceWorker" in navigator) || !navigator.onLine) return;
  if (!force && sessionStorage.getItem("stride-offline-warm")) return;
  sessionStorage.setItem("stride-offline-warm", "1");
  cachePages([...OFFLINE_ROUTES]);
}
