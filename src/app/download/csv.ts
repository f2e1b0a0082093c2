import type { DownloadColumn, Row, Value } from './types.ts';

// CSV as RFC 4180 says, for spreadsheets and for DuckDB/pandas/R alike: UTF-8 with a byte-order mark (so Excel reads
// UTF-8), comma separator, CRLF line ends, a header row, fields quoted when they hold a comma, a quote, CR or LF
// (quotes doubled). NULL is an empty field; an empty string is a quoted empty field (""), so the two stay apart.
// Numbers are written in plain JS notation with '.' as the decimal mark; booleans as true / false.

export const BOM = '\uFEFF';

/** One CSV field. */
export function csvField(v: Value | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const s = String(v);
  return s === '' || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
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
