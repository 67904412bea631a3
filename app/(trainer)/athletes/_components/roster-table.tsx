import Link from "next/link";
import type { RosterRow } from "@/lib/data/athletes";
import { STATUS_LABELS } from "@/lib/validation/athletes";

export function RosterTable({ rows }: { rows: RosterRow[] }) {
  return (
    <div className="mt-2 overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[640px] text-left text-sm">
        <caption className="sr-only">Athletes</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">Name</th>
            <th scope="col" className="px-4 py-2 font-semibold">Group</th>
            <th scope="col" className="px-4 py-2 font-semibold">Status</th>
            <th scope="col" className="px-4 py-2 font-semibold">Trainer</th>
            <th scope="col" className="px-4 py-2 font-semibold">Last check-in</th>
            <th scope="col" className="px-4 py-2 font-semibold">Open alerts</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id} className="border-t border-slate-100">
              <th scope="row" className="px-4 py-2 font-medium">
                <Link href={`/athletes/${a.id}`} className="text-brand-700 underline">
                  {a.name}
                </Link>
              </th>
              <td className="px-4 py-2">{a.sportGroup ?? "—"}</td>
              <td className="px-4 py-2">{STATUS_LABELS[a.status]}</td>
              <td className="px-4 py-2">{a.trainerName ?? "—"}</td>
              <td className="px-4 py-2">{a.lastCheckIn ?? "Never"}</td>
              <td className="px-4 py-2">{a.openAlerts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
