import Link from "next/link";
import { formatDay } from "@/lib/format/dates";

/** An alert group's date span: "29 Nov 2026", or "28 Nov 2026 to 30 Nov 2026". */
export const alertSpan = (from: string, to: string, locale: string) => (from === to ? formatDay(to, locale) : `${formatDay(from, locale)} to ${formatDay(to, locale)}`);

/** A row's header cell in both triage tables: the athlete's name, linked, over group and trainer. */
export function AthleteRowHeader({ row }: { row: { athleteId: string; name: string; sportGroup: string | null; trainerName: string | null } }) {
  return (
    <th scope="row" className="px-3 py-2 font-medium">
      <Link href={`/athletes/${row.athleteId}`} className="text-brand-700 underline">
        {row.name}
      </Link>
      <span className="block text-xs font-normal text-slate-600">{[row.sportGroup, row.trainerName].filter(Boolean).join(" · ") || "No group"}</span>
    </th>
  );
}
