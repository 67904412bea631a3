import Link from "next/link";
import { primaryButton } from "@/app/_components/ui/button-styles";
import type { AthleteScope } from "@/lib/auth/scope";
import { getReturnToRun } from "@/lib/data/return-to-run";
import { StageSessionForm, StageStepButton } from "./return-to-run-forms";

/** DESIGN §2c on Today: the stage session in words (or rest day), the verdict, logging, own steps. */
export async function ReturnToRunCard({ scope, today }: { scope: AthleteScope; today: string }) {
  const rtr = await getReturnToRun(scope, scope.athleteId);
  if (!rtr.onLadder || !rtr.stage || !rtr.today) return null;
  const stage = rtr.stage;
  const canStepUp = !rtr.paused && rtr.athleteMayStepUp && rtr.verdict?.kind === "step_up" && !stage.isLast;
  const canStepDown = !rtr.paused && !stage.isFirst;
  return (
    <section aria-labelledby="rtr-today-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="rtr-today-heading" className="text-lg font-semibold">
        Return to run
      </h2>
      <p className="mt-1 text-base font-medium text-slate-900">{rtr.today.kind === "rest" ? "Rest day" : rtr.today.words}</p>
      {rtr.today.kind === "rest" ? <p className="text-sm text-slate-700">Next session: {rtr.ladder?.stages[stage.number - 1]?.words}</p> : null}
      {rtr.verdict && !rtr.paused ? <p className="mt-2 text-sm text-slate-800">{rtr.verdict.forAthlete}</p> : null}
      {rtr.paused ? null : (
        <Link href="/today/timer" className={`${primaryButton} mt-3 w-full py-3 text-lg`}>
          Start the interval timer
        </Link>
      )}
      {rtr.paused ? null : (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm font-semibold text-brand-700">Log a stage {stage.number} session</summary>
          <div className="mt-3">
            <StageSessionForm stageId={stage.id} stageNumber={stage.number} repeats={stage.repeats} walking={stage.runMin === 0} today={today} />
          </div>
        </details>
      )}
      {canStepUp || canStepDown ? (
        <div className="mt-3 flex flex-wrap gap-2">
          {canStepDown ? <StageStepButton direction="down" label={`Go back to stage ${stage.number - 1}`} /> : null}
          {canStepUp ? <StageStepButton direction="up" label={`Move up to stage ${stage.number + 1}`} /> : null}
        </div>
      ) : null}
    </section>
  );
}
