import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireAthlete } from "@/lib/auth/guards";
import { getActivity } from "@/lib/data/activities";
import { getAthlete } from "@/lib/data/athletes";
import { getMe } from "@/lib/data/clinics";
import { listShoes } from "@/lib/data/shoes";
import { todayIn } from "@/lib/domain/dates";
import { wallTimeOf } from "@/lib/domain/local-time";
import { metresTo } from "@/lib/domain/units";
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
  const [me, shoes, athlete] = await Promise.all([getMe(scope), listShoes(scope), getAthlete(scope, scope.athleteId)]);
  const tz = athlete.effectiveTimeZone;
  const initial = {
    activityId: activity.id,
    clientId: activity.clientId,
    type: activity.type,
    date: activity.date,
    startTime: wallTimeOf(activity.startedAt, tz),
    duration: String(Math.round((activity.durationSec / 60) * 100) / 100),
    distance: activity.distanceM ? String(Math.round(metresTo(activity.distanceM, me.unit) * 100) / 100) : "",
    rpe: String(activity.rpe),
    painDuring: activity.painDuring?.toString() ?? "",
    painAfter: activity.painAfter?.toString() ?? "",
    shoeId: activity.shoeId ?? "",
    note: activity.note ?? "",
  };
  return (
    <>
      <Link href="/history" className="text-sm font-semibold text-brand-700 underline">
        ← History
      </Link>
      <h1 className="mt-2 mb-4 text-2xl font-bold">Edit activity</h1>
      <ActivityForm unit={me.unit} today={todayIn(tz)} shoes={shoes.filter((s) => !s.retired || s.id === activity.shoeId)} initial={initial} />
    </>
  );
}
