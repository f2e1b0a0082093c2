import type { DownloadColumn, Row, Value } from './types.ts';

// CSV as RFC 4180 says, for spreadsheets and for DuckDB/pandas/R alike: UTF-8 with a byte-order mark (so Excel reads
// UTF-8), comma separator, CRLF line ends, a header row, fields quoted when they hold a comma, a quote, CR or LF
// (quotes doubled). NULL is an empty field; an empty string is a quoted empty field (""), so the two stay apart.
// Numbers are written in plain JS notation with '.' as the decimal mark; booleans as true / false.
//
// CSV injection (OWASP): a spreadsheet runs a cell that starts with =, +, -, @, tab or CR as a formula, and a table's
// text (an institution's name) or a console result's column name can start so. Such a text field gets a leading
// single quote and is quoted, so the spreadsheet shows it as text. Only the CSV is changed: the Parquet and JSON
// downloads keep the exact values, and the download's README says so (bundle.ts).

export const BOM = '\uFEFF';

/** A text a spreadsheet would run as a formula: it starts with =, +, -, @, tab or carriage return. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A text made safe to open in a spreadsheet: a leading ' when it would start a formula, otherwise unchanged. */
export const neutralise = (s: string): string => (FORMULA_START.test(s) ? `'${s}` : s);

/** One CSV field (a text neutralised against formula injection; numbers, including negative ones, as they are). */
export function csvField(v: Value | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const raw = String(v);
  const s = neutralise(raw);
  return s === '' || s !== raw || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV text (with its BOM) of rows, columns in the given order. */
export function toCsvText(columns: ReadonlyArray<Pick<DownloadColumn, 'name'>>, rows: readonly Row[]): string {
  const lines = [columns.map((c) => csvField(c.name)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvField(r[c.name])).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** The CSV file's bytes (UTF-8). */
export const toCsv = (columns: ReadonlyArray<Pick<DownloadColumn, 'name'>>, rows: readonly Row[]): Uint8Array =>
  new TextEncoder().encode(toCsvText(columns, rows));
