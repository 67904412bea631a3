import { createHash } from "node:crypto";

/**
 * A triage row as its checkbox names it: the athlete and a fingerprint of the open alerts the row
 * showed. Acknowledging the row acknowledges exactly those alerts: if the athlete's open alerts are
 * no longer the same set (a new one arrived, another trainer acted), the fingerprint differs and the
 * action is refused rather than acknowledging an alert nobody saw. Sent instead of the alert ids,
 * which made the row's checkbox value (and the page's payload, twice) grow with every open alert.
 */
export type TriageRowRef = { athleteId: string; fingerprint: string };

const TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([0-9a-f]{16})$/;

/** 64 bits of SHA-256 over the alert ids in a fixed order: the same set gives the same fingerprint. */
export function alertSetFingerprint(alertIds: readonly string[]): string {
  const sorted = [...new Set(alertIds.map((id) => id.toLowerCase()))].sort();
  return createHash("sha256").update(sorted.join(" ")).digest("hex").slice(0, 16);
}

export const triageRowToken = (athleteId: string, alertIds: readonly string[]) => `${athleteId}.${alertSetFingerprint(alertIds)}`;

/** The row a token names, or null when it is not one. */
export function parseTriageRowToken(token: string): TriageRowRef | null {
  const m = TOKEN.exec(token.toLowerCase());
  return m ? { athleteId: m[1]!, fingerprint: m[2]! } : null;
}
