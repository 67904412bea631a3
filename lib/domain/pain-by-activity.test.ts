import { describe, expect, it } from "vitest";
import { indexHistory } from "./history";
import { describeActivityPain, painByActivity } from "./pain-by-activity";
import { D, activity, checkIn, day, run } from "./test-builders";

describe("pain per activity type over the last 4 weeks", () => {
  // Morning pain 1 every day from d−30 except: 2 on d−9 (the morning after the bike on d−10)
  const mornings = Array.from({ length: 31 }, (_, i) => checkIn(day(-30 + i), day(-30 + i) === day(-9) ? 2 : 1));

  it("water jogging 0–1 and settled; cycling 4 and up by 1 the next morning", () => {
    const h = indexHistory({
      checkIns: mornings,
      activities: [
        activity(day(-20), { type: "water_jog", painDuring: 0, painAfter: 1 }),
        activity(day(-12), { type: "water_jog", painDuring: 1, painAfter: 0 }),
        activity(day(-10), { type: "bike", painDuring: 4, painAfter: 4 }),
        // outside the 4 weeks (d−27…d): not counted
        activity(day(-28), { type: "bike", painDuring: 9, painAfter: 9 }),
      ],
    });
    const summary = painByActivity(h, D);
    expect(summary).toEqual([
      { type: "bike", sessions: 1, during: { min: 4, max: 4 }, after: { min: 4, max: 4 }, nextMorning: { known: 1, rose: 1, largestRise: 1 } },
      { type: "water_jog", sessions: 2, during: { min: 0, max: 1 }, after: { min: 0, max: 1 }, nextMorning: { known: 2, rose: 0, largestRise: 0 } },
    ]);
    expect(summary.map(describeActivityPain)).toEqual([
      "cycling, 1 session: pain 4 during and after; next morning up by 1",
      "water jogging, 2 sessions: pain 0–1 during and after; next morning settled",
    ]);
  });

  it("a next morning is known only when both mornings reported pain; today's session has none yet", () => {
    // runs on d−3 (morning 2, next 5: up by 3), d−2 (next morning missing), and d (no next morning)
    const h = indexHistory({
      checkIns: [checkIn(day(-3), 2), checkIn(day(-2), 5), checkIn(day(-1), null), checkIn(D, 1)],
      activities: [run(day(-3), 5, { painDuring: 2, painAfter: 3 }), run(day(-2), 4, { painDuring: 1 }), run(D, 6)],
    });
    const [runs] = painByActivity(h, D);
    expect(runs).toEqual({ type: "run", sessions: 3, during: { min: 1, max: 2 }, after: { min: 3, max: 3 }, nextMorning: { known: 1, rose: 1, largestRise: 3 } });
    expect(describeActivityPain(runs!)).toBe("running, 3 sessions: pain during 1–2, after 3; next morning up by 3");
  });

  it("says what is not known, and how many next mornings rose out of those known", () => {
    const h = indexHistory({
      checkIns: [checkIn(day(-6), 2), checkIn(day(-5), 2), checkIn(day(-4), 3), checkIn(day(-3), 1)],
      activities: [activity(day(-6), { type: "swim" }), activity(day(-4), { type: "swim", painAfter: 2 }), activity(day(-1), { type: "other" })],
    });
    expect(painByActivity(h, D).map(describeActivityPain)).toEqual([
      "swimming, 2 sessions: pain during not reported, after 2; next morning settled",
      "other activities, 1 session: pain not reported; next morning not known",
    ]);
    const rising = indexHistory({
      checkIns: [checkIn(day(-6), 2), checkIn(day(-5), 4), checkIn(day(-4), 3), checkIn(day(-3), 3)],
      activities: [activity(day(-6), { type: "swim" }), activity(day(-4), { type: "swim" })],
    });
    expect(describeActivityPain(painByActivity(rising, D)[0]!)).toBe("swimming, 2 sessions: pain not reported; next morning up by 2 (after 1 of 2)");
  });

  it("is empty with no activity in the 4 weeks", () => {
    expect(painByActivity(indexHistory({ checkIns: mornings, activities: [] }), D)).toEqual([]);
  });
});
