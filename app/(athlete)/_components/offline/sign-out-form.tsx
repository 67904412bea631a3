"use client";

import { ATHLETE_PAGES_CACHE } from "@/lib/offline/routes";

/**
 * Sign-out empties the phone's copy of the athlete pages first (the service worker would also do it
 * on the next page it sees signed out). Reports still waiting stay, tied to this athlete, and are
 * sent when they sign in again.
 */
export function SignOutForm({ action }: { action: () => Promise<void> }) {
  return (
    <form action={action} onSubmit={() => void (typeof caches === "undefined" ? null : caches.delete(ATHLETE_PAGES_CACHE))}>
      <button type="submit" className="text-sm font-semibold text-brand-700 underline">
        Sign out
      </button>
    </form>
  );
}
