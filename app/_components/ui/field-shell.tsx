import { useId } from "react";

/** The ids a labelled control needs so its hint and errors are read out with it. */
export function useFieldIds(name: string, id: string | undefined, description: string | undefined, errors: string[] | undefined) {
  const auto = useId();
  const controlId = id ?? `${name}-${auto}`;
  const errorId = `${controlId}-error`;
  const descId = `${controlId}-desc`;
  const describedBy = [description ? descId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return { controlId, errorId, descId, describedBy, invalid: errors?.length ? true : undefined };
}

type ShellProps = {
  label: string;
  ids: ReturnType<typeof useFieldIds>;
  description?: string;
  errors?: string[];
  className?: string;
  children: React.ReactNode;
};

/** Label above, hint and errors below: the same frame for inputs, selects and text areas. */
export function FieldShell({ label, ids, description, errors, className, children }: ShellProps) {
  return (
    <div className={`flex flex-col gap-1 ${className ?? ""}`}>
      <label htmlFor={ids.controlId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {description ? (
        <p id={ids.descId} className="text-sm text-slate-600">
          {description}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={ids.errorId} className="text-sm font-medium text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export const controlClass =
  "rounded-md border border-slate-400 bg-white px-3 py-2 text-base shadow-sm aria-[invalid=true]:border-red-700";
