"use client";

import { useEffect, useState } from "react";

export type WakeState = "idle" | "on" | "unsupported" | "failed";

/**
 * Keeps the screen awake while `active` (Screen Wake Lock API, where the browser has it). The
 * browser drops the lock whenever the page is hidden, so it is asked for again when the page is
 * visible again.
 */
export function useWakeLock(active: boolean): WakeState {
  const [state, setState] = useState<WakeState>("idle");
  const supported = typeof navigator !== "undefined" && "wakeLock" in navigator;
  useEffect(() => {
    if (!active || !supported) return;
    let sentinel: WakeLockSentinel | null = null;
    let cancelled = false;
    const acquire = async () => {
      if (document.visibilityState !== "visible" || (sentinel && !sentinel.released)) return;
      try {
        const s = await navigator.wakeLock.request("screen");
        if (cancelled) {
          void s.release();
          return;
        }
        sentinel = s;
        setState("on");
      } catch {
        // refused (battery saver, no user gesture yet): say so; the timer itself still runs
        if (!cancelled) setState("failed");
      }
    };
    const onVisible = () => void acquire();
    void acquire();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      cancelled = true;
      document.removeEventListener("visibilitychange", onVisible);
      if (sentinel && !sentinel.released) void sentinel.release();
      setState("idle");
    };
  }, [active, supported]);
  return active && !supported ? "unsupported" : state;
}
