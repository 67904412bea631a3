import { useId } from "react";

type Props = {
  legend: string;
  name: string;
  defaultValue?: string;
  errors?: string[];
  hint?: string;
  /** words beside some numbers (CR-10 effort, pain anchors) */
  words?: Record<number, string>;
  required?: boolean;
};

/**
 * A 0–10 scale as eleven radio buttons in a fieldset: one tap on a phone, arrow keys on a
 * keyboard, and read out as a group with its question.
 */
export function ScaleField({ legend, name, defaultValue, errors, hint, words, required }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <fieldset aria-describedby={[hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="mt-1 grid grid-cols-11 gap-1">
        {Array.from({ length: 11 }, (_, n) => (
          <label key={n} className="relative">
            <input
              type="radio"
              name={name}
              value={String(n)}
              defaultChecked={defaultValue === String(n)}
              required={required}
              aria-label={words?.[n] ? `${n}, ${words[n]}` : String(n)}
              className="peer sr-only"
            />
            <span className="flex h-10 items-center justify-center rounded-md border border-slate-400 bg-white text-sm font-semibold peer-checked:border-brand-700 peer-checked:bg-brand-700 peer-checked:text-white peer-focus-visible:outline-3 peer-focus-visible:outline-brand-700">
              {n}
            </span>
          </label>
        ))}
      </div>
      {words ? (
        <div className="mt-1 flex justify-between text-xs text-slate-600" aria-hidden="true">
          <span>0 {words[0]}</span>
          <span>5 {words[5]}</span>
          <span>10 {words[10]}</span>
        </div>
      ) : null}
      {errors?.length ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
