import type { Metadata } from "next";
import Link from "next/link";
import { requireAthlete } from "@/lib/auth/guards";
import { getMe } from "@/lib/data/clinics";
import { listShoes } from "@/lib/data/shoes";
import { formatDistance, formatDistanceValue } from "@/lib/domain/units";
import { AddShoeForm, EditShoeForm, RetireShoeButton, UnitForm } from "./shoe-forms";

export const metadata: Metadata = { title: "Shoes and settings" };

export default async function ShoesPage() {
  const scope = await requireAthlete();
  const [shoes, me] = await Promise.all([listShoes(scope), getMe(scope)]);
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-bold">Shoes and settings</h1>
      <section aria-labelledby="shoes-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="shoes-heading" className="text-lg font-semibold">
          My shoes
        </h2>
        {shoes.length === 0 ? <p className="mt-1 text-sm text-slate-700">Add the shoes you run in to see how far each pair has gone.</p> : null}
        <ul className="mt-2 flex flex-col gap-3">
          {shoes.map((s) => (
            <li key={s.id} className="rounded-md border border-slate-200 p-3">
              <p className="font-semibold">
                {s.name} {s.retired ? <span className="text-sm font-normal text-slate-600">(retired)</span> : null}
              </p>
              <p className="text-sm">
                {formatDistance(s.distanceM, me.unit)} of {formatDistance(s.reminderM, me.unit, 0)}
              </p>
              {s.due ? (
                <p className="mt-1 text-sm text-amber-900">
                  This pair has passed {formatDistance(s.reminderM, me.unit, 0)}. A reminder, not an injury warning: the evidence for any
                  mileage limit is weak, so replace them when they feel worn.
                </p>
              ) : null}
              <div className="mt-2 flex flex-wrap items-end gap-3">
                <EditShoeForm id={s.id} name={s.name} reminder={formatDistanceValue(s.reminderM, me.unit)} unit={me.unit} />
                <RetireShoeButton id={s.id} retired={s.retired} />
              </div>
            </li>
          ))}
        </ul>
        <h3 className="mt-4 mb-2 font-semibold">Add a pair</h3>
        <AddShoeForm unit={me.unit} />
      </section>
      <section aria-labelledby="data-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="data-heading" className="text-lg font-semibold">
          Your data
        </h2>
        <p className="mt-1 text-sm">
          <Link href="/my-data" className="font-semibold text-brand-700 underline">
            Download everything stored about you
          </Link>
        </p>
      </section>
      <section aria-labelledby="units-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="units-heading" className="mb-2 text-lg font-semibold">
          Units
        </h2>
        <UnitForm unit={me.unit} />
      </section>
    </div>
  );
}
