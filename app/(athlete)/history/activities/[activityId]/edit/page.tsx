import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireAthlete } from "@/lib/auth/guards";
import { getActivity } from "@/lib/data/activities";
import { getAthlete } from "@/lib/data/athletes";
import { getMe } from "@/lib/data/clinics";
import { getRunCapContext } from "@/lib/data/running-caps";
import { listShoes } from "@/lib/data/shoes";
import { todayIn } from "@/lib/domain/dates";
import { activityFormValues } from "@/app/(athlete)/_components/activity-form-values";
import { isAppError } from "@/lib/errors";
import { ActivityForm } from "../../../../_components/activity-form";

export const metadata: Metadata = { title: "Edit activity" };

export default async function EditActivityPage({ params }: { params: Promise<{ activityId: string }> }) {
  const scope = await requireAthlete();
  const { activityId } = await params;
  if (!z.uuid().safeParse(activityId).success) notFound();
  const activity = await getActivity(scope, activityId).catch((err) => {
    if (isAppError(err) && err.code === "not_found") notFound();
    throw err;
  });
  const [me, shoes, athlete, caps] = await Promise.all([getMe(scope), listShoes(scope), getAthlete(scope, scope.athleteId), getRunCapContext(scope, scope.athleteId, activity.date)]);
  const tz = athlete.effectiveTimeZone;
  const initial = activityFormValues(activity, tz, me.unit);
  return (
    <>
      <Link href="/history" className="text-sm font-semibold text-brand-700 underline">
        ← History
      </Link>
      <h1 className="mt-2 mb-4 text-2xl font-bold">Edit activity</h1>
      <ActivityForm unit={me.unit} today={todayIn(tz)} shoes={shoes.filter((s) => !s.retired || s.id === activity.shoeId)} initial={initial} caps={caps} />
    </>
  );
}
