import { z } from "zod";

/**
 * The field helpers every schema builds on, so a boundary never coerces (issue 18, items 4, 5, 10).
 *
 * Numbers: JSON takes numbers strictly. `z.number()` already refuses strings ("5" too), booleans,
 * null, arrays, NaN and Infinity; what must never be used is `z.coerce.number()`, which turns null,
 * "", " ", false and [] into 0, true into 1 and [5] into 5. Forms (and query strings, and CSV
 * cells) send text: `fromFormText` reads it, an empty or blank field being absent ("not reported"
 * when the field is optional, the field's own error when it is required).
 *
 * Text: `plainText` refuses control characters (NUL and the other C0/C1 codes; tab and line breaks
 * only where the field is multi-line) and the bidi embedding/override/isolate controls, which can
 * make a name display as something else; `nameText` also needs one visible character, so a name of
 * only zero-width or direction marks is refused. `withoutControlCharacters` strips them instead,
 * for keys and search filters that are never stored.
 */

// ── Numbers ───────────────────────────────────────────────────────────────────────────────────

/** A pain or effort score (0–10, whole) as JSON sends it: a number, nothing else. */
export function painScore(label: string) {
  const Label = `${label[0]!.toUpperCase()}${label.slice(1)}`;
  return z
    .number({ error: `Enter ${label} as a number from 0 to 10.` })
    .int(`Enter ${label} as a whole number from 0 to 10.`)
    .min(0, `${Label} must be between 0 and 10.`)
    .max(10, `${Label} must be between 0 and 10.`);
}

/**
 * An optional JSON value where null, like leaving the field out, means "not reported" (never 0).
 * Only for fields of a new record: in a PATCH, null means "clear it" and is declared with
 * `.nullable()` by the field itself.
 */
export function nullAsAbsent<T extends z.ZodType>(schema: T) {
  return z
    .preprocess((v) => (v === null ? undefined : v), schema.optional())
    .meta({ description: "Optional. Left out or null: not reported (stored as no value, never 0). Strings, booleans and arrays are refused." });
}

/** Plain decimal notation only: "12", "-3", "4.5", ".5"; not "1e3", "0x10", "Infinity" or "12abc". */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Text from a form field, a query parameter or a CSV cell → a number, or undefined when the field
 * is empty or blank. Text that is not a plain decimal number (and anything that is not text) is
 * passed on unchanged, so the number schema after it refuses it with its own message.
 */
export function fromFormText(v: unknown, options: { decimalComma?: boolean } = {}): unknown {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") return v;
  let t = v.trim();
  if (t === "") return undefined;
  if (options.decimalComma) t = t.replace(",", ".");
  return DECIMAL.test(t) ? Number(t) : v;
}

/** A number field of a form: empty → absent (optional) or the schema's own error (required). */
export function formNumber<T extends z.ZodType<number>>(schema: T, options: { decimalComma?: boolean } = {}) {
  return z.preprocess((v) => fromFormText(v, options), schema);
}

/** An optional number field of a form: empty or blank is "not reported", never 0. */
export function optionalFormNumber<T extends z.ZodType<number>>(schema: T, options: { decimalComma?: boolean } = {}) {
  return z.preprocess((v) => fromFormText(v, options), schema.optional());
}

// ── Text ──────────────────────────────────────────────────────────────────────────────────────

/** C0 and C1 control codes and DEL, except tab, line feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const LINE_CONTROL = /[\t\n\r]/u;
/** Bidi embeddings, overrides and isolates: they reorder what is displayed ("Trojan source"). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** Characters that draw nothing: spaces, controls, format characters (zero-width, direction marks), combining marks alone, and the fillers fonts draw blank. */
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{Mn}\p{Me}\p{Zl}\p{Zp}\u115F\u1160\u180E\u2800\u3164\uFFA0]/gu;

export const CONTROL_CHARACTER_MESSAGE = "Remove the control characters (such as NUL or text-direction marks) from this field.";

export function hasControlCharacters(s: string, options: { multiline?: boolean } = {}): boolean {
  return CONTROL.test(s) || BIDI_CONTROL.test(s) || (!options.multiline && LINE_CONTROL.test(s));
}

export function hasVisibleCharacter(s: string): boolean {
  return s.replace(INVISIBLE, "").length > 0;
}

/** For keys and search filters, never stored: the same characters removed rather than refused. */
export function withoutControlCharacters(s: string): string {
  return s.replace(new RegExp(`${CONTROL.source}|${BIDI_CONTROL.source}|${LINE_CONTROL.source}`, "gu"), "");
}

type TextOptions = { error?: string; multiline?: boolean };

/** A string with no control characters (tab and line breaks only when `multiline`). Chain `.trim().min().max()` after it. */
export function plainText(options: TextOptions = {}) {
  return z
    .string(options.error ? { error: options.error } : undefined)
    .refine((s) => !hasControlCharacters(s, options), { message: CONTROL_CHARACTER_MESSAGE, abort: true });
}

/** A name: plain text on one line with at least one visible character. */
export function nameText(label: string, options: { error?: string } = {}) {
  return plainText(options).refine((s) => s.trim() === "" || hasVisibleCharacter(s), {
    message: `Enter ${label} with at least one visible letter or digit: invisible characters alone are not a name.`,
    abort: true,
  });
}

/** A search or filter parameter of a page: control characters removed, then trimmed; nothing left is no filter. */
export function searchText(max: number) {
  return z
    .string()
    .transform((s) => withoutControlCharacters(s).trim() || undefined)
    .pipe(z.string().max(max).optional());
}
