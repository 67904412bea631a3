import type { Metadata } from "next";
import { Providers } from "@/app/providers";
import { LIGHT_TEXT } from "@/app/_components/charts/traffic-light";
import { requireAthlete } from "@/lib/auth/guards";
import { getMe } from "@/lib/data/clinics";
import { getAthleteStatus } from "@/lib/data/series";
import { RED_FLAG_LABELS } from "@/lib/domain/red-flags";
import { formatDistance } from "@/lib/domain/units";
import { lightInWords } from "./_components/light-words";
import { ProgressChart } from "./_components/progress-chart";

export const metadata: Metadata = { title: "Progress" };

export default async function ProgressPage() {
  const scope = await requireAthlete();
  const [status, me] = await Promise.all([getAthleteStatus(scope, scope.athleteId), getMe(scope)]);
  const words = lightInWords(status.light, status.lastRun?.date ?? null);
  const tone = status.light ? LIGHT_TEXT[status.light.light] : null;
  return (
    <>
      <h1 className="text-2xl font-bold">Progress</h1>
      <section aria-labelledby="light-heading" className={`mt-4 rounded-lg border p-4 ${tone?.box ?? "border-slate-200 bg-white"}`}>
        <h2 id="light-heading" className="flex items-center gap-2 text-lg font-semibold">
          {tone ? <span aria-hidden="true" className={`inline-block h-3.5 w-3.5 shrink-0 rounded-full ${tone.dot}`} /> : null}
          {words.headline}
        </h2>
        <p className="mt-1">{words.detail}</p>
        {status.recentRedFlags.length > 0 ? (
          <p className="mt-2 rounded-md bg-white/70 p-2 text-sm font-medium text-red-900">
            You reported {RED_FLAG_LABELS[status.recentRedFlags[0]!.flag]} on {status.recentRedFlags[0]!.date}. Your trainer has been told and will want to check your knee; hold off on building up until they have.
          </p>
        ) : null}
        {status.toleratedLoad ? (
          <p className="mt-2 text-sm">
            The most you ran in a week without a flare, in the last 8 weeks: <strong>{formatDistance(status.toleratedLoad.distanceM, me.unit)}</strong>.
          </p>
        ) : null}
        {status.prescription?.weeklyDistanceCapM ? (
          <p className="mt-1 text-sm">
            Your trainer&apos;s plan: up to {formatDistance(status.prescription.weeklyDistanceCapM, me.unit)} a week
            {status.prescription.longestRunCapM ? `, longest run ${formatDistance(status.prescription.longestRunCapM, me.unit)}` : ""}.
          </p>
        ) : null}
      </section>
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
