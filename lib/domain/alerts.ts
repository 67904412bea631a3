// Alerts for one athlete on one date (DESIGN §2 "Alerts", §2a alert codes). Each alert carries a
// sentence a trainer can read and a dedupe key, so recomputing a date replaces its alerts.
// The acute:chronic ratio is deliberately absent: it never raises an alert (§2, §2b Load).
import { addDays } from "./dates";
import { asHistory } from "./history";
import { PAIN_CRITICAL, PAIN_TOO_MUCH, baseline, criticalPains, rise, runningPain } from "./pain";
import type { LadderRung } from "./ladder";
import { stepOn, suggestProgression, type ItemStep } from "./progression";
import { RED_FLAG_LABELS, isUrgentRedFlag, redFlagsOf } from "./red-flags";
import { ladderOverPrescription, rtrVerdict, verdictForTrainer, type ReturnToRunPlan } from "./return-to-run";
import { missedCheckIns, overPrescription, runSpikesOn, weeklyJump } from "./running";
import { ALERT_SEVERITIES } from "./types";
import type {
  Activity,
  Alert,
  AlertFacts,
  AlertKind,
  AlertSeverity,
  AthleteRecords,
  AthleteStatus,
  DistanceUnit,
  History,
  IsoDate,
  Prescription,
} from "./types";
import { formatDistance, formatNumber } from "./units";

export type AlertInput = {
  records: AthleteRecords | History;
  exerciseLogs?: AthleteRecords["exerciseLogs"];
  status: AthleteStatus;
  prescription: Prescription;
  /**
   * Items on the athlete's current program; defaults to every item that has a log. With `steps`,
   * an item is judged (and named) by the step in force on d; with `rungs`, at its ladder's ends.
   */
  programItems?: readonly ProgressionItem[];
  /** See missedCheckIns: no missed-check-in alert for days before this. */
  trackedSince?: IsoDate;
  /** The athlete's today: a day must be over to have been missed (§2a missed check-ins). */
  today?: IsoDate;
  /**
   * §2c: the athlete's running ladder and stage assignments. On d the athlete is on the ladder when
   * the status on d is return_to_run and a stage is in force: then the distance caps, run_spike and
   * weekly_jump give way to the ladder's over_prescription and the rtr_* alerts.
   */
  returnToRun?: ReturnToRunPlan | null;
};

export type ProgressionItem = { id: string; name?: string; steps?: readonly ItemStep[]; rungs?: readonly LadderRung[] | null };

export type AlertOptions = { unit?: DistanceUnit };

/**
 * How far back from d, in days, each rule reads (DESIGN §2d): a record dated earlier than
 * d − reach cannot change that rule's alerts on d. It documents the rules and bounds the tests
 * (alerts-reach.test.ts); it is never a reason to evaluate fewer dates. ready_to_progress reads back
 * to the start of the current step, so it has no fixed number.
 */
export const RULE_REACH: Record<AlertKind, number | string> = {
  red_flag: 0,
  pain_7: 0,
  running_pain: 0,
  morning_pain: 0,
  missed_checkins: 2,
  morning_rise: 7,
  over_prescription: 6,
  weekly_jump: 13,
  run_spike: 30,
  ready_to_progress: "current step",
  rtr_ready: "latest trainer-made assignment, or 13 days before the current assignment if earlier",
  rtr_step_down: "latest trainer-made assignment, or 13 days before the current assignment if earlier",
};

/** An alert's identity (§2d) as one string; drizzle/0011 spells stored keys the same way. */
export function dedupeKey(kind: AlertKind, date: IsoDate, subject?: string | null): string {
  return subject == null ? `${kind}:${date}` : `${kind}:${subject}:${date}`;
}

function alert(
  facts: AlertFacts,
  severity: AlertSeverity,
  date: IsoDate,
  reason: string,
  about?: { flag?: Alert["flag"]; activityId?: string; itemId?: string; stageId?: string; cap?: "weekly" | "longest" | `sessions:${string}` | `length:${string}` },
): Alert {
  const { cap, ...refs } = about ?? {};
  const subject = cap ?? refs.flag ?? refs.activityId ?? refs.itemId ?? refs.stageId ?? null;
  return { kind: facts.kind, severity, date, reason, facts, ...refs, subject, dedupeKey: dedupeKey(facts.kind, date, subject) };
}

/** A percentage as the facts carry it: one decimal, like the numbers a trainer reads. */
const percentFact = (p: number) => Math.round(p * 10) / 10;

const pct = (overPercent: number) => `${Math.round(overPercent)}%`;
const activityLabel = (a: Pick<Activity, "type">) => (a.type === "run" ? "run" : a.type.replace("_", " "));

function criticalPainsOn(h: History, logs: AthleteRecords["exerciseLogs"], d: IsoDate) {
  const checkIn = h.checkIns.get(d);
  const day = { checkIns: checkIn ? [checkIn] : [], activities: h.activities.get(d) ?? [], exerciseLogs: (logs ?? []).filter((l) => l.date === d) };
  return criticalPains(day, d, d);
}

function painAlerts(h: History, logs: AthleteRecords["exerciseLogs"], d: IsoDate, unit: DistanceUnit): Alert[] {
  const alerts: Alert[] = [];
  const critical = criticalPainsOn(h, logs, d);
  if (critical.length > 0) {
    const words = critical.map((p) =>
      p.activity ? `${p.value}/10 ${p.activity.when} a ${activityLabel(p.activity)}` : p.source === "morning" ? `morning pain ${p.value}/10` : `exercise pain ${p.value}/10`,
    );
    const scores = critical.map((p) => (p.activity ? { value: p.value, source: p.activity.when, activityType: p.activity.type } : { value: p.value, source: p.source as "morning" | "exercise" }));
    alerts.push(alert({ kind: "pain_7", threshold: PAIN_CRITICAL, scores }, "urgent", d, `Pain at or above 7: ${words.join(", ")}`));
  }
  for (const a of h.activities.get(d) ?? []) {
    const p = a.type === "run" ? runningPain(a) : null;
    if (p !== null && p > PAIN_TOO_MUCH) {
      const what = a.distanceM !== null ? ` (${formatDistance(a.distanceM, unit)} run)` : "";
      alerts.push(alert({ kind: "running_pain", threshold: PAIN_TOO_MUCH, activityId: a.id, pain: p, distanceM: a.distanceM }, "high", d, `Running pain ${p}/10${what} is over 5`, { activityId: a.id }));
    }
  }
  const morning = h.morningPain.get(d);
  if (morning !== undefined && morning > PAIN_TOO_MUCH) {
    alerts.push(alert({ kind: "morning_pain", threshold: PAIN_TOO_MUCH, pain: morning }, "high", d, `Morning pain ${morning}/10 is over 5`));
  }
  const r = rise(h.morningPain, d);
  const base = baseline(h.morningPain, d);
  if (r !== null && base !== null && morning !== undefined && r >= 1) {
    alerts.push(
      alert(
        { kind: "morning_rise", pain: morning, baseline: percentFact(base), rise: percentFact(r) },
        r >= 2 ? "high" : "moderate",
        d,
        `Morning pain ${morning}/10 is ${formatNumber(r)} above the 7-day baseline of ${formatNumber(base)}`,
      ),
    );
  }
  return alerts;
}

/** The plan when the athlete is on a running ladder on d (§2c), else null. */
function ladderOn(h: History, input: AlertInput, d: IsoDate) {
  const plan = input.returnToRun;
  if (!plan || input.status !== "return_to_run") return null;
  const rtr = { ...plan, history: h, exerciseLogs: input.exerciseLogs ?? (input.records as AthleteRecords).exerciseLogs ?? [] };
  const verdict = rtrVerdict(rtr, d);
  return verdict ? { rtr, verdict } : null;
}

function ladderAlerts(ladder: NonNullable<ReturnType<typeof ladderOn>>, d: IsoDate): Alert[] {
  const { rtr, verdict } = ladder;
  const alerts: Alert[] = [];
  const stageId = verdict.stage.id;
  const stageNumber = verdict.stage.number;
  if (verdict.kind === "step_up") {
    const facts = { kind: "rtr_ready", stageId, stageNumber, lastStage: verdict.stage.isLast, sessionDates: verdict.dates } as const;
    alerts.push(alert(facts, "good_news", d, verdictForTrainer(verdict), { stageId }));
  }
  if (verdict.kind === "step_down") {
    const facts = { kind: "rtr_step_down", stageId, stageNumber, firstStage: verdict.stage.isFirst, sessionId: verdict.session.id, sessionDate: verdict.session.date } as const;
    alerts.push(alert(facts, "moderate", d, verdictForTrainer(verdict), { stageId }));
  }
  const number = (id: string) => rtr.stages.findIndex((s) => s.id === id) + 1;
  for (const b of ladderOverPrescription(rtr, d)) {
    if (b.subject === "sessions") {
      const why = b.count > b.perWeek ? `${b.count} runs and walks in the last 7 days, over stage ${number(b.stageId)}'s ${b.perWeek} a week` : `sessions on ${b.closeDates![0]} and ${b.closeDates![1]} leave no rest day between them`;
      const facts = { kind: "over_prescription", cap: "stage_sessions", stageId: b.stageId, stageNumber: number(b.stageId), sessions: b.count, perWeek: b.perWeek, closeDates: b.closeDates ? ([b.closeDates[0]!, b.closeDates[1]!] as [IsoDate, IsoDate]) : null } as const;
      alerts.push(alert(facts, "moderate", d, `More sessions than the plan: ${why}`, { stageId: b.stageId, cap: `sessions:${b.stageId}` }));
    } else {
      alerts.push(
        alert({ kind: "over_prescription", cap: "stage_length", stageId: b.stageId, stageNumber: number(b.stageId), runningMin: Math.round(b.runningMin * 10) / 10, limitMin: b.limitMin }, "moderate", d, `Ran ${formatNumber(Math.round(b.runningMin * 10) / 10)} min, over stage ${number(b.stageId)}'s ${b.limitMin} running minutes`, {
          stageId: b.stageId,
          cap: `length:${b.stageId}`,
        }),
      );
    }
  }
  return alerts;
}

function loadAlerts(h: History, input: AlertInput, d: IsoDate, unit: DistanceUnit): Alert[] {
  const alerts: Alert[] = [];
  const km = (m: number) => formatDistance(m, unit);
  for (const s of runSpikesOn(h.activities, d)) {
    alerts.push(
      alert({ kind: "run_spike", activityId: s.activityId, distanceM: s.distanceM, longestM: s.longestM, overPercent: percentFact(s.overPercent) }, "moderate", d, `${km(s.distanceM)} is ${pct(s.overPercent)} over the 30-day longest, ${km(s.longestM)}`, {
        activityId: s.activityId,
      }),
    );
  }
  const jump = weeklyJump(h.runDistance, d);
  if (jump) {
    alerts.push(
      alert(
        { kind: "weekly_jump", currentM: jump.currentM, previousM: jump.previousM, overPercent: percentFact(jump.overPercent) },
        "moderate",
        d,
        `${km(jump.currentM)} in the last 7 days is ${pct(jump.overPercent)} over the 7 days before, ${km(jump.previousM)}`,
      ),
    );
  }
  const breaches = overPrescription(h, input.prescription, d);
  for (const b of breaches) {
    if (b.kind === "weekly") {
      alerts.push(alert({ kind: "over_prescription", cap: "weekly", distanceM: b.distanceM, capM: b.capM }, "moderate", d, `${km(b.distanceM)} in the last 7 days is over the weekly cap of ${km(b.capM)}`, { cap: "weekly" }));
    }
  }
  // one alert per cap and day (§2d): the longest of the day's runs over the cap speaks for them
  const longest = breaches.filter((b) => b.kind === "longest").sort((x, y) => y.distanceM - x.distanceM);
  if (longest.length > 0) {
    const [top] = longest;
    const more = longest.length > 1 ? ` (${longest.length} runs over it that day)` : "";
    alerts.push(alert({ kind: "over_prescription", cap: "longest", distanceM: top!.distanceM, capM: top!.capM, runsOver: longest.length }, "moderate", d, `Run of ${km(top!.distanceM)} is over the longest-run cap of ${km(top!.capM)}${more}`, { cap: "longest" }));
  }
  return alerts;
}

function missedCheckInAlert(h: History, input: AlertInput, d: IsoDate): Alert[] {
  // a day must be over to have been missed: the alert appears when the third silent day ends
  if (input.today !== undefined && d >= input.today) return [];
  if (!missedCheckIns(h.checkIns, input.status, d, input.trackedSince)) return [];
  let last: IsoDate | null = null;
  for (const date of h.checkIns.keys()) if (date < d && (last === null || date > last)) last = date;
  const since = last === null ? "no check-in yet" : `last one on ${last}`;
  return [alert({ kind: "missed_checkins", from: addDays(d, -2), to: d, lastCheckIn: last }, "moderate", d, `No check-in for 3 days (${addDays(d, -2)} to ${d}); ${since}`)];
}

function progressionAlerts(h: History, input: AlertInput, d: IsoDate): Alert[] {
  const logs = input.exerciseLogs ?? (input.records as AthleteRecords).exerciseLogs ?? [];
  const items: readonly ProgressionItem[] = input.programItems ?? [...new Set(logs.map((l) => l.itemId))].map((id) => ({ id }));
  return items.flatMap((item) => {
    const s = suggestProgression({ itemId: item.id, logs, history: h, d, steps: item.steps, rungs: item.rungs });
    if (s.suggestion !== "progress") return [];
    const why = s.reason.charAt(0).toLowerCase() + s.reason.slice(1);
    // named by the exercise of d's step, so a later step never renames an earlier date's alert
    const name = (item.steps && stepOn(item.steps, d)?.name) ?? item.name;
    const reason = name ? `${name} is ready to progress: ${why}` : `Ready to progress: ${why}`;
    return [alert({ kind: "ready_to_progress", itemId: item.id, exerciseName: name ?? null }, "good_news", d, reason, { itemId: item.id })];
  });
}

const severityRank = (s: AlertSeverity) => ALERT_SEVERITIES.indexOf(s);

/**
 * Every §2a alert for one athlete on date d, most severe first. Pure: storing them by dedupeKey
 * (and deleting keys for d that no longer appear) makes recomputation idempotent.
 */
export function deriveAlerts(input: AlertInput, d: IsoDate, options: AlertOptions = {}): Alert[] {
  const unit = options.unit ?? "km";
  const h = asHistory(input.records);
  const logs = input.exerciseLogs ?? (input.records as AthleteRecords).exerciseLogs;
  const flags = redFlagsOf(h.checkIns.get(d)).map((flag) => {
    const urgent = isUrgentRedFlag(flag);
    const reason = `Reported ${RED_FLAG_LABELS[flag]}${urgent ? ": contact the athlete today" : "; needs an AT's assessment"}`;
    return alert({ kind: "red_flag", flag, urgent }, urgent ? "urgent" : "high", d, reason, { flag });
  });
  // while on a running ladder the distance caps, run_spike and weekly_jump do not apply (§2c)
  const ladder = ladderOn(h, input, d);
  const all = [
    ...flags,
    ...painAlerts(h, logs, d, unit),
    ...(ladder ? ladderAlerts(ladder, d) : loadAlerts(h, input, d, unit)),
    ...missedCheckInAlert(h, input, d),
    ...progressionAlerts(h, input, d),
  ];
  return all
    .map((a, i) => ({ a, i }))
    .sort((x, y) => severityRank(x.a.severity) - severityRank(y.a.severity) || x.i - y.i)
    .map(({ a }) => a);
}
