import type { Metadata } from "next";
import { requireAthlete } from "@/lib/auth/guards";
import { getMe } from "@/lib/data/clinics";

export const metadata: Metadata = { title: "Today" };

export default async function TodayPage() {
  const scope = await requireAthlete();
  const me = await getMe(scope);
  return (
    <>
      <h1 className="text-2xl font-bold">Today</h1>
      <p className="mt-1 text-slate-700">Hi {me.name}. Your exercises and check-in for today will appear here.</p>
    </>
  );
}
