import { describe, expect, it } from "vitest";
import { athleteAdvice, CHECK_IN_ADVICE, CONTACT_ADVICE, HOLD_ADVICE, type AdviceInput } from "./advice";
import type { LightAssessment } from "./pain";
import { activity, checkIn, D, day, log } from "./test-builders";
import type { TrafficLight } from "./types";

const lightOn = (date: string, light: TrafficLight = "green"): LightAssessment => ({
  date,
  light,
  causes: [],
  maxRunningPain: null,
  morningPain: 2,
  baseline: 2,
  rise: 0,
  trend: null,
});

/** d = D; a check-in with morning pain 2 on d and a green light, nothing else: advice (4), the light. */
const calm = (over: Partial<AdviceInput> = {}): AdviceInput => ({
  d: D,
  returnToRun: null,
  unresolvedRedFlags: [],
  checkIns: [checkIn(D, 2)],
  activities: [],
  exerciseLogs: [],
  light: lightOn(D),
  ...over,
});

describe("athleteAdvice (DESIGN §2a Athlete advice)", () => {
  it("(4) gives the light's advice when the latest check-in is within d−2…d", () => {
    expect(athleteAdvice(calm())).toEqual({ kind: "light", light: lightOn(D) });
    // latest check-in on d−2: still recent enough
    const twoDaysAgo = calm({ checkIns: [checkIn(day(-2), 2)], light: lightOn(day(-2), "amber") });
    expect(athleteAdvice(twoDaysAgo)).toMatchObject({ kind: "light", light: { date: day(-2), light: "amber" } });
  });

  it("(4) asks for a check-in when the latest one is older than d−2, or there is none", () => {
    expect(athleteAdvice(calm({ checkIns: [checkIn(day(-3), 2)], light: lightOn(day(-3)) }))).toEqual({ kind: "check_in", message: CHECK_IN_ADVICE });
    expect(athleteAdvice(calm({ checkIns: [], light: null }))).toEqual({ kind: "check_in", message: CHECK_IN_ADVICE });
  });

  it("(2) holds for a non-urgent red flag not resolved, whatever its date, newest first", () => {
    const flags = [
      { date: day(-40), flag: "swelling" as const },
      { date: day(-1), flag: "clicking" as const },
    ];
    expect(athleteAdvice(calm({ unresolvedRedFlags: flags }))).toEqual({
      kind: "hold",
      message: HOLD_ADVICE,
      flags: [flags[1], flags[0]],
    });
  });

  it("(2) holds for an urgent red flag older than d−6 that is still not resolved", () => {
    const advice = athleteAdvice(calm({ unresolvedRedFlags: [{ date: day(-7), flag: "locking" }] }));
    expect(advice).toEqual({ kind: "hold", message: HOLD_ADVICE, flags: [{ date: day(-7), flag: "locking" }] });
  });

  it("(1) contact for each urgent red flag of d−6…d not resolved", () => {
    for (const flag of ["locking", "cannot_bear_weight", "hot_red_fever"] as const) {
      expect(athleteAdvice(calm({ unresolvedRedFlags: [{ date: day(-6), flag }] }))).toEqual({
        kind: "contact",
        message: CONTACT_ADVICE,
        causes: [{ kind: "urgent_red_flag", date: day(-6), flag }],
      });
    }
  });

  it("(1) contact for any pain value ≥ 7 in d−2…d: morning, during or after any activity, exercise", () => {
    const contact = (over: Partial<AdviceInput>) => athleteAdvice(calm(over));
    expect(contact({ checkIns: [checkIn(day(-2), 7), checkIn(D, 2)] })).toMatchObject({ kind: "contact", causes: [{ kind: "pain", date: day(-2), value: 7, source: "morning" }] });
    expect(contact({ activities: [activity(day(-1), { type: "bike", painDuring: 8 })] })).toMatchObject({ kind: "contact", causes: [{ kind: "pain", value: 8, source: "activity" }] });
    expect(contact({ activities: [activity(D, { type: "run", painAfter: 7 })] })).toMatchObject({ kind: "contact", causes: [{ kind: "pain", value: 7, source: "activity" }] });
    expect(contact({ exerciseLogs: [log("item", D, { exercisePain: 9 })] })).toMatchObject({ kind: "contact", causes: [{ kind: "pain", value: 9, source: "exercise" }] });
  });

  it("pain 6, or pain ≥ 7 on d−3, does not call for contact", () => {
    expect(athleteAdvice(calm({ checkIns: [checkIn(D, 6)], activities: [activity(D, { painDuring: 6, painAfter: 6 })], exerciseLogs: [log("item", D, { exercisePain: 6 })] }))).toMatchObject({ kind: "light" });
    expect(athleteAdvice(calm({ checkIns: [checkIn(day(-3), 9), checkIn(D, 2)], activities: [activity(day(-3), { painAfter: 10 })] }))).toMatchObject({ kind: "light" });
  });

  it("(1) contact when the return-to-run plan is paused (§2c), ahead of everything else", () => {
    expect(athleteAdvice(calm({ returnToRun: { paused: true } }))).toEqual({ kind: "contact", message: CONTACT_ADVICE, causes: [{ kind: "paused" }] });
  });

  it("(3) on a ladder the §2c verdict, below red flags and above the light", () => {
    const ladder = { paused: false as const, verdictInWords: "Repeat stage 3" };
    expect(athleteAdvice(calm({ returnToRun: ladder }))).toEqual({ kind: "ladder", message: "Repeat stage 3" });
    expect(athleteAdvice(calm({ returnToRun: ladder, unresolvedRedFlags: [{ date: D, flag: "swelling" }] }))).toMatchObject({ kind: "hold" });
  });

  it("precedence: contact over hold over the light; a green light never shows beside an open flag", () => {
    const both = calm({
      unresolvedRedFlags: [
        { date: D, flag: "clicking" },
        { date: day(-3), flag: "hot_red_fever" },
      ],
      checkIns: [checkIn(day(-1), 8), checkIn(D, 2)],
    });
    expect(athleteAdvice(both)).toEqual({
      kind: "contact",
      message: CONTACT_ADVICE,
      causes: [
        { kind: "urgent_red_flag", date: day(-3), flag: "hot_red_fever" },
        { kind: "pain", date: day(-1), value: 8, source: "morning" },
      ],
    });
    // the green light of d does not outrank a flag answered yes on d
    expect(athleteAdvice(calm({ unresolvedRedFlags: [{ date: D, flag: "giving_way" }] })).kind).toBe("hold");
  });

  it("ignores records dated after d", () => {
    expect(athleteAdvice(calm({ unresolvedRedFlags: [{ date: day(1), flag: "locking" }], checkIns: [checkIn(D, 2), checkIn(day(1), 9)] }))).toMatchObject({ kind: "light" });
  });
});
