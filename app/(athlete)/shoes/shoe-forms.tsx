"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SelectField } from "@/app/_components/ui/select-field";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { addShoeAction, setUnitAction, updateShoeAction } from "../actions";

/** The default reminder, a round number in the athlete's unit: 800 km, or 500 mi. */
const DEFAULT_REMINDER = { km: "800", mi: "500" } as const;

export function AddShoeForm({ unit }: { unit: "km" | "mi" }) {
  const [state, action] = useActionState(addShoeAction, {});
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage message={state.ok ? "Shoe added." : state.message} ok={state.ok} />
      <Field label="Name" name="name" placeholder="Pegasus 41 (blue)" defaultValue={state.ok ? "" : state.values?.name} errors={state.fieldErrors?.name} />
      <Field
        label={`Remind me after (${unit})`}
        name="reminder"
        inputMode="decimal"
        defaultValue={state.ok ? DEFAULT_REMINDER[unit] : (state.values?.reminder ?? DEFAULT_REMINDER[unit])}
        description={unit === "mi" ? "500 mi is a common rule of thumb." : "800 km is a common rule of thumb."}
        errors={state.fieldErrors?.reminder}
      />
      <div>
        <SubmitButton>Add shoes</SubmitButton>
      </div>
    </form>
  );
}

/** Rename a pair or change when it reminds, in the athlete's unit (stored in metres). */
export function EditShoeForm({ id, name, reminder, unit }: { id: string; name: string; reminder: string; unit: "km" | "mi" }) {
  const [state, action] = useActionState(updateShoeAction, {});
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="id" value={id} />
      <Field label={`Name of ${name}`} name="name" defaultValue={state.values?.name ?? name} errors={state.fieldErrors?.name} className="w-48" />
      <Field label={`Remind me after (${unit})`} name="reminder" inputMode="decimal" defaultValue={state.values?.reminder ?? reminder} errors={state.fieldErrors?.reminder} className="w-32" />
      <SubmitButton variant="secondary">Save</SubmitButton>
      {state.ok ? (
        <span role="status" className="pb-2 text-sm">
          Saved.
        </span>
      ) : null}
    </form>
  );
}

export function RetireShoeButton({ id, retired }: { id: string; retired: boolean }) {
  const [, action] = useActionState(updateShoeAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="retired" value={retired ? "no" : "yes"} />
      <SubmitButton variant="secondary">{retired ? "Use again" : "Retire"}</SubmitButton>
    </form>
  );
}

export function UnitForm({ unit }: { unit: "km" | "mi" }) {
  const [state, action] = useActionState(setUnitAction, {});
  return (
    <form action={action} className="flex items-end gap-2">
      <SelectField label="Distances in" name="unit" defaultValue={unit} options={[{ value: "km", label: "Kilometres (km)" }, { value: "mi", label: "Miles (mi)" }]} errors={state.fieldErrors?.unit} />
      <SubmitButton variant="secondary">Save</SubmitButton>
      {state.ok ? <span role="status" className="pb-2 text-sm">Saved.</span> : null}
    </form>
  );
}
