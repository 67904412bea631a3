"use client";

import { SerwistProvider } from "@serwist/turbopack/react";
import { OfflineUserContext } from "./offline-context";
import { OutboxPanel } from "./outbox-panel";

/**
 * The athlete area's offline layer: registers the service worker (lib/offline/service-worker.ts),
 * which keeps the last version of the offline pages for this user, and shows the outbox. The
 * service worker is registered only from athlete pages, and in production builds only.
 */
export function OfflineLayer({ userId, children }: { userId: string; children: React.ReactNode }) {
  return (
    <SerwistProvider swUrl="/serwist/sw.js" disable={process.env.NODE_ENV !== "production"} reloadOnOnline={false}>
      <OfflineUserContext.Provider value={userId}>
        <OutboxPanel userId={userId} />
        {children}
      </OfflineUserContext.Provider>
    </SerwistProvider>
  );
}
