import { useId } from "react";

type FieldProps = {
  label: string;
  name: string;
  errors?: string[];
  description?: string;
} & React.InputHTMLAttributes<HTMLInputElement>;

/** A labelled input whose errors are announced next to it and tied to it with aria-describedby. */
export function Field({ label, name, errors, description, id, className, ...input }: FieldProps) {
  const auto = useId();
  const inputId = id ?? `${name}-${auto}`;
  const errorId = `${inputId}-error`;
  const descId = `${inputId}-desc`;
  const describedBy = [description ? descId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base shadow-sm aria-[invalid=true]:border-red-700"
        {...input}
      />
      {description ? (
        <p id={descId} className="text-sm text-slate-600">
          {description}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={errorId} className="text-sm font-medium text-red-700" aria-live="polite">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
