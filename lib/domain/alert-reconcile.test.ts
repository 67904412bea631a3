import { describe, expect, it } from "vitest";
import { dedupeKey } from "./alerts";
import { reconcileAlerts, type StoredAlert } from "./alert-reconcile";
import type { Alert, AlertKind, AlertSeverity } from "./types";

const derived = (kind: AlertKind, date: string, severity: AlertSeverity = "moderate", subject: string | null = null, reason = `${kind} on ${date}`): Alert => ({
  kind,
  date,
  severity,
  reason,
  facts: { kind: "morning_pain", threshold: 5, pain: 6 },
  subject,
  dedupeKey: dedupeKey(kind, date, subject),
});

let n = 0;
const stored = (a: Alert, over: Partial<StoredAlert> = {}): StoredAlert => ({
  id: `s${++n}`,
  dedupeKey: a.dedupeKey,
  kind: a.kind,
  subject: a.subject,
  date: a.date,
  severity: a.severity,
  reason: a.reason,
  facts: a.facts,
  status: "open",
  acknowledgedBy: null,
  groupStart: a.date,
  retired: false,
  ...over,
});

const range = { from: "2026-11-20", to: "2026-11-30", because: "the run of 28 Nov was moved to 25 Nov" };

describe("reconcileAlerts (§2d)", () => {
  it("adds what is new, keeps what still holds untouched, retires what no longer holds with why", () => {
    const keep = derived("run_spike", "2026-11-25", "moderate", "run1");
    const gone = stored(derived("run_spike", "2026-11-28", "moderate", "run1"));
    const kept = stored(keep);
    const plan = reconcileAlerts({ ...range, derived: [keep, derived("weekly_jump", "2026-11-25")], stored: [kept, gone] });
    expect(plan.inserts.map((i) => i.alert.dedupeKey)).toEqual(["weekly_jump:2026-11-25"]);
    expect(plan.updates).toEqual([]);
    expect(plan.retirements).toEqual([{ id: gone.id, reason: "no longer applies: the run of 28 Nov was moved to 25 Nov" }]);
  });

  it("leaves alerts outside the evaluated dates alone", () => {
    const before = stored(derived("morning_pain", "2026-11-19"));
    const plan = reconcileAlerts({ ...range, derived: [], stored: [before] });
    expect(plan).toEqual({ inserts: [], updates: [], retirements: [] });
  });

  it("keeps an acknowledgement when the severity stays or falls, clears it when it rises", () => {
    const ackd = stored(derived("morning_rise", "2026-11-29", "high"), { status: "acknowledged", acknowledgedBy: "u1" });
    const lower = reconcileAlerts({ ...range, derived: [derived("morning_rise", "2026-11-29", "moderate")], stored: [ackd] });
    expect(lower.updates).toEqual([expect.objectContaining({ id: ackd.id, severity: "moderate", reopen: false })]);
    const moderate = stored(derived("morning_rise", "2026-11-29", "moderate"), { status: "resolved", acknowledgedBy: "u1" });
    const higher = reconcileAlerts({ ...range, derived: [derived("morning_rise", "2026-11-29", "high")], stored: [moderate] });
    expect(higher.updates).toEqual([expect.objectContaining({ id: moderate.id, severity: "high", reopen: true })]);
  });

  it("revives a retired alert whose identity holds again, with its status", () => {
    const spike = derived("run_spike", "2026-11-28", "moderate", "run1");
    const retired = stored(spike, { retired: true, status: "acknowledged", acknowledgedBy: "u1" });
    const plan = reconcileAlerts({ ...range, derived: [spike], stored: [retired] });
    expect(plan.inserts).toEqual([]);
    expect(plan.updates).toEqual([expect.objectContaining({ id: retired.id, revive: true, reopen: false })]);
  });

  it("groups consecutive dates of one kind and subject, continuing a group from the day before the range", () => {
    const start = stored(derived("over_prescription", "2026-11-19", "moderate", "weekly"), { groupStart: "2026-11-17" });
    const plan = reconcileAlerts({
      ...range,
      derived: [
        derived("over_prescription", "2026-11-20", "moderate", "weekly"),
        derived("over_prescription", "2026-11-21", "moderate", "weekly"),
        derived("over_prescription", "2026-11-21", "moderate", "longest"),
        derived("over_prescription", "2026-11-23", "moderate", "weekly"),
      ],
      stored: [start],
    });
    expect(plan.inserts.map((i) => [i.alert.date, i.alert.subject, i.groupStart])).toEqual([
      ["2026-11-20", "weekly", "2026-11-17"],
      ["2026-11-21", "weekly", "2026-11-17"],
      ["2026-11-21", "longest", "2026-11-21"],
      ["2026-11-23", "weekly", "2026-11-23"],
    ]);
  });

  it("a member added the day after an acknowledged one is stored acknowledged unless its severity is higher", () => {
    const ackd = stored(derived("morning_rise", "2026-11-19", "moderate"), { status: "acknowledged", acknowledgedBy: "u1" });
    const same = reconcileAlerts({ ...range, derived: [derived("morning_rise", "2026-11-20", "moderate"), derived("morning_rise", "2026-11-21", "moderate")], stored: [ackd] });
    expect(same.inserts.map((i) => [i.status, i.acknowledgedBy])).toEqual([
      ["acknowledged", "u1"],
      ["acknowledged", "u1"],
    ]);
    const higher = reconcileAlerts({ ...range, derived: [derived("morning_rise", "2026-11-20", "high")], stored: [ackd] });
    expect(higher.inserts.map((i) => i.status)).toEqual(["open"]);
  });

  it("splits a group when a middle member retires", () => {
    const a = stored(derived("weekly_jump", "2026-11-24"), { groupStart: "2026-11-24" });
    const b = stored(derived("weekly_jump", "2026-11-25"), { groupStart: "2026-11-24" });
    const c = stored(derived("weekly_jump", "2026-11-26"), { groupStart: "2026-11-24" });
    const plan = reconcileAlerts({ ...range, derived: [derived("weekly_jump", "2026-11-24"), derived("weekly_jump", "2026-11-26")], stored: [a, b, c] });
    expect(plan.retirements.map((r) => r.id)).toEqual([b.id]);
    expect(plan.updates).toEqual([expect.objectContaining({ id: c.id, groupStart: "2026-11-26" })]);
  });
});

describe("facts", () => {
  it("an alert whose numbers changed is updated; the same numbers in another key order are not a change", () => {
    const a: Alert = { ...derived("run_spike", "2026-03-01"), facts: { kind: "run_spike", activityId: "r1", distanceM: 10_500, longestM: 9_500, overPercent: 10.5 } };
    // jsonb gives keys back in its own order
    const same = stored(a, { facts: { longestM: 9_500, overPercent: 10.5, kind: "run_spike", distanceM: 10_500, activityId: "r1" } });
    expect(reconcileAlerts({ from: a.date, to: a.date, derived: [a], stored: [same], because: "x" }).updates).toEqual([]);
    const old = stored(a, { facts: null });
    const plan = reconcileAlerts({ from: a.date, to: a.date, derived: [a], stored: [old], because: "x" });
    expect(plan.updates).toMatchObject([{ id: old.id, facts: a.facts }]);
  });
});
