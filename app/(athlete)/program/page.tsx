import type { Metadata } from "next";
import Link from "next/link";
import { secondaryButton } from "@/app/_components/ui/button-styles";
import { requireAthlete } from "@/lib/auth/guards";
import { ExerciseMedia } from "@/app/_components/media/exercise-media";
import { getMe } from "@/lib/data/clinics";
import { mediaForProgram } from "@/lib/data/exercise-media";
import { getCurrentPrescription } from "@/lib/data/prescriptions";
import { getProgram } from "@/lib/data/programs";
import { formatDosage, formatRunWalk } from "@/lib/domain/dosage";
import { formatDistance } from "@/lib/domain/units";

export const metadata: Metadata = { title: "My program" };

export default async function ProgramPage() {
  const scope = await requireAthlete();
  const [program, prescription, me, media] = await Promise.all([
    getProgram(scope, scope.athleteId),
    getCurrentPrescription(scope, scope.athleteId),
    getMe(scope),
    mediaForProgram(scope, scope.athleteId),
  ]);
  const runWalk = prescription ? formatRunWalk(prescription.runIntervalSec, prescription.walkIntervalSec) : null;
  return (
    <>
      <div className="flex items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">My program</h1>
        <Link href="/program/print" className={`${secondaryButton} text-sm`}>
          Print
        </Link>
      </div>
      {program.athlete.trainerName ? <p className="mt-1 text-slate-700">From {program.athlete.trainerName}</p> : null}

      <section aria-labelledby="running-heading" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="running-heading" className="font-semibold">
          Running
        </h2>
        {prescription ? (
          <ul className="mt-1 text-slate-800">
            <li>Up to {formatDistance(prescription.weeklyDistanceM, me.unit)} a week</li>
            <li>Longest run {formatDistance(prescription.longestRunM, me.unit)}</li>
            {runWalk ? <li>{runWalk}</li> : null}
            {prescription.note ? <li className="text-slate-700">{prescription.note}</li> : null}
          </ul>
        ) : (
          <p className="mt-1 text-slate-700">Your trainer has not set running limits yet.</p>
        )}
      </section>

      <h2 className="mt-6 text-lg font-semibold">Exercises</h2>
      {program.items.length === 0 ? <p className="mt-1 text-slate-700">Your trainer has not assigned exercises yet.</p> : null}
      <ul className="mt-2 flex flex-col gap-3">
        {program.items.map((item) => (
          <li key={item.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="text-lg font-semibold">{item.exerciseName}</h3>
            {item.status === "paused" ? (
              <p className="mt-1 inline-block rounded bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-900">Paused by your trainer: skip it for now</p>
            ) : null}
            <p className="mt-1 text-base font-semibold text-brand-800">{formatDosage(item)}</p>
            {item.note ? <p className="mt-1 text-slate-700">{item.note}</p> : null}
            <ExerciseMedia name={item.exerciseName} media={media.get(item.exerciseId)} className="mt-2" />
            <details className="mt-2">
              <summary className="cursor-pointer py-1 font-semibold text-brand-700">How to do it</summary>
              <ol className="mt-1 list-decimal pl-5 text-slate-800">
                {item.howTo.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ol>
            </details>
            {item.cues.length ? (
              <div className="mt-2">
                <p className="font-semibold">Cues</p>
                <ul className="list-disc pl-5 text-slate-800">
                  {item.cues.map((s, i) => (
                    <li key={i}>{s}</li>
                  ))}
                </ul>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
