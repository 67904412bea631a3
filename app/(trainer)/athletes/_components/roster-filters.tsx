import { Field } from "@/app/_components/ui/field";
import { SelectField } from "@/app/_components/ui/select-field";
import { secondaryButton } from "@/app/_components/ui/button-styles";
import type { RosterQuery } from "@/lib/validation/athletes";

type Option = { value: string; label: string };

/** A GET form: the filters live in the URL, so a view can be bookmarked and shared. */
export function RosterFilters({ query, trainers, groups, statuses }: { query: RosterQuery; trainers: Option[]; groups: string[]; statuses: Option[] }) {
  return (
    <form method="get" action="/athletes" role="search" aria-label="Filter athletes" className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6">
      <Field label="Search by name" name="q" type="search" defaultValue={query.q ?? ""} className="lg:col-span-2" />
      <SelectField label="Status" name="status" defaultValue={query.status ?? ""} options={[{ value: "", label: "Current" }, ...statuses, { value: "all", label: "All (with archived)" }]} />
      <SelectField label="Group" name="group" defaultValue={query.group ?? ""} options={[{ value: "", label: "All groups" }, ...groups.map((g) => ({ value: g, label: g }))]} />
      <SelectField label="Trainer" name="trainer" defaultValue={query.trainer ?? ""} options={[{ value: "", label: "All trainers" }, ...trainers]} />
      <SelectField
        label="Sort by"
        name="sort"
        defaultValue={query.sort ?? "name"}
        options={[
          { value: "name", label: "Name" },
          { value: "last_check_in", label: "Last check-in" },
          { value: "open_alerts", label: "Open alerts" },
        ]}
      />
      <div className="flex items-end lg:col-span-6">
        <button type="submit" className={secondaryButton}>
          Apply filters
        </button>
      </div>
    </form>
  );
}
