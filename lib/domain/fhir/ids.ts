import { createHash } from "node:crypto";

/**
 * A stable UUID (RFC 4122 version 5 layout, SHA-1 of a name) for a resource derived from our rows:
 * one row can give several resources (an activity gives its own Observation and up to two pain
 * scores), and the same export run twice gives the same ids, so a receiving system can update
 * instead of duplicating.
 */
export function stableUuid(name: string): string {
  const hash = createHash("sha1").update(`stride-clinic-fhir:${name}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
