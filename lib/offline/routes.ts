/**
 * The athlete pages that open without a signal (the service worker keeps the last version seen,
 * for the signed-in athlete only). Adding a page to the offline set is one line here.
 */
export const OFFLINE_ROUTES = ["/today", "/today/timer", "/log"] as const;

/** Where each kind of queued report is sent (the JSON API answers a repeated clientId with the stored row). */
export const REPORT_ENDPOINTS = {
  "check-in": "/api/v1/check-ins",
  activity: "/api/v1/activities",
  "exercise-log": "/api/v1/exercise-logs",
  "stage-session": "/api/v1/stage-sessions",
} as const;

export type ReportKind = keyof typeof REPORT_ENDPOINTS;

/** The response header by which the service worker knows whose page it is caching (set by proxy.ts). */
export const USER_HEADER = "x-stride-user";

/** The service worker's cache of those pages (emptied on sign-out, and whenever another user's page is seen). */
export const ATHLETE_PAGES_CACHE = "athlete-pages";
