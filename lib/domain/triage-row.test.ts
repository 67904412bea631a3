import { describe, expect, it } from "vitest";
import { alertSetFingerprint, parseTriageRowToken, triageRowToken } from "./triage-row";

const A = "0b0e5f4e-8c1d-4c7a-9a51-3c0f6a2b9d11";
const B = "7d490574-8ef3-4f5e-83a9-453b12b37efb";
const C = "fe7f4921-06b3-4c30-9893-5b28ee548e9c";
const ATHLETE = "26aa4fdd-888c-4a36-9cd6-1ca9fcb0e7cb";

describe("triage row tokens", () => {
  it("fingerprint a set: order and repeats do not matter, membership does", () => {
    expect(alertSetFingerprint([A, B])).toBe(alertSetFingerprint([B, A, A]));
    expect(alertSetFingerprint([A, B])).not.toBe(alertSetFingerprint([A, B, C]));
    expect(alertSetFingerprint([A, B])).not.toBe(alertSetFingerprint([A]));
    expect(alertSetFingerprint([A])).toMatch(/^[0-9a-f]{16}$/);
  });

  it("round-trips a row's token, and refuses anything else", () => {
    const token = triageRowToken(ATHLETE, [C, A]);
    expect(parseTriageRowToken(token)).toEqual({ athleteId: ATHLETE, fingerprint: alertSetFingerprint([A, C]) });
    expect(parseTriageRowToken(ATHLETE)).toBeNull();
    expect(parseTriageRowToken(`${ATHLETE}.zz`)).toBeNull();
    expect(parseTriageRowToken(`${A} ${B}`)).toBeNull();
  });
});
