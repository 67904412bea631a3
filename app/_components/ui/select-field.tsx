import { controlClass, FieldShell, useFieldIds } from "./field-shell";

type Option = { value: string; label: string };

type SelectFieldProps = {
  label: string;
  name: string;
  options: Option[];
  errors?: string[];
  description?: string;
} & React.SelectHTMLAttributes<HTMLSelectElement>;

/** A native select: fully accessible, works without JavaScript, and right on phones. */
export function SelectField({ label, name, options, errors, description, id, className, ...select }: SelectFieldProps) {
  const ids = useFieldIds(name, id, description, errors);
  return (
    <FieldShell label={label} ids={ids} description={description} errors={errors} className={className}>
      <select id={ids.controlId} name={name} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} className={controlClass} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
