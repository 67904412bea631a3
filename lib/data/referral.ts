import "server-only";
import { getDb } from "@/db/client";
import type { Scope } from "@/lib/auth/scope";
import { groupAlerts } from "@/lib/domain/alert-groups";
import { RED_FLAG_LABELS } from "@/lib/domain/red-flags";
import type { AlertSeverity, DistanceUnit, IsoDate } from "@/lib/domain/types";
import { dosageText } from "@/lib/pdf/referral-layout";
import { STATUS_LABELS } from "@/lib/validation/athletes";
import type { SeriesRow } from "@/lib/validation/series";
import { listUnresolvedRedFlags } from "./advice";
import { listOpenAlertsFor } from "./alerts";
import { getAthlete } from "./athletes";
import { getClinic, getMe } from "./clinics";
import { listEpisodes, staffAccess } from "./episodes";
import { getCurrentPrescription } from "./prescriptions";
import { getProgram } from "./programs";
import { getReturnToRun } from "./return-to-run";
import { getAthleteSeries } from "./series";

/**
 * Everything the one-page referral summary prints (issue 20 item 8), as plain data: the PDF layout
 * (lib/pdf/referral-pdf.ts) only draws it. Staff-only (episodes, alert reasons): an athlete, or a
 * trainer of another clinic, is told the athlete was not found.
 */
export type ReferralSummary = {
  /** The athlete's today (their time zone): the date the summary was generated. */
  generatedOn: IsoDate;
  clinicName: string;
  /** The athlete's trainer; the signed-in trainer when none is assigned. */
  trainerName: string;
  preparedBy: string;
  unit: DistanceUnit;
  athlete: { name: string; birthYear: number | null; sportGroup: string | null; statusLabel: string };
  /** The active injury episode; else the latest resolved one (with its resolution date). */
  episode: { condition: string; side: string | null; onsetDate: IsoDate | null; status: "active" | "resolved"; resolvedOn: IsoDate | null } | null;
  earlierEpisodes: number;
  returnToRun: { ladderName: string | null; stage: string | null; verdict: string | null; paused: boolean } | null;
  prescription: { weeklyDistanceM: number; longestRunM: number } | null;
  program: { name: string; dosage: string; daysPerWeek: number; paused: boolean }[];
  /** The chart's weekly rows (the same series as the athlete page's chart, bucket=week, last 12 weeks). */
  weeks: SeriesRow[];
  /** Open alerts as the athlete page lists them: one line per §2d display group (the newest member's reason, the group's days and highest severity). */
  openAlerts: { from: IsoDate; to: IsoDate; severity: AlertSeverity; reason: string }[];
  /** Red flags reported and not yet resolved by a trainer (open or acknowledged). */
  redFlags: { date: IsoDate; label: string }[];
};

export async function getReferralSummary(scope: Scope, athleteId: string): Promise<ReferralSummary> {
  const target = await staffAccess(scope, athleteId);
  const db = getDb();
  const [athlete, episodes, rtr, prescription, program, series, openAlerts, redFlags, clinic, me] = await Promise.all([
    getAthlete(scope, athleteId),
    listEpisodes(scope, athleteId),
    getReturnToRun(scope, athleteId),
    getCurrentPrescription(scope, athleteId),
    getProgram(scope, athleteId),
    getAthleteSeries(scope, athleteId, { bucket: "week" }),
    listOpenAlertsFor(db, target.clinicId, target.athleteId),
    listUnresolvedRedFlags(db, target.clinicId, target.athleteId),
    getClinic(scope),
    getMe(scope),
  ]);
  const current = episodes[0] ?? null;
  return {
    generatedOn: target.today,
    clinicName: clinic.name,
    trainerName: athlete.trainerName ?? me.name,
    preparedBy: me.name,
    unit: me.unit,
    athlete: { name: athlete.name, birthYear: athlete.birthYear, sportGroup: athlete.sportGroup, statusLabel: STATUS_LABELS[athlete.status] },
    episode: current && { condition: current.condition, side: current.side, onsetDate: current.onsetDate, status: current.status, resolvedOn: current.resolvedOn },
    earlierEpisodes: Math.max(0, episodes.length - 1),
    returnToRun: rtr.onLadder
      ? {
          ladderName: rtr.ladder?.name ?? null,
          stage: rtr.stage ? `${rtr.ladder?.stages.find((s) => s.number === rtr.stage!.number)?.words ?? `Stage ${rtr.stage.number}`}, of ${rtr.ladder?.stages.length ?? "?"}` : null,
          verdict: rtr.verdict?.forTrainer ?? null,
          paused: rtr.paused,
        }
      : null,
    prescription: prescription && { weeklyDistanceM: prescription.weeklyDistanceM, longestRunM: prescription.longestRunM },
    program: program.items.map((i) => ({ name: i.exerciseName, dosage: dosageText(i), daysPerWeek: i.daysPerWeek, paused: i.status === "paused" })),
    weeks: series.rows,
    openAlerts: groupAlerts(openAlerts).map((g) => ({ from: g.from, to: g.to, severity: g.severity, reason: g.newest.reason })),
    redFlags: redFlags.map((f) => ({ date: f.date, label: RED_FLAG_LABELS[f.flag] })),
  };
}
