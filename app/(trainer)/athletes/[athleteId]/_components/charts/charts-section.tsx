import { Providers } from "@/app/providers";
import { requireTrainer } from "@/lib/auth/guards";
import { getMe } from "@/lib/data/clinics";
import { todayIn } from "@/lib/domain/dates";
import { AthleteCharts } from "./athlete-charts";

/** The "Pain and running load" card of the athlete page; the charts themselves load in the browser. */
export async function ChartsSection({ athleteId, athleteName, timeZone, dataVersion }: { athleteId: string; athleteName: string; timeZone: string; dataVersion: number }) {
  const me = await getMe(await requireTrainer());
  return (
    <section id="charts" aria-labelledby="charts-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="charts-heading" className="text-lg font-semibold">
        Pain and running load
      </h2>
      <div className="mt-3">
        <Providers>
          <AthleteCharts athleteId={athleteId} athleteName={athleteName} today={todayIn(timeZone)} unit={me.unit} dataVersion={dataVersion} />
        </Providers>
      </div>
    </section>
  );
}
