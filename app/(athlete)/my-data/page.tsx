import type { Metadata } from "next";
import { requireAthlete } from "@/lib/auth/guards";
import { ATHLETE_DATASETS } from "@/lib/data/export";

export const metadata: Metadata = { title: "My data" };

const LABELS: Record<(typeof ATHLETE_DATASETS)[number], string> = {
  check_ins: "Morning check-ins",
  activities: "Runs and cross-training",
  exercise_logs: "Exercises ticked off",
  program_items: "My program",
  program_history: "Changes to my program",
  running_prescriptions: "Running limits",
  shoes: "Shoes",
  stage_assignments: "Return-to-run stages",
  alerts: "Alerts my trainer saw",
};

export default async function MyDataPage() {
  const scope = await requireAthlete();
  return (
    <>
      <h1 className="text-2xl font-bold">My data</h1>
      <p className="mt-1 text-sm text-slate-700">Download everything Stride Clinic stores about you: your profile and every entry, including ones you deleted. Your clinic staff&apos;s own working notes are not part of it; ask your clinic for a full copy of your record.</p>
      <p className="mt-4">
        <a href="/my-data/download?format=json" className="font-semibold text-brand-700 underline">
          Download everything (JSON)
        </a>
      </p>
      <h2 className="mt-6 font-semibold">Or one table at a time (CSV, opens in a spreadsheet)</h2>
      <ul className="mt-2 flex flex-col gap-2">
        {ATHLETE_DATASETS.map((d) => (
          <li key={d}>
            <a href={`/my-data/download?format=csv&dataset=${d}`} className="font-semibold text-brand-700 underline">
              {LABELS[d]} (CSV)
            </a>
          </li>
        ))}
      </ul>
      <h2 className="mt-6 font-semibold">For a doctor or physiotherapist</h2>
      <p className="mt-1 text-sm text-slate-700">
        Your pain scores, check-ins, activities and current program in FHIR, the format health record systems import.
      </p>
      <p className="mt-2">
        <a href={`/api/fhir/Patient/${scope.athleteId}/$everything`} download className="font-semibold text-brand-700 underline">
          Download my health record (FHIR)
        </a>
      </p>
    </>
  );
}
