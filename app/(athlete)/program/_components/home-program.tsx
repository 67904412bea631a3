import { ExerciseMedia } from "@/app/_components/media/exercise-media";
import type { ExerciseMediaView } from "@/lib/data/exercise-media";
import { formatDosage, formatRunWalk } from "@/lib/domain/dosage";
import { formatDistance } from "@/lib/domain/units";
import type { PrescriptionView } from "@/lib/data/prescriptions";
import type { ProgramView } from "@/lib/data/programs";
import { PrintButton } from "./print-button";

/**
 * The printable home program (trainer and athlete alike): athlete, every current exercise with
 * dosage, steps and cues, the running prescription, and the trainer. Laid out for A4 in
 * Chromium's PDF output: one column, no exercise split across a page.
 */
export function HomeProgram({
  program,
  prescription,
  clinicName,
  trainerName,
  unit,
  printedOn,
  media,
}: {
  program: ProgramView;
  prescription: PrescriptionView | null;
  clinicName: string;
  trainerName: string | null;
  unit: "km" | "mi";
  printedOn: string;
  /** the clinic's photos of the exercises (videos do not print) */
  media: Map<string, ExerciseMediaView>;
}) {
  const items = program.items.filter((i) => i.status === "active");
  const runWalk = prescription ? formatRunWalk(prescription.runIntervalSec, prescription.walkIntervalSec) : null;
  return (
    <article className="mx-auto max-w-3xl bg-white text-slate-900 print:max-w-none">
      <style>{"@page { size: A4; margin: 14mm 14mm 16mm; } @media print { html, body { background: white !important; } }"}</style>
      <div className="no-print mb-4 flex justify-end">
        <PrintButton />
      </div>
      <header className="border-b-2 border-slate-800 pb-3">
        <p className="text-sm text-slate-600">{clinicName} · Home exercise program</p>
        <h1 className="text-2xl font-bold">{program.athlete.name}</h1>
        <p className="text-sm text-slate-700">
          Prescribed by {trainerName ?? "your trainer"} · printed {printedOn}
        </p>
      </header>

      <section aria-labelledby="print-running" className="mt-4 break-inside-avoid rounded-md border border-slate-300 p-3">
        <h2 id="print-running" className="font-semibold">
          Running
        </h2>
        {prescription ? (
          <ul className="mt-1 list-disc pl-5 text-sm">
            <li>At most {formatDistance(prescription.weeklyDistanceM, unit)} a week</li>
            <li>Longest single run {formatDistance(prescription.longestRunM, unit)}</li>
            {runWalk ? <li>{runWalk}</li> : null}
            {prescription.note ? <li>{prescription.note}</li> : null}
          </ul>
        ) : (
          <p className="mt-1 text-sm">No running limits set. Ask your trainer before building up.</p>
        )}
        <p className="mt-2 text-xs text-slate-600">Pain up to 5/10 during or after is acceptable if it settles by the next morning. Stop and tell your trainer about catching, locking, giving way or swelling.</p>
      </section>

      <h2 className="mt-5 text-lg font-semibold">Exercises ({items.length})</h2>
      {items.length === 0 ? <p className="text-sm">No exercises assigned yet.</p> : null}
      <ol className="mt-2 flex flex-col gap-4">
        {items.map((item, i) => (
          <li key={item.id} className="break-inside-avoid rounded-md border border-slate-300 p-3">
            <h3 className="font-semibold">
              {i + 1}. {item.exerciseName}
            </h3>
            <p className="font-medium text-brand-800">{formatDosage(item)}</p>
            {item.note ? <p className="text-sm italic">{item.note}</p> : null}
            <ExerciseMedia name={item.exerciseName} media={media.get(item.exerciseId)} video={false} className="mt-2" />
            <div className="mt-2 grid gap-3 text-sm sm:grid-cols-2 print:grid-cols-2">
              <div>
                <h4 className="font-semibold">How to</h4>
                <ol className="list-decimal pl-5">
                  {item.howTo.map((s, k) => (
                    <li key={k}>{s}</li>
                  ))}
                </ol>
              </div>
              <div>
                <h4 className="font-semibold">Cues</h4>
                <ul className="list-disc pl-5">
                  {item.cues.map((s, k) => (
                    <li key={k}>{s}</li>
                  ))}
                </ul>
              </div>
            </div>
          </li>
        ))}
      </ol>
      <footer className="mt-6 border-t border-slate-300 pt-2 text-xs text-slate-600">
        {trainerName ?? "Your trainer"}, {clinicName}. Keep exercise pain at 2/10 or less; if it goes above 5/10, stop and tell your trainer.
      </footer>
    </article>
  );
}
