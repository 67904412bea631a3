import type { Metadata } from "next";
import Link from "next/link";
import { requireTrainer } from "@/lib/auth/guards";
import { updateAthleteAction } from "../../actions";
import { AthleteForm } from "../../_components/athlete-form";
import { athleteFormOptions } from "../../_components/form-options";
import { loadAthleteOr404 } from "../load-athlete";

export const metadata: Metadata = { title: "Edit athlete" };

export default async function EditAthletePage({ params }: { params: Promise<{ athleteId: string }> }) {
  const scope = await requireTrainer();
  const { athleteId } = await params;
  const [athlete, options] = await Promise.all([loadAthleteOr404(scope, athleteId), athleteFormOptions(scope)]);
  const initial = {
    athleteId: athlete.id,
    name: athlete.name,
    email: athlete.email ?? "",
    sportGroup: athlete.sportGroup ?? "",
    birthYear: athlete.birthYear?.toString() ?? "",
    injuredSide: athlete.injuredSide ?? "",
    condition: athlete.condition,
    onsetDate: athlete.onsetDate ?? "",
    status: athlete.status,
    trainerId: athlete.trainerId ?? "",
    timeZone: athlete.timeZone ?? "",
    notes: athlete.notes ?? "",
  };
  return (
    <>
      <Link href={`/athletes/${athlete.id}`} className="text-sm font-semibold text-brand-700 underline">
        ← {athlete.name}
      </Link>
      <h1 className="mt-2 mb-4 text-2xl font-bold">Edit {athlete.name}</h1>
      <AthleteForm action={updateAthleteAction} initial={initial} submitLabel="Save changes" {...options} />
    </>
  );
}
