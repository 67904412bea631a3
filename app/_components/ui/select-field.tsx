import { useId } from "react";

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
  const auto = useId();
  const selectId = id ?? `${name}-${auto}`;
  const errorId = `${selectId}-error`;
  const descId = `${selectId}-desc`;
  const describedBy = [description ? descId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={selectId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={selectId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="rounded-md border border-slate-400 bg-white px-3 py-2 text-base shadow-sm aria-[invalid=true]:border-red-700"
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {description ? (
        <p id={descId} className="text-sm text-slate-600">
          {description}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
