// Starting programs a trainer can copy and adjust. Each item names a built-in exercise by slug and
// carries its own dosage, which may differ from the exercise's default (early phases go lighter).

import type { Dosage } from "@/lib/domain/ladder";

export type BuiltinTemplateItem = Dosage & {
  exerciseSlug: string;
  note?: string;
};

export type BuiltinTemplate = {
  slug: string;
  name: string;
  description: string;
  items: BuiltinTemplateItem[];
};

export const BUILTIN_TEMPLATES: BuiltinTemplate[] = [
  {
    slug: "medial-knee-phase-1",
    name: "Medial knee — phase 1 (settle and activate)",
    description:
      "First two to three weeks while running is cut to an amount the knee tolerates: wake up the hip and foot muscles without provoking pain.",
    items: [
      {
        exerciseSlug: "clamshell",
        sets: 3,
        reps: 15,
        daysPerWeek: 3,
        note: "Move to the banded version once 3 × 15 is easy.",
      },
      { exerciseSlug: "side-lying-hip-abduction", sets: 2, reps: 12, daysPerWeek: 3 },
      { exerciseSlug: "glute-bridge", sets: 3, reps: 12, daysPerWeek: 3 },
      {
        exerciseSlug: "short-foot-seated",
        sets: 10,
        holdSec: 5,
        daysPerWeek: 5,
        note: "Little and often; it can be done at a desk.",
      },
      { exerciseSlug: "double-leg-heel-raise", sets: 3, reps: 15, daysPerWeek: 3 },
      { exerciseSlug: "single-leg-stance", sets: 3, holdSec: 30, daysPerWeek: 5 },
      {
        exerciseSlug: "low-step-down",
        sets: 2,
        reps: 10,
        daysPerWeek: 3,
        note: "Stop short of any pain at the inside of the knee; keep exercise pain at 2/10 or less.",
      },
    ],
  },
  {
    slug: "medial-knee-phase-2",
    name: "Medial knee — phase 2 (build strength)",
    description:
      "Once phase 1 is easy and morning pain has settled: load the hip and calf and practise single-leg control.",
    items: [
      { exerciseSlug: "side-lying-hip-abduction-loaded", sets: 3, reps: 12, daysPerWeek: 3 },
      { exerciseSlug: "lateral-band-walk", sets: 3, reps: 10, daysPerWeek: 3 },
      { exerciseSlug: "single-leg-bridge", sets: 3, reps: 10, daysPerWeek: 3 },
      { exerciseSlug: "lateral-step-down", sets: 3, reps: 10, daysPerWeek: 3 },
      { exerciseSlug: "short-foot-standing", sets: 10, holdSec: 5, daysPerWeek: 5 },
      { exerciseSlug: "single-leg-heel-raise", sets: 3, reps: 15, daysPerWeek: 3 },
      { exerciseSlug: "single-leg-stance-foam", sets: 3, holdSec: 30, daysPerWeek: 5 },
    ],
  },
  {
    slug: "return-to-run-phase-3",
    name: "Return to run — phase 3 (power and control)",
    description:
      "Alongside a graded return to running: heavier single-leg strength and the landing and spring work running needs.",
    items: [
      { exerciseSlug: "side-plank-top-leg-lift", sets: 3, reps: 8, daysPerWeek: 3 },
      { exerciseSlug: "loaded-single-leg-romanian-deadlift", sets: 3, reps: 8, daysPerWeek: 3 },
      { exerciseSlug: "single-leg-squat", sets: 3, reps: 8, daysPerWeek: 3 },
      { exerciseSlug: "loaded-single-leg-heel-raise", sets: 3, reps: 10, daysPerWeek: 3 },
      { exerciseSlug: "short-foot-single-leg", sets: 3, holdSec: 30, daysPerWeek: 5 },
      {
        exerciseSlug: "pogo-hops",
        sets: 2,
        reps: 20,
        daysPerWeek: 2,
        note: "Not on the day after a hard or long run.",
      },
      {
        exerciseSlug: "single-leg-hop-and-hold",
        sets: 3,
        reps: 8,
        daysPerWeek: 2,
        note: "Every landing steady before adding distance.",
      },
    ],
  },
  {
    slug: "runners-stretching-routine",
    name: "Runner's stretching routine",
    description:
      "A stretching routine to go with any phase, best after a run or in the evening: calves, hip flexors, inner thigh, hamstrings, outer hip and the sole of the foot. About 20 minutes.",
    items: [
      { exerciseSlug: "wall-calf-stretch", sets: 3, holdSec: 30, daysPerWeek: 5 },
      {
        exerciseSlug: "bent-knee-wall-calf-stretch",
        sets: 3,
        holdSec: 30,
        daysPerWeek: 5,
        note: "Straight after the straight-knee stretch, in the same spot.",
      },
      { exerciseSlug: "half-kneeling-hip-flexor-stretch", sets: 3, holdSec: 30, daysPerWeek: 5 },
      { exerciseSlug: "side-lunge-adductor-stretch", sets: 3, holdSec: 30, daysPerWeek: 5 },
      { exerciseSlug: "lying-hamstring-stretch-towel", sets: 3, holdSec: 30, daysPerWeek: 5 },
      { exerciseSlug: "standing-cross-over-side-stretch", sets: 3, holdSec: 30, daysPerWeek: 5 },
      {
        exerciseSlug: "seated-plantar-fascia-stretch",
        sets: 10,
        holdSec: 10,
        daysPerWeek: 5,
        note: "If the sole is sore first thing, do this one before getting out of bed.",
      },
    ],
  },
];
