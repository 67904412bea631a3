import type { Metadata } from "next";
import { requireTrainer } from "@/lib/auth/guards";
import { getClinic, getMe } from "@/lib/data/clinics";

export const metadata: Metadata = { title: "Needs attention" };

export default async function DashboardPage() {
  const scope = await requireTrainer();
  const [clinic, me] = await Promise.all([getClinic(scope), getMe(scope)]);
  return (
    <>
      <h1 className="text-2xl font-bold">Needs attention</h1>
      <p className="mt-1 text-slate-700">
        Welcome, {me.name}. This is {clinic.name}&apos;s home: athletes whose check-ins need a look will be listed here, most
        urgent first.
      </p>
      <section aria-labelledby="all-clear" className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="all-clear" className="text-lg font-semibold">
          All clear
        </h2>
        <p className="mt-1 text-slate-700">No open alerts right now.</p>
      </section>
    </>
  );
}
