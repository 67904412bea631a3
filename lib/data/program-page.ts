import "server-only";
import { sql } from "drizzle-orm";
import { cache } from "react";
import { getDb } from "@/db/client";
import { exercises, programItemEvents, programItems, runningPrescriptions, users, type ProgramEventKind } from "@/db/schema";
import type { Scope } from "@/lib/auth/scope";
import { athleteAccess } from "./access";
import { clinicLadders } from "./library-scope";
import type { PrescriptionView } from "./prescriptions";
import { programView, type DosageSnapshot, type ProgramEventView, type ProgramItemRead, type ProgramView } from "./programs";
import { visibleAllTo } from "./visibility";

/** The lists listPrescriptions and listProgramHistory give (with their default limits). */
const PRESCRIPTIONS = 50;
const HISTORY = 200;

export type ProgramPage = { program: ProgramView; prescriptions: PrescriptionView[]; history: ProgramEventView[] };

/** One JSON array of the subquery's rows (objects keyed by the quoted aliases), in the order of its "ord" column, which is then dropped. */
const rows = (inner: ReturnType<typeof sql>) => sql`(select coalesce(json_agg(to_jsonb(t) - 'ord' order by t."ord"), '[]'::json) from (${inner}) t)`;
const ms = (at: unknown) => sql`(extract(epoch from ${at}) * 1000)::float8`;

/**
 * The athlete page's program, running prescriptions and program history in one statement, once per
 * request: what getProgram, listPrescriptions and listProgramHistory give, for the same scope.
 */
export const getProgramPage = cache(async (scope: Scope, athleteId: string): Promise<ProgramPage> => {
  const athlete = await athleteAccess(scope, athleteId);
  const c = scope.clinicId;
  const a = athlete.athleteId;
  const itemOrder = sql`${programItems.position} asc, ${programItems.createdAt} asc`;
  const items = sql`select row_number() over (order by ${itemOrder}) as "ord", ${programItems.id} as "id", ${programItems.exerciseId} as "exerciseId", ${programItems.sets} as "sets", ${programItems.reps} as "reps",
      ${programItems.holdSec} as "holdSec", ${programItems.daysPerWeek} as "daysPerWeek", ${programItems.load} as "load", ${programItems.note} as "note", ${programItems.status} as "status",
      ${exercises.name} as "exerciseName", ${exercises.region} as "region", ${exercises.kind} as "kind", ${exercises.perSide} as "perSide",
      ${exercises.howTo} as "howTo", ${exercises.cues} as "cues", ${exercises.equipment} as "equipment"
    from ${programItems} inner join ${exercises} on ${exercises.id} = ${programItems.exerciseId}
    where ${programItems.clinicId} = ${c} and ${programItems.athleteId} = ${a} and ${programItems.status} <> 'removed'
    order by ${itemOrder}`;
  const prescriptions = sql`select row_number() over (order by ${runningPrescriptions.createdAt} desc) as "ord", ${runningPrescriptions.id} as "id", ${runningPrescriptions.weeklyDistanceM} as "weeklyDistanceM", ${runningPrescriptions.longestRunM} as "longestRunM",
      ${runningPrescriptions.runIntervalSec} as "runIntervalSec", ${runningPrescriptions.walkIntervalSec} as "walkIntervalSec", ${runningPrescriptions.note} as "note",
      ${users.name} as "setByName", ${ms(runningPrescriptions.createdAt)} as "setAt"
    from ${runningPrescriptions} left join ${users} on ${users.id} = ${runningPrescriptions.setBy} and ${users.clinicId} = ${c}
    where ${runningPrescriptions.clinicId} = ${c} and ${runningPrescriptions.athleteId} = ${a}
    order by ${runningPrescriptions.createdAt} desc limit ${PRESCRIPTIONS}`;
  const exerciseName = (id: unknown) => sql`(select e.name from ${exercises} e where e.id = ${id})`;
  const historyOrder = sql`${programItemEvents.createdAt} desc, ${programItemEvents.id} desc`;
  const history = sql`select row_number() over (order by ${historyOrder}) as "ord", ${programItemEvents.id} as "id", ${programItemEvents.kind} as "kind", ${ms(programItemEvents.createdAt)} as "at", ${users.name} as "actorName",
      ${programItemEvents.reason} as "reason", ${programItemEvents.itemId} as "itemId",
      ${exerciseName(programItemEvents.fromExerciseId)} as "fromExercise", ${exerciseName(programItemEvents.toExerciseId)} as "toExercise",
      ${programItemEvents.fromStep} as "fromStep", ${programItemEvents.toStep} as "toStep", ${programItemEvents.before} as "before", ${programItemEvents.after} as "after"
    from ${programItemEvents} left join ${users} on ${users.id} = ${programItemEvents.actorId} and ${users.clinicId} = ${c}
    where ${programItemEvents.clinicId} = ${c} and ${programItemEvents.athleteId} = ${a}
    order by ${historyOrder} limit ${HISTORY}`;
  const [[row], ladders] = await Promise.all([
    getDb()
      .select({
        items: sql<ProgramItemRead[]>`${rows(items)}`,
        prescriptions: sql<(Omit<PrescriptionView, "setAt"> & { setAt: number })[]>`${rows(prescriptions)}`,
        history: sql<(Omit<ProgramEventView, "at" | "kind"> & { at: number; kind: ProgramEventKind })[]>`${rows(history)}`,
      })
      .from(sql`(select 1) one`),
    clinicLadders(scope.clinicId),
  ]);
  return {
    program: programView(scope, athlete, row!.items, ladders),
    prescriptions: visibleAllTo(scope, "prescription", row!.prescriptions.map((p) => ({ ...p, setAt: new Date(p.setAt) }))),
    history: visibleAllTo(scope, "programEvent", row!.history.map((e) => ({ ...e, at: new Date(e.at), before: e.before as DosageSnapshot | null, after: e.after as DosageSnapshot | null }))),
  };
});
