import { controlClass, FieldShell, useFieldIds } from "./field-shell";

type TextareaFieldProps = { label: string; name: string; errors?: string[]; description?: string } & React.TextareaHTMLAttributes<HTMLTextAreaElement>;

export function TextareaField({ label, name, errors, description, id, className, ...rest }: TextareaFieldProps) {
  const ids = useFieldIds(name, id, description, errors);
  return (
    <FieldShell label={label} ids={ids} description={description} errors={errors} className={className}>
      <textarea id={ids.controlId} name={name} aria-invalid={ids.invalid} aria-describedby={ids.describedBy} className={`min-h-24 ${controlClass}`} {...rest} />
    </FieldShell>
  );
}
