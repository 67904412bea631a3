import "server-only";
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { alerts } from "@/db/schema";
import { athleteAdvice, type AthleteAdvice, type UnresolvedRedFlag } from "@/lib/domain/advice";
import { currentTrafficLight } from "@/lib/domain/pain";
import { verdictInWords } from "@/lib/domain/return-to-run";
import { RED_FLAGS } from "@/lib/domain/types";
import type { LoadedRecords } from "./athlete-records";
import { returnToRunOn } from "./return-to-run";

type Conn = Db | Tx;

const flagRow = z.object({ date: z.string(), flag: z.enum(RED_FLAGS) });

/**
 * Red flags whose alert still holds (not retired) and that no trainer has resolved; acknowledged
 * is not enough (DESIGN §2a Athlete advice). The caller has passed athleteAccess.
 */
export async function listUnresolvedRedFlags(db: Conn, clinicId: string, athleteId: string): Promise<UnresolvedRedFlag[]> {
  const rows = await db
    .select({ date: alerts.date, flag: alerts.subject })
    .from(alerts)
    .where(and(eq(alerts.clinicId, clinicId), eq(alerts.athleteId, athleteId), eq(alerts.kind, "red_flag"), ne(alerts.status, "resolved"), isNull(alerts.retiredAt)))
    .orderBy(asc(alerts.date));
  return rows.map((r) => flagRow.parse(r));
}

/** The §2a advice on d from records already loaded for d and the unresolved red flags. */
export function adviceFrom(loaded: LoadedRecords, d: string, unresolvedRedFlags: UnresolvedRedFlag[]): AthleteAdvice {
  const h = loaded.history;
  // §2c: on a ladder, the verdict in words; a paused plan is the contact advice
  const verdict = returnToRunOn(loaded, d)?.verdict ?? null;
  return athleteAdvice({
    d,
    returnToRun: verdict === null ? null : verdict.kind === "stop" ? { paused: true } : { paused: false, verdictInWords: verdictInWords(verdict, loaded.athlete.rtrMayStepUp) },
    unresolvedRedFlags,
    checkIns: [...h.checkIns.values()],
    activities: [...h.activities.values()].flat(),
    exerciseLogs: loaded.exerciseLogs,
    light: currentTrafficLight(h, d),
  });
}
