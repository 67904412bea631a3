// Progression ladders (DESIGN §2): each exercise sits on a ladder ordered easiest → hardest, and a
// suggestion moves a program item one rung up or down. Plain data in, plain data out.

/** One rung of a ladder. `position` is only an ordering key: it may be fractional, negative or
 *  have gaps, because a clinic can slot its own exercise between two built-in steps. */
export type LadderStep = { exerciseId: string; position: number };

export type LadderMove =
  | { ok: true; exerciseId: string }
  | { ok: false; reason: "top" | "bottom" | "not_on_ladder"; message: string };

/**
 * A prescription. Exactly one of `reps` / `holdSec` is set. For a hold, `sets` counts the holds
 * (3 × 30 s). For one-sided exercises reps and holds are per side.
 */
export type Dosage =
  | { sets: number; reps: number; holdSec?: undefined; daysPerWeek: number }
  | { sets: number; holdSec: number; reps?: undefined; daysPerWeek: number };

/** The looser shape a stored prescription arrives in (nullable columns). */
export type DosageLike = {
  sets: number;
  reps?: number | null;
  holdSec?: number | null;
  daysPerWeek: number;
};

/** Easiest first: by position, then by exercise id so equal positions still order the same way every time. */
export function orderLadder<T extends LadderStep>(steps: readonly T[]): T[] {
  return [...steps].sort((a, b) => {
    if (a.position !== b.position) return a.position - b.position;
    if (a.exerciseId === b.exerciseId) return 0;
    return a.exerciseId < b.exerciseId ? -1 : 1;
  });
}

/** 1-based rung of an exercise on its ladder (for "from step 2 to step 3" in the change history). */
export function stepNumber(steps: readonly LadderStep[], exerciseId: string): number | null {
  const index = orderLadder(steps).findIndex((s) => s.exerciseId === exerciseId);
  return index === -1 ? null : index + 1;
}

const NOT_ON_LADDER: LadderMove = {
  ok: false,
  reason: "not_on_ladder",
  message: "This exercise is not on this ladder",
};

/** The next harder exercise. */
export function nextStep(steps: readonly LadderStep[], currentId: string): LadderMove {
  const ordered = orderLadder(steps);
  const index = ordered.findIndex((s) => s.exerciseId === currentId);
  if (index === -1) return NOT_ON_LADDER;
  const next = ordered[index + 1];
  if (!next) {
    return { ok: false, reason: "top", message: "Already the hardest exercise on this ladder" };
  }
  return { ok: true, exerciseId: next.exerciseId };
}

/** The next easier exercise. */
export function previousStep(steps: readonly LadderStep[], currentId: string): LadderMove {
  const ordered = orderLadder(steps);
  const index = ordered.findIndex((s) => s.exerciseId === currentId);
  if (index === -1) return NOT_ON_LADDER;
  const previous = index > 0 ? ordered[index - 1] : undefined;
  if (!previous) {
    return { ok: false, reason: "bottom", message: "Already the easiest exercise on this ladder" };
  }
  return { ok: true, exerciseId: previous.exerciseId };
}

/**
 * The position for a clinic exercise inserted just above `afterExerciseId` (null: at the bottom,
 * below the easiest step).
 *
 * We use fractional positions rather than renumbering: the insert writes one row and never
 * rewrites the positions of steps the clinic did not touch (built-in steps, other exercises'
 * history). Between two steps it takes the midpoint (1 and 2 → 1.5; 1 and 3 → 2), so integer gaps
 * stay integers; at either end it steps a whole 1 past the end. Halving runs out only after ~50
 * inserts into the same gap; then it throws and the caller renumbers with `renumberLadder` first.
 */
export function insertPosition(steps: readonly LadderStep[], afterExerciseId: string | null): number {
  const ordered = orderLadder(steps);
  const first = ordered[0];
  if (!first) return 1;

  if (afterExerciseId === null) return first.position - 1;

  const index = ordered.findIndex((s) => s.exerciseId === afterExerciseId);
  const after = ordered[index];
  if (!after) throw new RangeError(`Exercise ${afterExerciseId} is not on this ladder`);

  const before = ordered[index + 1];
  if (!before) return after.position + 1;

  const mid = after.position + (before.position - after.position) / 2;
  if (!(mid > after.position && mid < before.position)) {
    // equal positions, or a gap too small for a double to split
    throw new RangeError("No room between these steps; renumber the ladder first");
  }
  return mid;
}

/** The same order with positions 1, 2, 3, … (for when fractional inserts have used up a gap). */
export function renumberLadder<T extends LadderStep>(steps: readonly T[]): T[] {
  return orderLadder(steps).map((s, i) => ({ ...s, position: i + 1 }));
}

function kindOf(d: DosageLike): "reps" | "hold" | null {
  if (d.reps != null) return "reps";
  if (d.holdSec != null) return "hold";
  return null;
}

/**
 * The prescription for a program item moved from one exercise to `toDefault`'s exercise
 * (`from` is what the athlete was doing; `toDefault` is the target exercise's default dosage).
 *
 * - Days per week always carries: it is the athlete's schedule, not a property of the exercise.
 * - reps → reps: sets and reps carry, so the trainer's chosen volume survives the move.
 * - reps ↔ hold: the units don't convert (12 reps is not 12 s), so the amount is the target's
 *   default reps or hold; sets carry.
 * - hold → hold: sets and hold come from the target. A hold's length defines the step (ten 5 s
 *   short-foot squeezes seated vs three 30 s holds on one leg), so carrying "10 × 5 s" onto the
 *   one-leg step, or "3 × 30 s" back down, would prescribe a different exercise.
 * A `from` with neither reps nor hold (bad data) gets the target's amount and keeps its sets.
 * The result is a suggestion the trainer confirms; the app never applies it by itself.
 */
export function carryDosage(from: DosageLike, toDefault: Dosage): Dosage {
  const days = from.daysPerWeek;
  const fromKind = kindOf(from);
  if (toDefault.reps !== undefined) {
    if (fromKind === "reps" && from.reps != null) {
      return { sets: from.sets, reps: from.reps, daysPerWeek: days };
    }
    return { sets: from.sets, reps: toDefault.reps, daysPerWeek: days };
  }
  if (fromKind === "hold") {
    return { sets: toDefault.sets, holdSec: toDefault.holdSec, daysPerWeek: days };
  }
  return { sets: from.sets, holdSec: toDefault.holdSec, daysPerWeek: days };
}

/** A rung as a clinic sees it: archived exercises drop out of the ladder, except the one in use. */
export type LadderRung = LadderStep & { archived: boolean };

export type LadderEnds = { easiest: boolean; hardest: boolean };

/**
 * Whether the exercise is the easiest or hardest live step of its ladder (null when it is not on
 * it): the same rungs the Progress and Regress buttons can move to, so a conclusion never asks for
 * a move the buttons cannot make. A one-step ladder is both.
 */
export function ladderEnds(rungs: readonly LadderRung[], exerciseId: string): LadderEnds | null {
  const live = rungs.filter((r) => !r.archived || r.exerciseId === exerciseId);
  const up = nextStep(live, exerciseId);
  if (!up.ok && up.reason === "not_on_ladder") return null;
  const down = previousStep(live, exerciseId);
  return { easiest: !down.ok, hardest: !up.ok };
}
