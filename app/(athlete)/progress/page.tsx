import type { Metadata } from "next";
import { AdviceCard } from "@/app/(athlete)/_components/advice-card";
import { PainByActivityList } from "@/app/(athlete)/_components/pain-by-activity-list";
import { Providers } from "@/app/providers";
import { requireAthlete } from "@/lib/auth/guards";
import { getMe } from "@/lib/data/clinics";
import { getPainByActivity } from "@/lib/data/pain-by-activity";
import { getAthleteStatus } from "@/lib/data/series";
import { formatDistance } from "@/lib/domain/units";
import { ProgressChart } from "./_components/progress-chart";

export const metadata: Metadata = { title: "Progress" };

export default async function ProgressPage() {
  const scope = await requireAthlete();
  const [status, me, painByActivity] = await Promise.all([getAthleteStatus(scope, scope.athleteId), getMe(scope), getPainByActivity(scope, scope.athleteId)]);
  return (
    <>
      <h1 className="text-2xl font-bold">Progress</h1>
      <div className="mt-4">
        <AdviceCard advice={status.advice} today={status.today} lastRunDate={status.lastRun?.date ?? null} />
        {status.toleratedLoad ? (
          <p className="mt-3 text-sm">
            The most you ran in a week without a flare, in the last 8 weeks: <strong>{formatDistance(status.toleratedLoad.distanceM, me.unit)}</strong>.
          </p>
        ) : null}
        {status.prescription?.weeklyDistanceCapM ? (
          <p className="mt-1 text-sm">
            Your trainer&apos;s plan: up to {formatDistance(status.prescription.weeklyDistanceCapM, me.unit)} a week
            {status.prescription.longestRunCapM ? `, longest run ${formatDistance(status.prescription.longestRunCapM, me.unit)}` : ""}.
          </p>
        ) : null}
      </div>
      <PainByActivityList summaries={painByActivity} who="athlete" className="mt-6 rounded-lg border border-slate-200 bg-white p-4" />
      <section aria-labelledby="chart-heading" className="mt-6">
        <h2 id="chart-heading" className="sr-only">
          Chart
        </h2>
        <Providers>
          <ProgressChart athleteId={scope.athleteId} today={status.today} unit={me.unit} />
        </Providers>
      </section>
    </>
  );
}
