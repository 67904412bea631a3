// Which activity suits the knee (DESIGN §2 "Cross-training compared"): the advice is to try
// another activity when one makes the symptoms worse, so the athlete and the trainer see, per
// activity type over the last 4 weeks, the pain during and after it and what the next morning did.
import { addDays } from "./dates";
import { ACTIVITY_TYPES, type Activity, type ActivityType, type IsoDate } from "./types";

/** The last 4 weeks: d−27…d, d included (§2a's chronic window). */
export const PAIN_BY_ACTIVITY_DAYS = 28;

export type PainRange = { min: number; max: number };

export type ActivityPain = {
  type: ActivityType;
  sessions: number;
  /** Over the sessions that reported it; null when none did. */
  during: PainRange | null;
  after: PainRange | null;
  /**
   * Next-morning change of a session on s = morning pain on s+1 − morning pain on s (the morning
   * of the session's own day). Known only when both mornings reported a pain value; a session on
   * today has no next morning yet. Several activities on one day share that day's change.
   */
  nextMorning: { known: number; rose: number; largestRise: number };
};

const widen = (r: PainRange | null, value: number | null): PainRange | null =>
  value === null ? r : r === null ? { min: value, max: value } : { min: Math.min(r.min, value), max: Math.max(r.max, value) };

/**
 * Per activity type with at least one session in d−27…d (in ACTIVITY_TYPES order): how many
 * sessions, the range of pain during and after, and how many next mornings are known, how many of
 * them rose (change > 0) and the largest rise. A morning that is lower or the same is "settled".
 */
export function painByActivity(
  h: { activities: ReadonlyMap<IsoDate, readonly Activity[]>; morningPain: ReadonlyMap<IsoDate, number> },
  d: IsoDate,
): ActivityPain[] {
  const byType = new Map<ActivityType, ActivityPain>();
  for (let date = addDays(d, -(PAIN_BY_ACTIVITY_DAYS - 1)); date <= d; date = addDays(date, 1)) {
    const list = h.activities.get(date);
    if (!list?.length) continue;
    const morning = h.morningPain.get(date);
    const next = h.morningPain.get(addDays(date, 1));
    const change = morning !== undefined && next !== undefined ? next - morning : null;
    for (const a of list) {
      const s = byType.get(a.type) ?? { type: a.type, sessions: 0, during: null, after: null, nextMorning: { known: 0, rose: 0, largestRise: 0 } };
      s.sessions += 1;
      s.during = widen(s.during, a.painDuring);
      s.after = widen(s.after, a.painAfter);
      if (change !== null) {
        s.nextMorning.known += 1;
        if (change > 0) {
          s.nextMorning.rose += 1;
          s.nextMorning.largestRise = Math.max(s.nextMorning.largestRise, change);
        }
      }
      byType.set(a.type, s);
    }
  }
  return ACTIVITY_TYPES.flatMap((t) => byType.get(t) ?? []);
}

/** The activity as a noun in a sentence. */
export const ACTIVITY_NOUNS: Record<ActivityType, string> = {
  run: "running",
  walk: "walking",
  bike: "cycling",
  swim: "swimming",
  water_jog: "water jogging",
  other: "other activities",
};

const range = (r: PainRange) => (r.min === r.max ? String(r.min) : `${r.min}–${r.max}`);

/** "pain during 0–1, after 1" / "pain not reported". */
function painWords(s: ActivityPain): string {
  if (!s.during && !s.after) return "pain not reported";
  if (s.during && s.after && s.during.min === s.after.min && s.during.max === s.after.max) return `pain ${range(s.during)} during and after`;
  return ["pain", [s.during ? `during ${range(s.during)}` : "during not reported", s.after ? `after ${range(s.after)}` : "after not reported"].join(", ")].join(" ");
}

/** "next morning settled" / "next morning up by 2 (after 1 of 3)" / "next morning not known". */
function morningWords(n: ActivityPain["nextMorning"]): string {
  if (n.known === 0) return "next morning not known";
  if (n.rose === 0) return "next morning settled";
  return `next morning up by ${n.largestRise}${n.known > 1 ? ` (after ${n.rose} of ${n.known})` : ""}`;
}

/** "water jogging, 3 sessions: pain 0–1 during and after; next morning settled". */
export function describeActivityPain(s: ActivityPain): string {
  return `${ACTIVITY_NOUNS[s.type]}, ${s.sessions} session${s.sessions === 1 ? "" : "s"}: ${painWords(s)}; ${morningWords(s.nextMorning)}`;
}
