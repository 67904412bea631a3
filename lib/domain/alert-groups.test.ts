import { describe, expect, it } from "vitest";
import { groupAlerts } from "./alert-groups";

describe("groupAlerts", () => {
  it("keeps the newest of each kind and counts the earlier days, red flags per flag", () => {
    const groups = groupAlerts([
      { id: "1", kind: "weekly_jump", date: "2026-11-20", reason: "a" },
      { id: "2", kind: "weekly_jump", date: "2026-11-22", reason: "b" },
      { id: "3", kind: "red_flag", flag: "clicking", date: "2026-11-22", reason: "c" },
      { id: "4", kind: "red_flag", flag: "swelling", date: "2026-11-22", reason: "d" },
      { id: "5", kind: "weekly_jump", date: "2026-11-21", reason: "e" },
    ]);
    expect(groups.map((g) => [g.key, g.newest.id, g.earlier.map((e) => e.id), g.ids])).toEqual([
      ["weekly_jump", "2", ["5", "1"], ["2", "5", "1"]],
      ["red_flag:clicking", "3", [], ["3"]],
      ["red_flag:swelling", "4", [], ["4"]],
    ]);
  });
});
