import { describe, expect, it } from "vitest";
import { groupAlerts } from "./alert-groups";
import type { AlertSeverity } from "./types";

const a = (id: string, kind: string, date: string, groupStart: string, subject: string | null = null, severity: AlertSeverity = "moderate") => ({ id, kind, subject, groupStart, date, severity, reason: `${kind} ${date}` });

describe("groupAlerts (§2d display groups)", () => {
  it("groups one kind and subject on consecutive dates, with the span and the highest severity", () => {
    const groups = groupAlerts([
      a("1", "morning_rise", "2026-11-20", "2026-11-20"),
      a("2", "morning_rise", "2026-11-21", "2026-11-20", null, "high"),
      a("3", "morning_rise", "2026-11-22", "2026-11-20"),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ from: "2026-11-20", to: "2026-11-22", severity: "high", ids: ["3", "2", "1"] });
    expect(groups[0]!.newest.id).toBe("3");
  });

  it("keeps different subjects apart: the weekly and the longest-run cap of one day are two groups", () => {
    const groups = groupAlerts([a("1", "over_prescription", "2026-11-22", "2026-11-22", "weekly"), a("2", "over_prescription", "2026-11-22", "2026-11-22", "longest")]);
    expect(groups.map((g) => g.ids)).toEqual([["1"], ["2"]]);
  });

  it("starts a new group after a gap (a different group start)", () => {
    const groups = groupAlerts([a("1", "weekly_jump", "2026-11-20", "2026-11-20"), a("2", "weekly_jump", "2026-11-22", "2026-11-22")]);
    expect(groups.map((g) => [g.from, g.to])).toEqual([
      ["2026-11-20", "2026-11-20"],
      ["2026-11-22", "2026-11-22"],
    ]);
  });

  it("keeps red flags apart per flag", () => {
    const groups = groupAlerts([a("1", "red_flag", "2026-11-22", "2026-11-22", "clicking", "high"), a("2", "red_flag", "2026-11-22", "2026-11-22", "swelling", "high")]);
    expect(groups).toHaveLength(2);
  });
});
