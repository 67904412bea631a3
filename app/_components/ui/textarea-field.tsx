import { useId } from "react";

type TextareaFieldProps = { label: string; name: string; errors?: string[] } & React.TextareaHTMLAttributes<HTMLTextAreaElement>;

export function TextareaField({ label, name, errors, id, className, ...rest }: TextareaFieldProps) {
  const auto = useId();
  const areaId = id ?? `${name}-${auto}`;
  const errorId = `${areaId}-error`;
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={areaId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={areaId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className="min-h-24 rounded-md border border-slate-400 bg-white px-3 py-2 text-base shadow-sm aria-[invalid=true]:border-red-700"
        {...rest}
      />
      {errors?.length ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
