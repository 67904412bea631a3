import { describe, expect, it } from "vitest";
import { parseOfflineReport } from "./parse";

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
};
const ctx = { today: "2026-11-30", unit: "km" as const };
const id = "7d9c4c1e-3f7a-4d55-9a52-5b7e2f0f8c11";

describe("a report made offline is read with the server's form schema", () => {
  it("a check-in becomes the API body, dated the day it was made", () => {
    const parsed = parseOfflineReport("check-in", form({ clientId: id, morningPain: "3", redFlagsAny: "none" }), ctx);
    expect(parsed).toMatchObject({ ok: true, body: { clientId: id, morningPain: 3, date: "2026-11-30", tapeYesterday: false } });
    expect(parsed.ok && Object.values(parsed.body.redFlags as object).every((v) => v === false)).toBe(true);
  });

  it("an unanswered check-in is refused on the phone with the server's messages", () => {
    const parsed = parseOfflineReport("check-in", form({ clientId: id, morningPain: "3" }), ctx);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.fieldErrors.redFlagsAny).toEqual(["Answer \u201cAny of these today?\u201d: choose None or Yes."]);
  });

  it("a run is read in the athlete's unit, in metres and seconds; its own date is kept", () => {
    const parsed = parseOfflineReport("activity", form({ clientId: id, type: "run", date: "2026-11-29", duration: "40", distance: "5", rpe: "4" }), { ...ctx, unit: "mi" });
    expect(parsed).toMatchObject({ ok: true, body: { type: "run", date: "2026-11-29", durationSec: 2400, distanceM: 8047, rpe: 4 } });
  });

  it("a blank effort is an error, never a zero", () => {
    const parsed = parseOfflineReport("activity", form({ clientId: id, type: "bike", date: "2026-11-30", duration: "40" }), ctx);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.fieldErrors.rpe).toEqual(["Choose the session effort."]);
    expect(!parsed.ok && parsed.values.duration).toBe("40");
  });

  it("an exercise tick is dated today; a blank pain is not reported", () => {
    const parsed = parseOfflineReport("exercise-log", form({ clientId: id, programItemId: id, setsDone: "3", exercisePain: "" }), ctx);
    expect(parsed).toEqual({ ok: true, body: { clientId: id, programItemId: id, setsDone: 3, couldNotFinish: false, date: "2026-11-30" } });
  });
});

describe("a return-to-run stage session made offline", () => {
  it("becomes the API body in seconds and metres, its own date kept; blanks are not reported", () => {
    const parsed = parseOfflineReport("stage-session", form({ clientId: id, stageId: id, date: "2026-11-29", minutes: "30", outcome: "completed", rpe: "3", painDuring: "1", painAfter: "", distanceKm: "" }), ctx);
    expect(parsed).toEqual({ ok: true, body: { clientId: id, stageId: id, date: "2026-11-29", durationSec: 1800, outcome: "completed", rpe: 3, painDuring: 1 } });
  });

  it("keeps the timer's running time and a stop at a repeat", () => {
    const parsed = parseOfflineReport("stage-session", form({ clientId: id, stageId: id, date: "2026-11-30", minutes: "12.5", runningSec: "180", outcome: "stopped_early", stoppedAtRepeat: "3", stopReason: "pain", rpe: "5", painDuring: "4", painAfter: "5", distanceKm: "1,5" }), ctx);
    expect(parsed).toMatchObject({ ok: true, body: { durationSec: 750, runningSec: 180, outcome: "stopped_early", stoppedAtRepeat: 3, stopReason: "pain", distanceM: 1500 } });
  });

  it("a blank duration or effort is the field's error, never a zero; text is not a number", () => {
    const blank = parseOfflineReport("stage-session", form({ clientId: id, stageId: id, date: "2026-11-30", minutes: " ", outcome: "completed" }), ctx);
    expect(!blank.ok && blank.fieldErrors.durationSec).toEqual(["Enter how long the session took."]);
    expect(!blank.ok && blank.fieldErrors.rpe).toEqual(["Enter the session effort from 0 to 10."]);
    const text = parseOfflineReport("stage-session", form({ clientId: id, stageId: id, date: "2026-11-30", minutes: "half an hour", outcome: "completed", rpe: "3", painDuring: "two" }), ctx);
    expect(!text.ok && text.fieldErrors.durationSec).toEqual(["Enter how long the session took."]);
    expect(!text.ok && text.fieldErrors.painDuring).toEqual(["Enter pain during as a number from 0 to 10."]);
  });

  it("stopped early needs the reason, with the server's message", () => {
    const parsed = parseOfflineReport("stage-session", form({ clientId: id, stageId: id, date: "2026-11-30", minutes: "20", outcome: "stopped_early", rpe: "3" }), ctx);
    expect(!parsed.ok && parsed.fieldErrors.stopReason).toEqual(["Say whether pain was the reason you stopped."]);
  });
});
