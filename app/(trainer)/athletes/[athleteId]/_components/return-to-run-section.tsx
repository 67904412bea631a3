import type { TrainerScope } from "@/lib/auth/scope";
import { getMe } from "@/lib/data/clinics";
import { getReturnToRun } from "@/lib/data/return-to-run";
import { listRunLadders } from "@/lib/data/run-ladders";
import { FinishForm, MayStepUpForm, StageStepForm, StartStageForm, StopPlanForm } from "./return-to-run-forms";

const KIND_WORDS: Record<string, string> = {
  started: "Started",
  stepped_up: "Stepped up",
  stepped_down: "Stepped down",
  resumed: "Resumed",
  set: "Stage set",
  finished: "Finished",
  stopped: "Taken off",
};

const VERDICT_STYLE: Record<string, string> = {
  stop: "bg-red-50 text-red-900",
  step_down: "bg-amber-50 text-amber-900",
  step_up: "bg-brand-50 text-brand-900",
  hold: "bg-slate-100 text-slate-900",
};

/** DESIGN §2c on the trainer's athlete page: the stage, the verdict, steps with a reason, the history. */
export async function ReturnToRunSection({ scope, athleteId }: { scope: TrainerScope; athleteId: string }) {
  const [rtr, ladders, me] = await Promise.all([getReturnToRun(scope, athleteId), listRunLadders(scope), getMe(scope)]);
  const stage = rtr.stage;
  const stages = rtr.ladder?.stages ?? [];
  const current = stage && rtr.ladder ? `${rtr.ladder.id}:${stage.id}` : null;
  return (
    <section id="return-to-run" aria-labelledby="rtr-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="rtr-heading" className="text-lg font-semibold">
        Return to run
      </h2>
      {rtr.onLadder && stage ? (
        <div className="mt-2 flex flex-col gap-4">
          <p className="text-sm text-slate-700">
            {rtr.ladder?.name}, stage {stage.number} of {stages.length}: <strong>{stages[stage.number - 1]?.words}</strong>, {stage.sessionsPerWeek} sessions a week.
          </p>
          {rtr.verdict ? (
            <p className={`rounded-md px-3 py-2 text-sm font-medium ${VERDICT_STYLE[rtr.verdict.kind]}`}>{rtr.verdict.forTrainer}</p>
          ) : null}
          {stage.isLast ? (
            <div>
              <h3 className="text-base font-semibold">Finish the plan</h3>
              <FinishForm athleteId={athleteId} unit={me.unit} />
            </div>
          ) : null}
          <StageStepForm
            athleteId={athleteId}
            up={stage.isLast ? { ok: false, why: "Last stage: finish the plan by setting running." } : { ok: true, to: stage.number + 1 }}
            down={stage.isFirst ? { ok: false, why: "Already the first stage." } : { ok: true, to: stage.number - 1 }}
          />
          <details>
            <summary className="cursor-pointer text-sm font-semibold text-brand-700">{rtr.paused ? "Resume at a stage" : "Set another stage"}</summary>
            <div className="mt-2">
              <StartStageForm athleteId={athleteId} ladders={ladders} current={current} label={rtr.paused ? "Resume the plan" : "Set stage"} />
            </div>
          </details>
          <MayStepUpForm athleteId={athleteId} allowed={rtr.athleteMayStepUp} />
          <details>
            <summary className="cursor-pointer text-sm font-semibold text-brand-700">Take off the plan</summary>
            <div className="mt-2">
              <StopPlanForm athleteId={athleteId} />
            </div>
          </details>
        </div>
      ) : (
        <div className="mt-2">
          <p className="mb-3 text-sm text-slate-700">Not on a return-to-run plan. Choose the stage to start at; the stage replaces the distance prescription while it runs.</p>
          <StartStageForm athleteId={athleteId} ladders={ladders} current={null} label="Start return to run" />
        </div>
      )}
      {rtr.history.length ? (
        <div className="mt-4">
          <h3 className="text-base font-semibold">Stage history</h3>
          <ol className="mt-1 divide-y divide-slate-100 text-sm">
            {rtr.history.map((h) => (
              <li key={h.id} className="py-2">
                <span className="font-medium">{h.date}</span> · {KIND_WORDS[h.kind] ?? h.kind}
                {h.toStageNumber ? ` ${h.fromStageNumber ? `from stage ${h.fromStageNumber} ` : ""}to stage ${h.toStageNumber}` : ""} · {h.byTrainer ? (h.madeByName ?? "a trainer") : "by the athlete"}
                {h.reason ? <span className="block text-slate-700">{h.reason}</span> : null}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
