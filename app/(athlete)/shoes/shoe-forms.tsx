"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/ui/field";
import { FormMessage } from "@/app/_components/ui/form-message";
import { SelectField } from "@/app/_components/ui/select-field";
import { SubmitButton } from "@/app/_components/ui/submit-button";
import { addShoeAction, setUnitAction, updateShoeAction } from "../actions";

export function AddShoeForm({ unit }: { unit: "km" | "mi" }) {
  const [state, action] = useActionState(addShoeAction, {});
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <FormMessage message={state.ok ? "Shoe added." : state.message} ok={state.ok} />
      <Field label="Name" name="name" placeholder="Pegasus 41 (blue)" defaultValue={state.ok ? "" : state.values?.name} errors={state.fieldErrors?.name} />
      <Field
        label="Remind me after (km)"
        name="reminderKm"
        inputMode="numeric"
        defaultValue={state.ok ? "800" : (state.values?.reminderKm ?? "800")}
        description={unit === "mi" ? "In kilometres; 800 km is about 500 mi." : "800 km is a common rule of thumb."}
        errors={state.fieldErrors?.reminderKm}
      />
      <div>
        <SubmitButton>Add shoes</SubmitButton>
      </div>
    </form>
  );
}

export function RenameShoeForm({ id, name }: { id: string; name: string }) {
  const [state, action] = useActionState(updateShoeAction, {});
  return (
    <form action={action} className="flex items-end gap-2">
      <input type="hidden" name="id" value={id} />
      <Field label={`Rename ${name}`} name="name" defaultValue={name} errors={state.fieldErrors?.name} className="w-48" />
      <SubmitButton variant="secondary">Rename</SubmitButton>
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
