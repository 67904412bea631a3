/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a cell that starts with = + - @ (or a tab
 * or carriage return, which some spreadsheets skip before reading one of those) is run as a
 * formula when the file is opened. Every CSV the app writes neutralises such text by prefixing a
 * single quote, as papaparse's `escapeFormulae` does. Plain numbers ("-3", "+1.5") are left as
 * they are, so a negative value stays a number in the sheet.
 */
export const FORMULA_START = /^(?![+-]?(\d+(\.\d*)?|\.\d+)$)[=+\-@\t\r]/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
