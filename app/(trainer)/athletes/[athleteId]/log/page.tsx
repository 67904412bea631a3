import type { Metadata } from "next";
import Link from "next/link";
import { ActivityForm } from "@/app/(athlete)/_components/activity-form";
import { requireTrainer } from "@/lib/auth/guards";
import { getMe } from "@/lib/data/clinics";
import { listShoes } from "@/lib/data/shoes";
import { todayIn } from "@/lib/domain/dates";
import { saveAthleteActivityAction } from "../entry-actions";
import { loadAthleteOr404 } from "../load-athlete";

export const metadata: Metadata = { title: "Log an activity for an athlete" };

export default async function TrainerLogPage({ params }: { params: Promise<{ athleteId: string }> }) {
  const scope = await requireTrainer();
  const { athleteId } = await params;
  const athlete = await loadAthleteOr404(scope, athleteId);
  const [me, shoes] = await Promise.all([getMe(scope), listShoes(scope, athlete.id)]);
  return (
    <>
      <Link href={`/athletes/${athlete.id}`} className="text-sm font-semibold text-brand-700 underline">
        ← {athlete.name}
      </Link>
      <h1 className="mt-2 text-2xl font-bold">Log an activity for {athlete.name}</h1>
      <p className="mb-4 text-sm text-slate-700">Entries you make are recorded under your name.</p>
      <div className="max-w-xl">
        <ActivityForm action={saveAthleteActivityAction} athleteId={athlete.id} unit={me.unit} today={todayIn(athlete.effectiveTimeZone)} shoes={shoes.filter((s) => !s.retired)} />
      </div>
    </>
  );
}
