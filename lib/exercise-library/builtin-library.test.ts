import { describe, expect, it } from "vitest";
import { nextStep, previousStep, type Dosage } from "@/lib/domain/ladder";
import { BUILTIN_EXERCISES, BUILTIN_LADDERS, EQUIPMENT, REGIONS } from "./builtin-exercises";
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
};

const onLadder = (slug: string) =>
  BUILTIN_EXERCISES.filter((e) => e.ladderSlug === slug).sort((a, b) => a.step - b.step);

describe("built-in ladders", () => {
  it("are the six ladders of DESIGN §2 with unique kebab-case slugs", () => {
    expect(BUILTIN_LADDERS.map((l) => l.slug)).toEqual(Object.keys(DESIGN_ORDER));
    for (const ladder of BUILTIN_LADDERS) {
      expect(ladder.slug).toMatch(KEBAB);
      expect(REGIONS).toContain(ladder.region);
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
