import type { Metadata } from "next";
import Link from "next/link";
import { requireAthlete } from "@/lib/auth/guards";
import { getMe } from "@/lib/data/clinics";
import { getRunCapContext } from "@/lib/data/running-caps";
import { getDefaultShoeId, listShoes } from "@/lib/data/shoes";
import { todayIn } from "@/lib/domain/dates";
import { getAthlete } from "@/lib/data/athletes";
import { ActivityForm } from "../_components/activity-form";

export const metadata: Metadata = { title: "Log an activity" };

export default async function LogPage() {
  const scope = await requireAthlete();
  const [me, shoes, athlete, caps] = await Promise.all([getMe(scope), listShoes(scope), getAthlete(scope, scope.athleteId), getRunCapContext(scope, scope.athleteId)]);
  const defaultShoeId = await getDefaultShoeId(scope, shoes);
  return (
    <>
      <Link href="/today" className="text-sm font-semibold text-brand-700 underline">
        ← Today
      </Link>
      <h1 className="mt-2 mb-4 text-2xl font-bold">Log a run or cross-training</h1>
      <ActivityForm unit={me.unit} today={todayIn(athlete.effectiveTimeZone)} shoes={shoes.filter((s) => !s.retired)} caps={caps} defaultShoeId={defaultShoeId} />
    </>
  );
}
