/**
 * The return-to-run interval timer (DESIGN §2c, issue 19 item 4) as pure arithmetic: given a
 * stage's plan and the milliseconds the session has been running, where it is (phase, repeat,
 * time left). Nothing here counts ticks: the caller reads a clock (Date.now) and asks again, so
 * the answer is right however long the phone slept between two asks.
 */

export type IntervalPlan = {
  /** Minutes running per repeat; 0 at a walking stage. */
  runMin: number;
  /** Minutes walking per repeat; 0 at a continuous running stage. */
  walkMin: number;
  repeats: number;
};

export type PhaseKind = "run" | "walk";

/** One stretch of the session: a run or a walk of one repeat, from `startMs` for `lengthMs`. */
export type Phase = { kind: PhaseKind; repeat: number; startMs: number; lengthMs: number };

export type TimerPosition =
  | {
      done: false;
      phase: Phase;
      /** 1-based, of `repeats`. */
      repeat: number;
      repeats: number;
      /** Index of the phase in `phasesOf(plan)`: changes exactly when a cue is due. */
      index: number;
      phaseRemainingMs: number;
      totalRemainingMs: number;
      elapsedMs: number;
    }
  | { done: true; repeats: number; index: number; phaseRemainingMs: 0; totalRemainingMs: 0; elapsedMs: number };

const MIN = 60_000;

/** The session's phases in order; a zero-minute run or walk is left out (stage 1 walks only, a continuous stage runs only). */
export function phasesOf(plan: IntervalPlan): Phase[] {
  const phases: Phase[] = [];
  let t = 0;
  for (let repeat = 1; repeat <= plan.repeats; repeat++) {
    for (const [kind, min] of [
      ["run", plan.runMin],
      ["walk", plan.walkMin],
    ] as const) {
      if (min <= 0) continue;
      phases.push({ kind, repeat, startMs: t, lengthMs: min * MIN });
      t += min * MIN;
    }
  }
  return phases;
}

export const sessionLengthMs = (plan: IntervalPlan) => (plan.runMin + plan.walkMin) * plan.repeats * MIN;

/**
 * Where the session is after `elapsedMs` of timed (not paused) running. A phase holds from its
 * start inclusive to its end exclusive: at exactly 60 000 ms of "run 1, walk 4" the walk has begun.
 * At or past the end the session is done.
 */
export function positionAt(plan: IntervalPlan, elapsedMs: number): TimerPosition {
  const phases = phasesOf(plan);
  const total = sessionLengthMs(plan);
  const t = Math.max(0, elapsedMs);
  if (t >= total || phases.length === 0) return { done: true, repeats: plan.repeats, index: phases.length, phaseRemainingMs: 0, totalRemainingMs: 0, elapsedMs: Math.min(t, total) };
  let index = 0;
  while (index < phases.length - 1 && phases[index + 1]!.startMs <= t) index++;
  const phase = phases[index]!;
  return {
    done: false,
    phase,
    repeat: phase.repeat,
    repeats: plan.repeats,
    index,
    phaseRemainingMs: phase.startMs + phase.lengthMs - t,
    totalRemainingMs: total - t,
    elapsedMs: t,
  };
}

/** Running time within the first `elapsedMs` of the session (what §2c calls the timer's recorded running time). */
export function runningMsAt(plan: IntervalPlan, elapsedMs: number): number {
  let ms = 0;
  for (const p of phasesOf(plan)) if (p.kind === "run") ms += Math.max(0, Math.min(elapsedMs, p.startMs + p.lengthMs) - p.startMs);
  return ms;
}

/**
 * Repeats done after `elapsedMs`: a repeat counts once its run is over (the walk after it is
 * recovery); at a walking stage, once its walk is over.
 */
export function repeatsDoneAt(plan: IntervalPlan, elapsedMs: number): number {
  let done = 0;
  for (const p of phasesOf(plan)) {
    const counts = plan.runMin > 0 ? p.kind === "run" : p.kind === "walk";
    if (counts && elapsedMs >= p.startMs + p.lengthMs) done = p.repeat;
  }
  return done;
}

// ── the clock: start, pause, resume, read ───────────────────────────────────────────────────────

/** Timed milliseconds banked by earlier stretches, and when the current one began (null while paused). */
export type TimerClock = { bankedMs: number; runningSinceMs: number | null };

export const newClock = (): TimerClock => ({ bankedMs: 0, runningSinceMs: null });

/** Timed milliseconds at wall-clock `nowMs`; a clock that went backwards counts as no time. */
export const elapsedOn = (c: TimerClock, nowMs: number) => c.bankedMs + (c.runningSinceMs === null ? 0 : Math.max(0, nowMs - c.runningSinceMs));

export const startClock = (c: TimerClock, nowMs: number): TimerClock => (c.runningSinceMs === null ? { bankedMs: c.bankedMs, runningSinceMs: nowMs } : c);

export const pauseClock = (c: TimerClock, nowMs: number): TimerClock => (c.runningSinceMs === null ? c : { bankedMs: elapsedOn(c, nowMs), runningSinceMs: null });

// ── the end: what the log form is filled in with ────────────────────────────────────────────────

export type TimerOutcome = {
  outcome: "completed" | "stopped_early";
  /** Whole seconds timed (pauses left out), at most the session's length. */
  durationSec: number;
  runningSec: number;
  /** Only when stopped early: the repeats done. */
  stoppedAtRepeat: number | null;
};

/** The session as the log form takes it, after `elapsedMs` of timed running (completed when the whole plan ran). */
export function outcomeAt(plan: IntervalPlan, elapsedMs: number): TimerOutcome {
  const total = sessionLengthMs(plan);
  const t = Math.min(Math.max(0, elapsedMs), total);
  const completed = t >= total;
  // durationSec rounds up so that a session of a few seconds is not "0 seconds" (the log refuses 0)
  const durationSec = Math.max(1, Math.ceil(t / 1000));
  return {
    outcome: completed ? "completed" : "stopped_early",
    durationSec,
    runningSec: Math.min(durationSec, Math.floor(runningMsAt(plan, t) / 1000)),
    stoppedAtRepeat: completed ? null : repeatsDoneAt(plan, t),
  };
}

/** "4:05" for the big display; hours when there are any ("1:02:03"). Rounds up so 0:00 means over. */
export function formatClock(ms: number): string {
  const s = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/** What a screen reader hears when a phase starts: "Run, repeat 2 of 6, 1 minute". */
export function announce(pos: TimerPosition): string {
  if (pos.done) return "Session complete. Well done. Fill in how it went below.";
  const min = pos.phase.lengthMs / MIN;
  const what = pos.phase.kind === "run" ? "Run" : "Walk";
  const of = pos.repeats > 1 ? `, repeat ${pos.repeat} of ${pos.repeats}` : "";
  return `${what}${of}, ${min} ${min === 1 ? "minute" : "minutes"}`;
}

export type Cue = { kind: PhaseKind | "done"; /** Phase changes missed while the tab slept (0 on a normal tick). */ missed: number };

/**
 * The cue due between two reads of the timer: one for the phase now in force however many phase
 * changes passed unseen (a phone asleep through three intervals wakes to one beep for the current
 * phase, not four), none when the phase is unchanged.
 */
export function cueBetween(before: TimerPosition | null, now: TimerPosition): Cue | null {
  if (before !== null && before.index === now.index) return null;
  const missed = before === null ? 0 : Math.max(0, now.index - before.index - 1);
  return { kind: now.done ? "done" : now.phase.kind, missed };
}
