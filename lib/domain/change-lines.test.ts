import { describe, expect, it } from "vitest";
import { changeLines, describeChange, humanise, plain, shortDate, titleOf, type StoredChange } from "./change-lines";

const km = { unit: "km" as const, timeZone: "Europe/London", today: "2026-12-05" };
const mi = { ...km, unit: "mi" as const };
const at = new Date("2026-12-02T10:00:00Z");
const change = (c: Partial<StoredChange>): StoredChange => ({ action: "x.y", before: null, after: null, actorName: "Sam Rivera", at, ...c });
const noJson = (lines: string[]) => lines.forEach((l) => expect(l).not.toMatch(/[{}"[\]]/));

describe("changeLines", () => {
  it("reads a running prescription change in the viewer's unit", () => {
    const before = { weeklyDistanceM: 30000, longestRunM: 8000, runIntervalSec: null, walkIntervalSec: null, note: null };
    const after = { weeklyDistanceM: 32000, longestRunM: 10000, runIntervalSec: 240, walkIntervalSec: 60, note: null };
    expect(changeLines(before, after, km)).toEqual(["Weekly cap 30 → 32 km", "Longest run 8 → 10 km", "Run interval none → 4 min", "Walk interval none → 1 min"]);
    expect(changeLines({ weeklyDistanceM: 32186.88 }, { weeklyDistanceM: 40233.6 }, mi)).toEqual(["Weekly cap 20 → 25 mi"]);
  });

  it("lists a new record's values when there is no before, leaving blanks out (a blank is not a zero)", () => {
    expect(changeLines(null, { weeklyDistanceM: 32000, longestRunM: 10000, runIntervalSec: null, note: "easy weeks" }, km)).toEqual(["Weekly cap 32 km", "Longest run 10 km", "Note: easy weeks"]);
  });

  it("reads a status change in words", () => {
    expect(changeLines({ status: "active", name: "Alex" }, { status: "return_to_run", name: "Alex" }, km)).toEqual(["Status: active → return to run"]);
  });

  it("hides bookkeeping columns of a stored athlete row", () => {
    const before = { id: "a", status: "active", updatedAt: "2026-12-01T10:00:00Z", dataVersion: 3, alertsFrom: "2026-11-01", trainerId: "t1", sportGroup: null };
    const after = { ...before, updatedAt: "2026-12-02T10:00:00Z", dataVersion: 4, alertsFrom: "2026-12-01", trainerId: "t2", sportGroup: "Masters" };
    expect(changeLines(before, after, km)).toEqual(["Group: none → Masters", "Trainer changed"]);
  });

  it("reads an activity correction: distance, duration, effort and pain", () => {
    const before = { type: "run", date: "2026-11-28", startedAt: "2026-11-28T07:30:00.000Z", durationSec: 2700, distanceM: 8000, rpe: 5, painDuring: 2, painAfter: null, shoeId: null };
    const after = { ...before, durationSec: 3000, distanceM: 8500, rpe: 6, painAfter: 3, shoeId: "s1" };
    expect(changeLines(before, after, km)).toEqual(["Duration 45 → 50 min", "Distance 8 → 8.5 km", "Effort 5/10 → 6/10", "Pain after none → 3/10", "Shoe changed"]);
  });

  it("reads a moved activity's date and start time in the viewer's zone", () => {
    const lines = changeLines({ date: "2026-11-28", startedAt: "2026-11-28T07:30:00.000Z" }, { date: "2026-11-25", startedAt: "2026-11-25T18:05:00.000Z" }, km);
    expect(lines).toEqual(["Date: 28 Nov → 25 Nov", "Start: 28 Nov, 07:30 → 25 Nov, 18:05"]);
  });

  it("reads a check-in change, red flags by their question", () => {
    const before = { date: "2026-12-01", morningPain: 2, redFlags: { clicking: false, swelling: false }, tapeYesterday: false, note: null };
    const after = { date: "2026-12-01", morningPain: 4, redFlags: { clicking: false, swelling: true }, tapeYesterday: true, note: null };
    expect(changeLines(before, after, km)).toEqual(["Morning pain 2/10 → 4/10", "Taped yesterday: no → yes", "Red flag, swelling: no → yes"]);
    expect(changeLines(null, after, km)).toContain("Red flags: swelling");
  });

  it("folds a stored check-in row's flag columns", () => {
    expect(changeLines({ morningPain: 3, givingWay: false }, { morningPain: 3, givingWay: true }, km)).toEqual(["Red flag, giving way: no → yes"]);
  });

  it("reads an exercise tick", () => {
    expect(changeLines(null, { programItemId: "p", date: "2026-12-02", setsDone: 3, exercisePain: 1, couldNotFinish: false, clientId: "c" }, km)).toEqual([
      "Date: 2 Dec",
      "Exercise pain 1/10",
      "Sets done 3",
      "Could not finish: no",
    ]);
  });

  it("reads a dosage change", () => {
    const before = { sets: 3, reps: 10, holdSec: null, daysPerWeek: 3, load: null, note: null };
    expect(changeLines(before, { ...before, sets: 4, holdSec: 30, load: "red band" }, km)).toEqual(["Sets 3 → 4", "Hold none → 30 s", "Load: none → red band"]);
  });

  it("reads alert transitions, shoes, templates, tokens, invites, clinic and imports", () => {
    expect(changeLines({ status: "open", note: null }, { status: "acknowledged", note: "called her" }, km)).toEqual(["Status: open → acknowledged", "Note: none → called her"]);
    expect(changeLines(null, { reason: "no longer applies: the run was moved" }, km)).toEqual(["Reason: no longer applies: the run was moved"]);
    expect(changeLines(null, { severity: "high", reason: "Morning pain 6" }, km)).toEqual(["Severity: high", "Reason: Morning pain 6"]);
    expect(changeLines({ name: "Pegasus", retired: false }, { retired: true }, km)).toEqual(["Retired: no → yes"]);
    expect(changeLines(null, { name: "Knee basics", items: 5 }, km)).toEqual(["Name: Knee basics", "Exercises 5"]);
    expect(changeLines(null, { templateId: "t", added: 4 }, km)).toEqual(["Exercises added 4"]);
    expect(changeLines(null, { name: "Garmin", scope: "write", expiresAt: "2027-01-02T00:00:00.000Z" }, km)).toEqual(["Name: Garmin", "Access: write", "Expires: 2 Jan 2027, 00:00"]);
    expect(changeLines(null, { role: "trainer", email: "j@example.com", inviteId: "i" }, km)).toEqual(["Email: j@example.com", "Role: trainer"]);
    expect(changeLines({ name: "Old", timeZone: "Europe/London" }, { name: "New", timeZone: "Europe/Paris" }, km)).toEqual(["Name: Old → New", "Time zone: Europe/London → Europe/Paris"]);
    expect(changeLines(null, { imported: 12, skipped: 1 }, km)).toEqual(["Imported 12", "Skipped 1"]);
    expect(changeLines({ ladderId: "a", position: 2 }, { ladderId: "b", position: 3 }, km)).toEqual(["Ladder changed", "Step 2 → 3"]);
  });

  it("falls back to readable words for unknown fields, never JSON", () => {
    const lines = changeLines({ someNewThing: 1, nested: { a: 1 } }, { someNewThing: 2, nested: { a: 2, b: [1, 2] } }, km);
    expect(lines).toEqual(["Some new thing: 1 → 2", "Nested: a: 1 → a: 2, b: 1, 2"]);
    noJson(lines);
    expect(changeLines(null, "just text", km)).toEqual(["just text"]);
    expect(changeLines(["a", "b"], null, km)).toEqual(["Was: a, b"]);
    expect(changeLines(null, null, km)).toEqual([]);
  });

  it("says a long text changed instead of quoting it twice", () => {
    expect(changeLines({ notes: "short" }, { notes: "x".repeat(80) }, km)).toEqual(["Notes changed"]);
  });
});

describe("describeChange", () => {
  it("says who and when: 'by Sam Rivera, 2 Dec'", () => {
    const line = describeChange(change({ action: "running_prescription.set", before: { weeklyDistanceM: 30000 }, after: { weeklyDistanceM: 32000 } }), km);
    expect(line).toEqual({ title: "Running prescription set", details: ["Weekly cap 30 → 32 km"], byline: "by Sam Rivera, 2 Dec" });
  });

  it("says 'automatically' for the engine's own changes, and the year of another year", () => {
    const line = describeChange(change({ action: "alert.retired", actorName: null, at: new Date("2025-11-30T12:00:00Z"), after: { reason: "no longer applies" }, subject: "Morning pain 6" }), km);
    expect(line.title).toBe("Alert no longer applies: Morning pain 6");
    expect(line.byline).toBe("automatically, 30 Nov 2025");
  });

  it("uses the viewer's time zone for the date", () => {
    expect(describeChange(change({ at: new Date("2026-12-02T23:30:00Z") }), { ...km, timeZone: "Asia/Tokyo" }).byline).toBe("by Sam Rivera, 3 Dec");
  });

  it("reads every program-item event", () => {
    const dose = { sets: 3, reps: 10, holdSec: null, daysPerWeek: 3, load: null, note: null };
    const stepped = describeChange(change({ action: "program_item.progressed", before: dose, after: { ...dose, reps: 12, reason: "two full sessions, pain 1", toExerciseId: "e2" }, toExercise: "Banded clamshell", subject: "Banded clamshell" }), km);
    expect(stepped).toEqual({ title: "Progressed to Banded clamshell", details: ["Reps 10 → 12", "Why: two full sessions, pain 1"], byline: "by Sam Rivera, 2 Dec" });
    expect(describeChange(change({ action: "program_item.regressed", before: dose, after: { ...dose, reason: "pain 6", toExerciseId: "e1" }, toExercise: "Clamshell" }), km).title).toBe("Regressed to Clamshell");
    const added = describeChange(change({ action: "program_item.added", after: { ...dose, reason: null, toExerciseId: "e1" }, toExercise: "Clamshell" }), km);
    expect(added.title).toBe("Exercise added: Clamshell");
    expect(added.details).toEqual(["Sets 3", "Reps 10", "Days a week 3"]);
    const dosage = describeChange(change({ action: "program_item.dosage_changed", before: dose, after: { ...dose, sets: 4, reason: null, toExerciseId: null }, subject: "Clamshell" }), km);
    expect(dosage).toMatchObject({ title: "Dosage changed: Clamshell", details: ["Sets 3 → 4"] });
    for (const kind of ["paused", "resumed", "removed"]) {
      const e = describeChange(change({ action: `program_item.${kind}`, after: { reason: null, toExerciseId: null }, subject: "Clamshell" }), km);
      expect(e.title).toMatch(/^Exercise (paused|resumed|removed): Clamshell$/);
      expect(e.details).toEqual([]);
    }
  });

  it("has a title for every action the app records, and a readable one for any other", () => {
    const actions = [
      "athlete.created", "athlete.updated", "athlete.archived", "athlete.restored", "activity.created", "activity.updated", "activity.archived",
      "check_in.created", "check_in.updated", "exercise_log.created", "exercise_log.archived", "running_prescription.set",
      "alert.acknowledged", "alert.resolved", "alert.retired", "alert.revived", "alert.reopened", "shoe.added", "shoe.updated",
      "template.applied", "template.saved_from_program", "template.copied", "template.updated", "template.archived", "template.item_added",
      "template.item_updated", "template.item_removed", "exercise.created", "exercise.updated", "exercise.archived", "exercise.restored",
      "exercise.copied", "ladder.created", "ladder.updated", "ladder.archived", "ladder.restored", "ladder.step_placed", "invite.created",
      "invite.accepted", "api_token.created", "api_token.revoked", "clinic.created", "clinic.updated", "roster.imported",
    ];
    for (const a of actions) expect(titleOf(a), a).not.toMatch(/[._]/);
    expect(titleOf("password.reset_requested")).toBe("Password reset requested");
  });
});

describe("helpers", () => {
  it("humanises keys", () => {
    expect(humanise("longestRunM")).toBe("Longest run m");
    expect(humanise("giving_way")).toBe("Giving way");
  });
  it("writes values plainly", () => {
    expect(plain(null)).toBe("none");
    expect(plain(0)).toBe("0");
    expect(plain(false)).toBe("no");
    expect(plain({ a: "x", id: "hidden" })).toBe("a: x");
  });
  it("short dates", () => {
    expect(shortDate("2026-12-02", "2026-12-05")).toBe("2 Dec");
    expect(shortDate("2025-12-02", "2026-12-05")).toBe("2 Dec 2025");
  });
});
