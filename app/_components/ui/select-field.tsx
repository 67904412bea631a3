import { controlClass, FieldShell, useFieldIds } from "./field-shell";

type Option = { value: string; label: string };

type SelectFieldProps = {
  label: string;
  name: string;
  options: Option[];
  errors?: string[];
  description?: string;
} & React.SelectHTMLAttributes<HTMLSelectElement>;

/**
 * A native select: fully accessible, works without JavaScript, and right on phones.
 *
 * An uncontrolled one is keyed by its defaultValue. React applies a select's defaultValue only when
 * it mounts, and resets a form after its action returns, so without the key a select fell back to
 * its first value after every save or refusal (the next save wrote the old time zone back) and kept
 * an old filter after "Clear filters".
 */
export function SelectField({ label, name, options, errors, description, id, className, ...select }: SelectFieldProps) {
  const ids = useFieldIds(name, id, description, errors);
  return (
    <FieldShell label={label} ids={ids} description={description} errors={errors} className={className}>
      <select key={uncontrolledKey(select)} id={ids.controlId} name={name} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} className={controlClass} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** What an uncontrolled select shows at mount; a controlled one keeps one key. */
export function uncontrolledKey(select: { value?: unknown; defaultValue?: unknown }): string {
  if (select.value !== undefined || select.defaultValue === undefined) return "";
  return Array.isArray(select.defaultValue) ? select.defaultValue.join("\u0000") : String(select.defaultValue);
}
