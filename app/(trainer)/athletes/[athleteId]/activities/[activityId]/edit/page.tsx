import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActivityForm } from "@/app/(athlete)/_components/activity-form";
import { requireTrainer } from "@/lib/auth/guards";
import { getActivity } from "@/lib/data/activities";
import { getMe } from "@/lib/data/clinics";
import { listShoes } from "@/lib/data/shoes";
import { todayIn } from "@/lib/domain/dates";
import { activityFormValues } from "@/app/(athlete)/_components/activity-form-values";
import { isAppError } from "@/lib/errors";
import { saveAthleteActivityAction } from "../../../entry-actions";
import { loadAthleteOr404 } from "../../../load-athlete";
import { DeleteActivityButton } from "./delete-activity-button";

export const metadata: Metadata = { title: "Correct an activity" };

export default async function TrainerEditActivityPage({ params }: { params: Promise<{ athleteId: string; activityId: string }> }) {
  const scope = await requireTrainer();
  const { athleteId, activityId } = await params;
  const athlete = await loadAthleteOr404(scope, athleteId);
  if (!z.uuid().safeParse(activityId).success) notFound();
  const activity = await getActivity(scope, activityId).catch((err) => {
    if (isAppError(err) && err.code === "not_found") notFound();
    throw err;
  });
  if (activity.athleteId !== athlete.id) notFound();
  const [me, shoes] = await Promise.all([getMe(scope), listShoes(scope, athlete.id)]);
  const tz = athlete.effectiveTimeZone;
  const initial = activityFormValues(activity, tz, me.unit);
  return (
    <>
      <Link href={`/athletes/${athlete.id}`} className="text-sm font-semibold text-brand-700 underline">
        ← {athlete.name}
      </Link>
      <h1 className="mt-2 mb-4 text-2xl font-bold">Correct {athlete.name}&apos;s activity</h1>
      <div className="max-w-xl">
        <ActivityForm action={saveAthleteActivityAction} athleteId={athlete.id} unit={me.unit} today={todayIn(tz)} shoes={shoes.filter((s) => !s.retired || s.id === activity.shoeId)} initial={initial} />
        <DeleteActivityButton id={activity.id} athleteName={athlete.name} />
      </div>
    </>
  );
}
