"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef } from "react";
import { keepOfflineCopy } from "@/lib/offline/outbox";
import { OfflineUserContext } from "./offline-context";
import { OutboxPanel } from "./outbox-panel";

/**
 * The athlete area's offline layer: registers the service worker (lib/offline/service-worker.ts),
 * which keeps the last version of the offline pages for this user, and shows the outbox. The
 * service worker is registered only from athlete pages, in production builds only, and Serwist's
 * window library is loaded after the page, keeping it out of the athlete pages' first load.
 */
export function OfflineLayer({ userId, children }: { userId: string; children: React.ReactNode }) {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    void import("@serwist/window").then(({ Serwist }) => new Serwist("/serwist/sw.js", { scope: "/", type: "module" }).register());
  }, []);
  // after a client-side navigation (a save lands on "/today?saved=…"), keep what is now shown;
  // the first page load needs nothing: the service worker kept it on the way in
  const path = usePathname();
  const search = useSearchParams().toString();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    keepOfflineCopy(path);
  }, [path, search]);
  return (
    <OfflineUserContext.Provider value={userId}>
      <OutboxPanel userId={userId} />
      {children}
    </OfflineUserContext.Provider>
  );
}
