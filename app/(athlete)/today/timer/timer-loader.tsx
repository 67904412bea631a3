"use client";

import dynamic from "next/dynamic";

/**
 * The timer is drawn on the phone only: it reads the session kept in localStorage on its first
 * render, and it has nothing to show without JavaScript. Loaded with the page (not on a tap), so
 * the page works offline once it has been opened.
 */
export const TimerLoader = dynamic(() => import("./interval-timer"), {
  ssr: false,
  loading: () => <p className="text-base text-slate-800">Loading the timer…</p>,
});
