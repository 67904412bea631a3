import "server-only";
import { getDb } from "@/db/client";
import type { Scope } from "@/lib/auth/scope";
import { painByActivity, type ActivityPain } from "@/lib/domain/pain-by-activity";
import { athleteAccess } from "./access";
import { loadAthleteRecords } from "./athlete-records";

/** Pain during, after and the next morning per activity type over the athlete's last 4 weeks (to today). */
export async function getPainByActivity(scope: Scope, athleteId: string): Promise<ActivityPain[]> {
  const db = getDb();
  const athlete = await athleteAccess(scope, athleteId, { db });
  const loaded = await loadAthleteRecords(db, athlete, athlete.today, athlete.today);
  return painByActivity(loaded.history, athlete.today);
}
