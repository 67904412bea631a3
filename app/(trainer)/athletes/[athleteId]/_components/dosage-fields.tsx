import { Field } from "@/app/_components/ui/field";
import type { FieldErrors } from "@/lib/errors";

type Dosage = { sets?: number; reps?: number | null; holdSec?: number | null; daysPerWeek?: number; load?: string | null; note?: string | null };

/** The shared dosage inputs: sets, reps or hold seconds, days per week, load/band note, note. */
export function DosageFields({ errors, values, defaults, idPrefix }: { errors?: FieldErrors; values?: Record<string, string>; defaults?: Dosage; idPrefix: string }) {
  const v = (name: keyof Dosage) => values?.[name] ?? (defaults?.[name] == null ? "" : String(defaults[name]));
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <Field id={`${idPrefix}-sets`} label="Sets" name="sets" type="number" min={1} max={50} inputMode="numeric" defaultValue={v("sets")} errors={errors?.sets} required />
      <Field id={`${idPrefix}-reps`} label="Reps" name="reps" type="number" min={1} max={200} inputMode="numeric" defaultValue={v("reps")} errors={errors?.reps} />
      <Field id={`${idPrefix}-hold`} label="Hold (seconds)" name="holdSec" type="number" min={1} max={600} inputMode="numeric" defaultValue={v("holdSec")} errors={errors?.holdSec} />
      <Field id={`${idPrefix}-days`} label="Days per week" name="daysPerWeek" type="number" min={1} max={7} inputMode="numeric" defaultValue={v("daysPerWeek")} errors={errors?.daysPerWeek} required />
      <Field id={`${idPrefix}-load`} className="col-span-2" label="Load or band" name="load" defaultValue={v("load")} errors={errors?.load} maxLength={120} />
      <Field id={`${idPrefix}-note`} className="col-span-2" label="Note for the athlete" name="note" defaultValue={v("note")} errors={errors?.note} maxLength={500} />
    </div>
  );
}
