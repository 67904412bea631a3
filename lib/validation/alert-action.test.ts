import { describe, expect, it } from "vitest";
import { triageRowToken } from "@/lib/domain/triage-row";
import { alertActionFormSchema } from "./alerts";

const ATHLETE = "26aa4fdd-888c-4a36-9cd6-1ca9fcb0e7cb";
const ALERT = "7d490574-8ef3-4f5e-83a9-453b12b37efb";
const errorsOf = (input: Record<string, unknown>) => {
  const r = alertActionFormSchema.safeParse(input);
  return r.success ? null : r.error.issues.map((i) => i.message);
};

describe("alertActionFormSchema: one alert, a group, or the triage view's rows", () => {
  it("takes alert ids (space-separated) or row tokens", () => {
    expect(alertActionFormSchema.parse({ alertId: `${ALERT} ${ALERT}`, intent: "resolve" })).toMatchObject({ alertId: [ALERT, ALERT], row: [] });
    const token = triageRowToken(ATHLETE, [ALERT]);
    expect(alertActionFormSchema.parse({ row: [token], intent: "acknowledge", note: "" })).toMatchObject({ alertId: [], row: [{ athleteId: ATHLETE }] });
  });

  it("refuses nothing selected, a malformed row, rows with alerts, and resolving rows, in words", () => {
    expect(errorsOf({ intent: "acknowledge" })).toEqual(["Select at least one athlete (or alert) first."]);
    expect(errorsOf({ row: "not-a-row", intent: "acknowledge" })).toEqual(["That row was not found: reload the page."]);
    expect(errorsOf({ row: triageRowToken(ATHLETE, [ALERT]), alertId: ALERT, intent: "acknowledge" })).toEqual(["Send rows or alerts, not both."]);
    expect(errorsOf({ row: triageRowToken(ATHLETE, [ALERT]), intent: "resolve" })).toEqual(["Rows of the triage view can only be acknowledged."]);
  });
});
