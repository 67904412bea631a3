import { controlClass, FieldShell, useFieldIds } from "./field-shell";

type FieldProps = {
  label: string;
  name: string;
  errors?: string[];
  description?: string;
} & React.InputHTMLAttributes<HTMLInputElement>;

/** A labelled input whose errors are shown next to it and tied to it with aria-describedby. */
export function Field({ label, name, errors, description, id, className, ...input }: FieldProps) {
  const ids = useFieldIds(name, id, description, errors);
  return (
    <FieldShell label={label} ids={ids} description={description} errors={errors} className={className}>
      <input id={ids.controlId} name={name} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} className={controlClass} {...input} />
    </FieldShell>
  );
}
