import Papa from "papaparse";
import { FORMULA_START } from "./csv-formula";

/**
 * One dataset as CSV: nested values (arrays, objects) as JSON text, dates as ISO strings; text a
 * spreadsheet would run as a formula is neutralised (lib/csv-formula.ts).
 */
export function datasetToCsv(rows: Record<string, unknown>[]): string {
  const flat = rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v !== null && typeof v === "object" ? JSON.stringify(v) : v])),
  );
  return Papa.unparse(flat, { header: true, escapeFormulae: FORMULA_START });
}

export function download(body: string, fileName: string, type: string): Response {
  return new Response(body, {
    headers: {
      "content-type": `${type}; charset=utf-8`,
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
    },
  });
}
