// Return to run (DESIGN §2c): a running ladder of stages, gated by pain like the exercises.
// Pure: the data layer loads the stages, the dated stage assignments and the records; this file
// decides the verdict (stop, step down, step up, hold), the ladder's over_prescription and the
// athlete's session of the day. Evaluating d reads only records dated on or before d.
//
// Noted while implementing §2c as written:
// - "Only sessions dated on or after the current assignment's date count": on the step's own date,
//   sessions logged against the stage it replaced are left out (a step made during the day leaves
//   that day's sessions with the stage they were logged against, and a step resets the count).
// - A walk counts as a stage session only when logged against a stage; every run counts (off-plan
//   when not logged against one). Sessions per week count every run and walk.
import { addDays } from "./dates";
import { PAIN_CRITICAL, PAIN_TOO_MUCH, baseline, currentTrafficLight, runningPain } from "./pain";
import { isUrgentRedFlag, redFlagsOf } from "./red-flags";
import type { Activity, ExerciseLog, History, IsoDate } from "./types";

/** One stage of a running ladder: a session recipe and how many sessions a week. */
export type RunStage = {
  id: string;
  /** Minutes running per repeat; 0 at a walking stage (stage 1). */
  runMin: number;
  /** Minutes walking per repeat; 0 at a continuous running stage. */
  walkMin: number;
  repeats: number;
  sessionsPerWeek: number;
};

/** A stage assignment: by the trainer (start, step, resume) or a step by the athlete. Never backdated. */
export type StageAssignment = {
  stageId: string;
  date: IsoDate;
  byTrainer: boolean;
  /** When it was made (ms since the epoch): orders assignments of one date, and decides which stop events a resume covers. */
  madeAtMs: number;
};

export type ReturnToRunPlan = {
  /** The ladder's stages, easiest first. */
  stages: readonly RunStage[];
  assignments: readonly StageAssignment[];
  /** The trainer lets the athlete step up alone when step up holds. */
  athleteMayStepUp?: boolean;
};

export type RtrInput = ReturnToRunPlan & {
  history: Pick<History, "checkIns" | "activities" | "morningPain">;
  exerciseLogs?: readonly ExerciseLog[];
};

/** A stage as placed on its ladder: number 1 is the easiest. */
export type PlacedStage = RunStage & { number: number; isFirst: boolean; isLast: boolean };

export type RtrVerdict =
  | { kind: "stop"; stage: PlacedStage; since: IsoDate }
  | { kind: "step_down"; stage: PlacedStage; session: Activity; why: string }
  | { kind: "step_up"; stage: PlacedStage; dates: [IsoDate, IsoDate] }
  | { kind: "hold"; stage: PlacedStage; why: string };

/** More than 10% over the stage's running minutes (§2c length), as an integer ratio. */
const LENGTH_NUM = 11;
const LENGTH_DEN = 10;
/** Pain during and after must both be at most this for a session to count toward a step up. */
export const RTR_SAFE_PAIN = 2;

const byMoment = (a: StageAssignment, b: StageAssignment) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.madeAtMs - b.madeAtMs);

function place(stages: readonly RunStage[], stageId: string): PlacedStage | null {
  const i = stages.findIndex((s) => s.id === stageId);
  if (i < 0) return null;
  return { ...stages[i]!, number: i + 1, isFirst: i === 0, isLast: i === stages.length - 1 };
}

/** The assignment in force on d: the latest dated on or before d (several on one date: the last made). */
export function assignmentOn(assignments: readonly StageAssignment[], d: IsoDate): StageAssignment | null {
  let found: StageAssignment | null = null;
  for (const a of [...assignments].sort(byMoment)) if (a.date <= d) found = a;
  return found;
}

export function stageOn(plan: ReturnToRunPlan, d: IsoDate): PlacedStage | null {
  const a = assignmentOn(plan.assignments, d);
  return a ? place(plan.stages, a.stageId) : null;
}

/** §2c: the session recipe's total minutes. */
export const sessionMinutes = (s: RunStage) => (s.runMin + s.walkMin) * s.repeats;
/** §2c: the stage's running minutes (the table's "running min"). */
export const stageRunningMinutes = (s: RunStage) => s.runMin * s.repeats;

/** "Stage 4: run 3 min, walk 2 min, 6 times — 30 min". */
export function stageInWords(s: PlacedStage): string {
  const total = sessionMinutes(s);
  if (s.runMin === 0) return `Stage ${s.number}: walk briskly ${total} min`;
  if (s.walkMin === 0) return `Stage ${s.number}: run ${stageRunningMinutes(s)} min continuously — ${total} min`;
  const times = s.repeats === 1 ? "once" : `${s.repeats} times`;
  return `Stage ${s.number}: run ${s.runMin} min, walk ${s.walkMin} min, ${times} — ${total} min`;
}

/** A run or walk as a §2c session: its stage (logged against, or the one in force: off-plan). */
export type Session = { activity: Activity; stageId: string | null; offPlan: boolean };

/**
 * Every run and walk is a session for sessions per week; for the verdict, runs always (off-plan
 * when not logged against a stage: the stage assigned last that day), walks only when logged
 * against a stage.
 */
export function sessionOf(plan: ReturnToRunPlan, a: Activity): Session | null {
  if (a.type !== "run" && a.type !== "walk") return null;
  if (a.stageId) return { activity: a, stageId: a.stageId, offPlan: false };
  if (a.type === "walk") return null;
  return { activity: a, stageId: assignmentOn(plan.assignments, a.date)?.stageId ?? null, offPlan: true };
}

/** Sessions dated from…to in order (date, then as loaded: start time, then the order entered). */
function sessionsBetween(input: RtrInput, from: IsoDate, to: IsoDate): Session[] {
  const out: Session[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const a of input.history.activities.get(date) ?? []) {
      const s = sessionOf(input, a);
      if (s) out.push(s);
    }
  }
  return out;
}

/** Runs and walks, whatever their stage, dated from…to. */
function runsAndWalks(input: RtrInput, from: IsoDate, to: IsoDate): Activity[] {
  const out: Activity[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const a of input.history.activities.get(date) ?? []) if (a.type === "run" || a.type === "walk") out.push(a);
  }
  return out;
}

/** The sessions that count for step up and down on d: from the current assignment's date on. */
function countedSessions(input: RtrInput, current: StageAssignment, d: IsoDate): Session[] {
  return sessionsBetween(input, current.date, d).filter((s) => s.activity.date > current.date || s.offPlan || s.stageId === current.stageId);
}

/** §2c: max(pain during, pain after), null when neither is given (walks included). */
export const sessionPain = (a: Pick<Activity, "painDuring" | "painAfter">) => runningPain(a);

/** §2c rose next morning: morning pain on s+1 (dated ≤ d) > 5, or ≥ 2 above baseline(s+1). */
export function roseNextMorning(h: Pick<History, "morningPain">, s: IsoDate, d: IsoDate): { morning: number; baseline: number | null } | null {
  const next = addDays(s, 1);
  if (next > d) return null;
  const m = h.morningPain.get(next);
  if (m === undefined) return null;
  const base = baseline(h.morningPain, next);
  return m > PAIN_TOO_MUCH || (base !== null && m - base >= 2) ? { morning: m, baseline: base } : null;
}

/** §2c settled next morning: the s+1 check-in (dated ≤ d) has morning pain ≤ baseline(s+1), or ≤ 2 when there is no baseline. */
export function settledNextMorning(h: Pick<History, "morningPain">, s: IsoDate, d: IsoDate): boolean {
  const next = addDays(s, 1);
  if (next > d) return false;
  const m = h.morningPain.get(next);
  if (m === undefined) return false;
  const base = baseline(h.morningPain, next);
  return base !== null ? m <= base : m <= RTR_SAFE_PAIN;
}

export type StopEvent = { date: IsoDate; recordedAtMs: number; what: string };

/** §2c stop events dated ≤ d: an urgent red flag answered yes, or any pain value ≥ 7. */
export function stopEvents(input: RtrInput, d: IsoDate): StopEvent[] {
  const events: StopEvent[] = [];
  for (const c of input.history.checkIns.values()) {
    if (c.date > d) continue;
    const at = c.recordedAtMs ?? 0;
    for (const f of redFlagsOf(c)) if (isUrgentRedFlag(f)) events.push({ date: c.date, recordedAtMs: at, what: f });
    if (c.morningPain !== null && c.morningPain >= PAIN_CRITICAL) events.push({ date: c.date, recordedAtMs: at, what: "morning pain" });
  }
  for (const list of input.history.activities.values()) {
    for (const a of list) {
      if (a.date > d) continue;
      for (const p of [a.painDuring, a.painAfter]) {
        if (p !== null && p >= PAIN_CRITICAL) events.push({ date: a.date, recordedAtMs: a.recordedAtMs ?? 0, what: "activity pain" });
      }
    }
  }
  for (const l of input.exerciseLogs ?? []) {
    if (l.date <= d && l.exercisePain !== null && l.exercisePain >= PAIN_CRITICAL) events.push({ date: l.date, recordedAtMs: l.loggedAtMs ?? 0, what: "exercise pain" });
  }
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.recordedAtMs - b.recordedAtMs));
}

/**
 * §2c paused on d: a stop event dated ≤ d that the latest trainer-made assignment (dated ≤ d) does
 * not cover. A resume covers stop events dated before its date and those on its date recorded
 * before it was made. Returns the date the pause began, or null.
 */
export function pausedSince(input: RtrInput, d: IsoDate): IsoDate | null {
  const trainerMade = assignmentOn(
    input.assignments.filter((a) => a.byTrainer),
    d,
  );
  const covered = (e: StopEvent) => trainerMade !== null && (e.date < trainerMade.date || (e.date === trainerMade.date && e.recordedAtMs < trainerMade.madeAtMs));
  const first = stopEvents(input, d).find((e) => !covered(e));
  return first ? first.date : null;
}

function stepDownWhy(input: RtrInput, latest: Session, d: IsoDate): string | null {
  const a = latest.activity;
  const what = `the ${a.type === "walk" ? "walk" : "session"} of ${a.date}`;
  const pain = sessionPain(a);
  if (pain !== null && pain > PAIN_TOO_MUCH) return `${what} had pain ${pain}/10`;
  if (a.outcome === "stopped_early" && a.stopReason === "pain") return `${what} was stopped early because of pain`;
  const rose = roseNextMorning(input.history, a.date, d);
  if (rose) return `morning pain rose to ${rose.morning}/10 the morning after ${what}`;
  return null;
}

function stepUpHolds(input: RtrInput, counted: readonly Session[], d: IsoDate): { dates: [IsoDate, IsoDate] } | { why: string } {
  const h = input.history;
  // stopped early for a reason other than pain: left out
  const eligible = counted.filter((s) => !(s.activity.outcome === "stopped_early" && s.activity.stopReason !== "pain"));
  const dates = [...new Set(eligible.map((s) => s.activity.date))].sort().reverse();
  if (dates.length < 2) return { why: dates.length === 0 ? "no session at this stage yet" : "one session at this stage so far; two are needed" };
  const [later, earlier] = [dates[0]!, dates[1]!];
  const two = eligible.filter((s) => s.activity.date === later || s.activity.date === earlier);
  for (const s of two) {
    const a = s.activity;
    if (s.offPlan) return { why: `the run of ${a.date} was not logged against the stage` };
    if (a.outcome !== "completed") return { why: `the session of ${a.date} was not completed` };
    if (a.painDuring === null || a.painAfter === null) return { why: `pain during and after the session of ${a.date} are not both reported` };
    if (a.painDuring > RTR_SAFE_PAIN || a.painAfter > RTR_SAFE_PAIN) return { why: `the session of ${a.date} had pain above 2` };
  }
  for (const s of [earlier, later]) {
    if (!settledNextMorning(h, s, d)) return { why: addDays(s, 1) > d || !h.morningPain.has(addDays(s, 1)) ? `the morning after ${s} is not known yet` : `the morning after ${s} did not settle` };
  }
  for (let date = addDays(d, -6); date <= d; date = addDays(date, 1)) {
    if (redFlagsOf(h.checkIns.get(date)).length > 0) return { why: `a red flag was reported on ${date}` };
  }
  if (currentTrafficLight(h, d)?.light === "red") return { why: "the light is red" };
  for (let date = addDays(later, 1); date <= d; date = addDays(date, 1)) {
    const m = h.morningPain.get(date);
    if (m === undefined) continue;
    const base = baseline(h.morningPain, date);
    if (m > PAIN_TOO_MUCH || (base !== null && m - base >= 2)) return { why: `morning pain on ${date} rose` };
  }
  return { dates: [earlier, later] };
}

/**
 * The §2c verdict on d for an athlete on a ladder (the caller checks the status on d); null when
 * no stage is in force on d. Precedence: stop, then step down, then step up, then hold.
 */
export function rtrVerdict(input: RtrInput, d: IsoDate): RtrVerdict | null {
  const current = assignmentOn(input.assignments, d);
  const stage = current ? place(input.stages, current.stageId) : null;
  if (!current || !stage) return null;
  const since = pausedSince(input, d);
  if (since !== null) return { kind: "stop", stage, since };
  const counted = countedSessions(input, current, d);
  const latest = counted.at(-1);
  const down = latest ? stepDownWhy(input, latest, d) : null;
  if (latest && down) return { kind: "step_down", stage, session: latest.activity, why: down };
  const up = stepUpHolds(input, counted, d);
  if ("dates" in up) return { kind: "step_up", stage, dates: up.dates };
  return { kind: "hold", stage, why: up.why };
}

export const RTR_CONTACT = "Contact your athletic trainer today; no running until you have spoken";

/** The verdict as Today says it (§2c "The verdict in words"). */
export function verdictInWords(v: RtrVerdict, athleteMayStepUp = false): string {
  const n = v.stage.number;
  switch (v.kind) {
    case "stop":
      return RTR_CONTACT;
    case "step_down":
      return v.stage.isFirst ? "Repeat stage 1 — already the first stage; your AT will look at it" : `Go back to stage ${n - 1} next time`;
    case "step_up":
      if (v.stage.isLast) return "Ready to finish the return-to-run plan — your AT will set your running";
      return athleteMayStepUp ? `You may move up to stage ${n + 1}` : `Ready for stage ${n + 1} — your AT will move you up`;
    case "hold":
      return `Repeat stage ${n}`;
  }
}

/** The verdict as the trainer reads it (alert reasons, athlete page). */
export function verdictForTrainer(v: RtrVerdict): string {
  const n = v.stage.number;
  switch (v.kind) {
    case "stop":
      return `Stop: the plan is paused since ${v.since} until a trainer resumes it`;
    case "step_down":
      return v.stage.isFirst ? `Hold — already the first stage: ${v.why}` : `Step down to stage ${n - 1}: ${v.why}`;
    case "step_up":
      return v.stage.isLast
        ? `Ready to finish the return-to-run plan: sessions of ${v.dates[0]} and ${v.dates[1]} were clean and settled`
        : `Ready for stage ${n + 1}: sessions of ${v.dates[0]} and ${v.dates[1]} at stage ${n} were clean and settled`;
    case "hold":
      return `Hold at stage ${n}: ${v.why}`;
  }
}

/** §2c running minutes of a session at its stage. */
export function sessionRunningMinutes(a: Activity, stage: RunStage, offPlan: boolean): number {
  if (a.runningSec != null) return a.runningSec / 60;
  if (a.type === "walk") return 0;
  if (offPlan || stage.walkMin === 0) return a.durationSec / 60;
  if (stage.runMin === 0) return 0;
  const reached = a.outcome === "stopped_early" && a.stoppedAtRepeat != null ? a.stoppedAtRepeat : stage.repeats;
  return stage.runMin * reached;
}

export type LadderBreach =
  | { subject: "sessions"; stageId: string; count: number; perWeek: number; closeDates: [IsoDate, IsoDate] | null }
  | { subject: "length"; stageId: string; activityId: string; runningMin: number; limitMin: number };

/**
 * §2c over_prescription while on a ladder: "sessions" (with the stage in force) when the runs and
 * walks of d−6…d outnumber its sessions per week or two fall on the same or consecutive dates;
 * "length" (with the session's stage) when a session on d ran more than 1.10 × that stage's
 * running minutes (at stage 1, any running). One per subject and stage.
 */
export function ladderOverPrescription(input: RtrInput, d: IsoDate): LadderBreach[] {
  const stage = stageOn(input, d);
  if (!stage) return [];
  const breaches: LadderBreach[] = [];
  const week = runsAndWalks(input, addDays(d, -6), d);
  const dates = week.map((a) => a.date).sort();
  let closeDates: [IsoDate, IsoDate] | null = null;
  for (let i = 1; i < dates.length && !closeDates; i++) if (addDays(dates[i - 1]!, 1) >= dates[i]!) closeDates = [dates[i - 1]!, dates[i]!];
  if (week.length > stage.sessionsPerWeek || closeDates) {
    breaches.push({ subject: "sessions", stageId: stage.id, count: week.length, perWeek: stage.sessionsPerWeek, closeDates });
  }
  const seen = new Set<string>();
  for (const a of input.history.activities.get(d) ?? []) {
    const s = sessionOf(input, a) ?? (a.type === "walk" ? { activity: a, stageId: stage.id, offPlan: false } : null);
    if (!s?.stageId || seen.has(s.stageId)) continue;
    const its = place(input.stages, s.stageId);
    if (!its) continue;
    const ran = sessionRunningMinutes(a, its, s.offPlan);
    const limit = stageRunningMinutes(its);
    if (ran * LENGTH_DEN > limit * LENGTH_NUM) {
      seen.add(s.stageId);
      breaches.push({ subject: "length", stageId: s.stageId, activityId: a.id, runningMin: ran, limitMin: limit });
    }
  }
  return breaches;
}

export type TodaysSession = { kind: "session"; stage: PlacedStage; words: string } | { kind: "rest"; stage: PlacedStage; words: string };

/**
 * §2c Today: the stage session in words, or "rest day" when any run or walk was logged on d−1 or
 * the week's sessions are already done in d−6…d−1.
 */
export function todaysSession(input: RtrInput, d: IsoDate): TodaysSession | null {
  const stage = stageOn(input, d);
  if (!stage) return null;
  const yesterday = runsAndWalks(input, addDays(d, -1), addDays(d, -1)).length > 0;
  const done = runsAndWalks(input, addDays(d, -6), addDays(d, -1)).length;
  if (yesterday || done >= stage.sessionsPerWeek) return { kind: "rest", stage, words: `Rest day (stage ${stage.number})` };
  return { kind: "session", stage, words: stageInWords(stage) };
}

export type StepDirection = "up" | "down";

/** Who may step (§2c), given the verdict on the athlete's today. Returns why not, or null when allowed. */
export function athleteStepRefusal(v: RtrVerdict | null, direction: StepDirection, athleteMayStepUp: boolean): string | null {
  if (!v) return "You are not on a return-to-run stage.";
  if (v.kind === "stop") return "Your plan is paused. Contact your athletic trainer before running again.";
  if (direction === "down") return v.stage.isFirst ? "You are already on the first stage." : null;
  if (v.stage.isLast) return "Your AT finishes the plan by setting your running.";
  if (!athleteMayStepUp) return "Your AT moves you up a stage.";
  return v.kind === "step_up" ? null : "Moving up needs two clean, settled sessions at this stage first.";
}
