import { PainByActivityList } from "@/app/(athlete)/_components/pain-by-activity-list";
import { requireTrainer } from "@/lib/auth/guards";
import { getPainByActivity } from "@/lib/data/pain-by-activity";

/** Which cross-training suits the athlete: pain per activity type over the last 4 weeks. */
export async function PainByActivitySection({ athleteId }: { athleteId: string }) {
  const scope = await requireTrainer();
  const summaries = await getPainByActivity(scope, athleteId);
  return <PainByActivityList summaries={summaries} who="trainer" className="rounded-lg border border-slate-200 bg-white p-5" />;
}
