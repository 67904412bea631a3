import type { Metadata } from "next";
import Link from "next/link";
import { requireTrainer } from "@/lib/auth/guards";
import { createAthleteAction } from "../actions";
import { AthleteForm } from "../_components/athlete-form";
import { athleteFormOptions } from "../_components/form-options";

export const metadata: Metadata = { title: "Add athlete" };

export default async function NewAthletePage() {
  const scope = await requireTrainer();
  const options = await athleteFormOptions(scope);
  return (
    <>
      <Link href="/athletes" className="text-sm font-semibold text-brand-700 underline">
        ← Athletes
      </Link>
      <h1 className="mt-2 mb-4 text-2xl font-bold">Add athlete</h1>
      <AthleteForm action={createAthleteAction} initial={{ trainerId: scope.userId, status: "active" }} submitLabel="Add athlete" {...options} />
    </>
  );
}
