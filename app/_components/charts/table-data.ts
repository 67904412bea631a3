import { neutraliseFormula } from "@/lib/csv-formula";
import { formatNumber } from "@/lib/domain/units";

// Columns shared by a chart's table view and its CSV download, so both show the same numbers.
export type Column<R> = { key: string; label: string; value: (row: R) => string };

// a cell a spreadsheet would run as a formula (a shoe named "=HYPERLINK(…)") is neutralised first
const quote = (raw: string) => {
  const s = neutraliseFormula(raw);
  return /[",\n\r]/.test(s) || s !== raw ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv<R>(columns: readonly Column<R>[], rows: readonly R[]): string {
  const lines = [columns.map((c) => quote(c.label)).join(",")];
  for (const r of rows) lines.push(columns.map((c) => quote(c.value(r))).join(","));
  return `${lines.join("\n")}\n`;
}

/** Fixed decimals, "" for no value: a gap stays visibly empty rather than becoming 0. */
export const fixed = (v: number | null | undefined, decimals = 1) => (v === null || v === undefined ? "" : v.toFixed(decimals));
/** At most `decimals` decimals, no trailing zero ("32", "6.25"), "" for no value. */
export const decimal = (v: number | null | undefined, decimals = 2) => (v === null || v === undefined ? "" : formatNumber(v, decimals));
export const whole = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(Math.round(v)));
