import "server-only";
import type { Scope } from "@/lib/auth/scope";
import { painByActivity, type ActivityPain } from "@/lib/domain/pain-by-activity";
import { recordsToday } from "./records-once";

/** Pain during, after and the next morning per activity type over the athlete's last 4 weeks (to today). */
export async function getPainByActivity(scope: Scope, athleteId: string): Promise<ActivityPain[]> {
  const { athlete, loaded } = await recordsToday(scope, athleteId);
  return painByActivity(loaded.history, athlete.today);
}
