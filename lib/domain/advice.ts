// Athlete advice (DESIGN §2a "Athlete advice"): the one thing Today and Progress say about running.
// The first rule that applies wins, so a red flag can never sit beside green advice.
import { addDays } from "./dates";
import { criticalPains, type CriticalPain, type LightAssessment } from "./pain";
import { isUrgentRedFlag } from "./red-flags";
import type { Activity, CheckIn, ExerciseLog, IsoDate, RedFlag } from "./types";

export const CONTACT_ADVICE = "Contact your athletic trainer today; no running until you have spoken";
export const HOLD_ADVICE = "Hold: no increases until your AT has reviewed this";
export const CHECK_IN_ADVICE = "Check in for today's advice";

/** A red flag answered yes whose alert a trainer has not resolved (open or only acknowledged). */
export type UnresolvedRedFlag = { date: IsoDate; flag: RedFlag };

/**
 * §2c return-to-run state on d, for an athlete on a running ladder: paused (verdict stop), or the
 * verdict in words (return-to-run.ts verdictInWords); null when not on a ladder.
 */
export type ReturnToRunState = { paused: true } | { paused: false; verdictInWords: string };

export type PainSource = CriticalPain["source"];

export type AdviceInput = {
  d: IsoDate;
  returnToRun: ReturnToRunState | null;
  unresolvedRedFlags: readonly UnresolvedRedFlag[];
  checkIns: readonly Pick<CheckIn, "date" | "morningPain">[];
  activities: readonly Pick<Activity, "date" | "type" | "painDuring" | "painAfter">[];
  exerciseLogs: readonly Pick<ExerciseLog, "date" | "exercisePain">[];
  /** The §2a light on the latest check-in date ≤ d (currentTrafficLight); null before any check-in. */
  light: LightAssessment | null;
};

export type ContactCause =
  | { kind: "paused" }
  | { kind: "urgent_red_flag"; date: IsoDate; flag: RedFlag }
  | { kind: "pain"; date: IsoDate; value: number; source: PainSource };

export type AthleteAdvice =
  | { kind: "contact"; message: typeof CONTACT_ADVICE; causes: ContactCause[] }
  | { kind: "hold"; message: typeof HOLD_ADVICE; flags: UnresolvedRedFlag[] }
  | { kind: "ladder"; message: string }
  | { kind: "light"; light: LightAssessment }
  | { kind: "check_in"; message: typeof CHECK_IN_ADVICE };

const newestFirst = <T extends { date: IsoDate }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));

export function athleteAdvice(input: AdviceInput): AthleteAdvice {
  const { d } = input;
  const flags = newestFirst(input.unresolvedRedFlags.filter((f) => f.date <= d));

  // (1) paused plan, an unresolved urgent flag of d−6…d, or pain ≥ 7 in d−2…d
  const causes: ContactCause[] = [];
  if (input.returnToRun?.paused) causes.push({ kind: "paused" });
  for (const f of flags) if (isUrgentRedFlag(f.flag) && f.date >= addDays(d, -6)) causes.push({ kind: "urgent_red_flag", ...f });
  causes.push(...newestFirst(criticalPains(input, addDays(d, -2), d)).map(({ date, value, source }) => ({ kind: "pain" as const, date, value, source })));
  if (causes.length > 0) return { kind: "contact", message: CONTACT_ADVICE, causes };

  // (2) any unresolved red flag, whatever its date
  if (flags.length > 0) return { kind: "hold", message: HOLD_ADVICE, flags };

  // (3) on a running ladder: the §2c verdict
  if (input.returnToRun && !input.returnToRun.paused) return { kind: "ladder", message: input.returnToRun.verdictInWords };

  // (4) the light, when the latest check-in is recent enough to speak for today
  let latest: IsoDate | null = null;
  for (const c of input.checkIns) if (c.date <= d && (latest === null || c.date > latest)) latest = c.date;
  if (input.light && latest !== null && latest >= addDays(d, -2)) return { kind: "light", light: input.light };
  return { kind: "check_in", message: CHECK_IN_ADVICE };
}
