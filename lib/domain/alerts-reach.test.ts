import { describe, expect, it } from "vitest";
import { RULE_REACH, deriveAlerts } from "./alerts";
import { D, checkIn, day, run } from "./test-builders";
import { ALERT_KINDS, type Activity, type CheckIn, type Prescription } from "./types";

// Each rule's declared reach, checked against the rules themselves: records dated just beyond a
// rule's reach never change its alerts on d, whatever the history around them.
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

function history(seed: number): { checkIns: CheckIn[]; activities: Activity[] } {
  const r = rng(seed);
  const checkIns: CheckIn[] = [];
  const activities: Activity[] = [];
  for (let k = 45; k >= 0; k--) {
    if (r() < 0.6) checkIns.push(checkIn(day(-k), Math.floor(r() * 8), r() < 0.05 ? ["swelling"] : []));
    if (r() < 0.4) activities.push(run(day(-k), 3 + Math.floor(r() * 12), { painAfter: Math.floor(r() * 8) }));
  }
  // a run on d, often long enough to be a spike or over the caps
  activities.push(run(D, 5 + Math.floor(r() * 20), { painAfter: Math.floor(r() * 8) }));
  return { checkIns, activities };
}

const prescription: Prescription = { weeklyDistanceCapM: 25_000, longestRunCapM: 10_000 };
const alertsOf = (h: { checkIns: CheckIn[]; activities: Activity[] }, kind: string) =>
  deriveAlerts({ records: { ...h, exerciseLogs: [] }, status: "active", prescription, trackedSince: day(-60), today: day(1) }, D)
    .filter((a) => a.kind === kind)
    // whether it holds, and how severe; a reason may mention older context ("last one on …")
    .map((a) => `${a.dedupeKey}|${a.severity}`);

describe("RULE_REACH", () => {
  it("declares a reach for every alert kind", () => {
    expect(Object.keys(RULE_REACH).sort()).toEqual([...ALERT_KINDS].sort());
  });

  for (const kind of ALERT_KINDS) {
    const reach = RULE_REACH[kind];
    if (typeof reach !== "number") continue;
    it(`${kind}: a record dated d − ${reach + 1} does not change it (20 random histories)`, () => {
      const beyond = day(-(reach + 1));
      let held = 0;
      for (let seed = 1; seed <= 20; seed++) {
        const h = history(seed);
        const before = alertsOf(h, kind);
        // replace whatever was on that date with something else entirely
        const changed = {
          checkIns: [...h.checkIns.filter((c) => c.date !== beyond), checkIn(beyond, 9, ["locking", "swelling"])],
          activities: [...h.activities.filter((a) => a.date !== beyond), run(beyond, 30, { painAfter: 9 })],
        };
        expect(alertsOf(changed, kind), `seed ${seed}`).toEqual(before);
        if (before.length > 0) held += 1;
      }
      // the histories exercise the rule (pain_7 and red flags on d come from the random days too)
      expect(held).toBeGreaterThan(0);
    });
  }
});
