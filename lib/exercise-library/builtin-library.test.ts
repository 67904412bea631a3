import { describe, expect, it } from "vitest";
import { nextStep, previousStep, type Dosage } from "@/lib/domain/ladder";
import { BUILTIN_EXERCISES, BUILTIN_LADDERS, EQUIPMENT, KINDS, REGIONS } from "./builtin-exercises";
import { BUILTIN_TEMPLATES } from "./builtin-templates";

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function expectValidDosage(d: Dosage, label: string) {
  const hasReps = d.reps !== undefined;
  const hasHold = d.holdSec !== undefined;
  expect(hasReps !== hasHold, `${label}: exactly one of reps/holdSec`).toBe(true);
  for (const key of ["sets", "reps", "holdSec", "daysPerWeek"] as const) {
    const value = d[key];
    if (value === undefined) continue;
    expect(Number.isInteger(value) && value > 0, `${label}: ${key} is a positive integer`).toBe(true);
  }
  expect(d.daysPerWeek, `${label}: days per week`).toBeLessThanOrEqual(7);
  expect(d.sets, `${label}: sets`).toBeLessThanOrEqual(10);
}

// DESIGN §2, easiest → hardest; the two split steps are noted.
const DESIGN_ORDER: Record<string, string[]> = {
  "hip-abduction": [
    "clamshell",
    "banded-clamshell",
    "side-lying-hip-abduction",
    "side-lying-hip-abduction-loaded",
    "standing-banded-hip-abduction", // "standing banded abduction / lateral band walk"
    "lateral-band-walk",
    "side-plank-top-leg-lift",
  ],
  "hip-extension": [
    "glute-bridge",
    "marching-bridge",
    "single-leg-bridge",
    "single-leg-bridge-from-step",
    "single-leg-romanian-deadlift",
    "loaded-single-leg-romanian-deadlift",
  ],
  "single-leg-control": [
    "low-step-down",
    "lateral-step-down",
    "split-squat",
    "single-leg-squat-to-box",
    "single-leg-squat",
    "skater-hops",
  ],
  "foot-core": [
    "toe-spreading-seated", // "toe spreading / toe yoga seated"
    "toe-yoga-seated",
    "short-foot-seated",
    "short-foot-standing",
    "short-foot-single-leg",
    "short-foot-single-leg-unstable",
  ],
  "calf-and-arch": [
    "double-leg-heel-raise",
    "heel-raise-up-two-down-one",
    "single-leg-heel-raise",
    "single-leg-heel-raise-step",
    "loaded-single-leg-heel-raise",
    "pogo-hops",
  ],
  balance: [
    "single-leg-stance",
    "single-leg-stance-eyes-closed",
    "single-leg-stance-foam",
    "star-excursion-reach",
    "single-leg-hop-and-hold",
  ],
  // stretching and mobility: static → dynamic → loaded where a progression makes sense
  "calf-soleus-stretch": ["wall-calf-stretch", "bent-knee-wall-calf-stretch", "knee-to-wall-ankle-rocks", "bent-knee-heel-drop"],
  "hip-flexor-stretch": [
    "half-kneeling-hip-flexor-stretch",
    "half-kneeling-hip-flexor-stretch-reach",
    "kneeling-hip-flexor-quad-stretch",
    "walking-lunge-overhead-reach",
  ],
  "adductor-stretch": ["seated-butterfly-stretch", "side-lunge-adductor-stretch", "adductor-rock-back", "short-copenhagen-plank"],
  "hamstring-stretch": ["lying-hamstring-stretch-towel", "standing-hamstring-stretch", "active-knee-extension", "front-to-back-leg-swings"],
  "outer-hip-stretch": ["lying-figure-four-stretch", "standing-cross-over-side-stretch", "ninety-ninety-hip-switches"],
  "plantar-fascia-stretch": ["sole-ball-roll", "seated-plantar-fascia-stretch", "standing-toe-wall-stretch"],
};

const STRENGTH_LADDERS = ["hip-abduction", "hip-extension", "single-leg-control", "foot-core", "calf-and-arch", "balance"];

const onLadder = (slug: string) =>
  BUILTIN_EXERCISES.filter((e) => e.ladderSlug === slug).sort((a, b) => a.step - b.step);

describe("built-in ladders", () => {
  it("are the ladders of DESIGN §2 with unique kebab-case slugs", () => {
    expect(BUILTIN_LADDERS.map((l) => l.slug)).toEqual(Object.keys(DESIGN_ORDER));
    for (const ladder of BUILTIN_LADDERS) {
      expect(ladder.slug).toMatch(KEBAB);
      expect(REGIONS).toContain(ladder.region);
      expect(KINDS).toContain(ladder.kind);
      expect(ladder.name.trim()).not.toBe("");
      expect(ladder.description.trim()).not.toBe("");
    }
  });

  it.each(BUILTIN_LADDERS.map((l) => l.slug))("%s has steps 1..n in DESIGN order", (slug) => {
    const steps = onLadder(slug);
    expect(steps.map((e) => e.step)).toEqual(steps.map((_, i) => i + 1));
    expect(steps.map((e) => e.slug)).toEqual(DESIGN_ORDER[slug]);
  });

  it.each(BUILTIN_LADDERS.map((l) => l.slug))("%s can be climbed to the top and back with ladder.ts", (slug) => {
    const steps = onLadder(slug).map((e) => ({ exerciseId: e.slug, position: e.step }));
    const first = steps[0];
    if (!first) throw new Error("empty ladder");
    let current = first.exerciseId;
    const climbed = [current];
    for (let move = nextStep(steps, current); move.ok; move = nextStep(steps, current)) {
      current = move.exerciseId;
      climbed.push(current);
    }
    expect(climbed).toEqual(DESIGN_ORDER[slug]);
    expect(nextStep(steps, current)).toMatchObject({ ok: false, reason: "top" });
    expect(previousStep(steps, first.exerciseId)).toMatchObject({ ok: false, reason: "bottom" });
  });
});

describe("stretching and mobility", () => {
  const kindOf = new Map(BUILTIN_LADDERS.map((l) => [l.slug, l.kind]));

  it("the six strength ladders are strength; every other ladder is stretching and mobility", () => {
    for (const l of BUILTIN_LADDERS) expect(l.kind, l.slug).toBe(STRENGTH_LADDERS.includes(l.slug) ? "strength" : "mobility");
    expect(BUILTIN_LADDERS.filter((l) => l.kind === "mobility").map((l) => l.slug)).toEqual([
      "calf-soleus-stretch",
      "hip-flexor-stretch",
      "adductor-stretch",
      "hamstring-stretch",
      "outer-hip-stretch",
      "plantar-fascia-stretch",
    ]);
  });

  it("each mobility ladder starts with a held stretch and says why its steps are in that order", () => {
    for (const l of BUILTIN_LADDERS.filter((l) => l.kind === "mobility")) {
      const first = onLadder(l.slug)[0];
      expect(first?.dosage.holdSec, `${l.slug} starts with a hold`).toBeGreaterThanOrEqual(10);
      expect(l.description.length, `${l.slug} explains its order`).toBeGreaterThan(150);
      expect(l.description).toMatch(/Starts/);
    }
  });

  it.each(BUILTIN_EXERCISES.filter((e) => kindOf.get(e.ladderSlug) === "mobility").map((e) => [e.slug, e] as const))(
    "%s has a stretch's dosage: holds of 10-60 s, or a few controlled reps",
    (slug, e) => {
      if (e.dosage.holdSec !== undefined) {
        expect(e.dosage.holdSec, slug).toBeGreaterThanOrEqual(10);
        expect(e.dosage.holdSec, slug).toBeLessThanOrEqual(60);
      } else {
        expect(e.dosage.reps, slug).toBeLessThanOrEqual(15);
      }
      expect(e.dosage.daysPerWeek, slug).toBeGreaterThanOrEqual(3);
    },
  );

  it("a one-sided exercise says how to do the other side, and only those are per side", () => {
    const otherSide = /switch|other side|other foot|turn around|shift across|other leg/i;
    for (const e of BUILTIN_EXERCISES) {
      if (e.perSide) expect(e.howTo.some((line) => otherSide.test(line)), `${e.slug} says how to change sides`).toBe(true);
    }
    // both-sides-at-once exercises stay unflagged
    for (const slug of ["glute-bridge", "marching-bridge", "double-leg-heel-raise", "pogo-hops", "seated-butterfly-stretch", "ninety-ninety-hip-switches", "skater-hops"]) {
      expect(BUILTIN_EXERCISES.find((e) => e.slug === slug)?.perSide, slug).toBeFalsy();
    }
  });
});

describe("built-in exercises", () => {
  it("has at least 30 exercises with unique slugs and names", () => {
    expect(BUILTIN_EXERCISES.length).toBeGreaterThanOrEqual(30);
    const slugs = BUILTIN_EXERCISES.map((e) => e.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const names = BUILTIN_EXERCISES.map((e) => e.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it("puts every exercise on a known ladder", () => {
    const ladders = new Set(BUILTIN_LADDERS.map((l) => l.slug));
    for (const e of BUILTIN_EXERCISES) expect(ladders.has(e.ladderSlug), e.slug).toBe(true);
  });

  it.each(BUILTIN_EXERCISES.map((e) => [e.slug, e] as const))("%s is complete", (slug, e) => {
    expect(slug).toMatch(KEBAB);
    expect(e.name.trim()).not.toBe("");
    expect(REGIONS).toContain(e.region);
    expect(e.howTo.length).toBeGreaterThanOrEqual(3);
    expect(e.howTo.length).toBeLessThanOrEqual(6);
    expect(e.cues.length).toBeGreaterThanOrEqual(2);
    expect(e.cues.length).toBeLessThanOrEqual(4);
    for (const line of [...e.howTo, ...e.cues]) expect(line.trim()).not.toBe("");
    expectValidDosage(e.dosage, slug);
    expect(e.equipment.length).toBeGreaterThan(0);
    for (const item of e.equipment) expect(EQUIPMENT).toContain(item);
    expect(new Set(e.equipment).size).toBe(e.equipment.length);
    if (e.equipment.includes("none")) expect(e.equipment).toEqual(["none"]);
  });
});

describe("built-in templates", () => {
  const slugs = new Set(BUILTIN_EXERCISES.map((e) => e.slug));

  it("have unique slugs and at least two templates", () => {
    expect(BUILTIN_TEMPLATES.length).toBeGreaterThanOrEqual(2);
    expect(BUILTIN_TEMPLATES.map((t) => t.slug)).toContain("runners-stretching-routine");
    const templateSlugs = BUILTIN_TEMPLATES.map((t) => t.slug);
    expect(new Set(templateSlugs).size).toBe(templateSlugs.length);
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.slug, t] as const))("%s references existing exercises once each", (slug, t) => {
    expect(slug).toMatch(KEBAB);
    expect(t.items.length).toBeGreaterThan(0);
    for (const item of t.items) {
      expect(slugs.has(item.exerciseSlug), item.exerciseSlug).toBe(true);
      expectValidDosage(item, `${slug}/${item.exerciseSlug}`);
      // a template must dose an exercise the way the exercise is measured
      const exercise = BUILTIN_EXERCISES.find((e) => e.slug === item.exerciseSlug);
      expect(item.holdSec === undefined, `${item.exerciseSlug} uses the exercise's unit`).toBe(
        exercise?.dosage.holdSec === undefined,
      );
    }
    const itemSlugs = t.items.map((i) => i.exerciseSlug);
    expect(new Set(itemSlugs).size).toBe(itemSlugs.length);
  });
});
