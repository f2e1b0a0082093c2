import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { RawDataset } from '../domain/raw-contract.ts';
import { sqlString, type Duck } from './duck.ts';
import type { InputIssue } from './issues.ts';

/** The raw file of a dataset in `dir`: <file>.csv or <file>.xlsx (first sheet). */
export function locateRawFile(dir: string, dataset: RawDataset): { path?: string; issue?: InputIssue } {
  const candidates = ['csv', 'xlsx'].map((ext) => join(dir, `${dataset.file}.${ext}`)).filter((p) => existsSync(p));
  if (candidates.length === 0) {
    return { issue: { file: `${dataset.file}.csv`, row: null, column: null, value: null,
      message: `berkas tidak ditemukan di ${dir} (juga tidak ada .xlsx) / file not found in ${dir} (nor .xlsx): ${dataset.title.en}` } };
  }
  if (candidates.length > 1) {
    return { issue: { file: candidates.map((c) => basename(c)).join(' + '), row: null, column: null, value: null,
      message: 'ada dua berkas untuk data yang sama; sisakan satu / two files for the same data; keep one' } };
  }
  return { path: candidates[0] };
}

/**
 * Loads a raw CSV or XLSX file into view raw_<dataset> (over table raw_<dataset>_data) with every column as VARCHAR and `__row`, the row number
 * as a spreadsheet shows it. Returns file-level issues (unreadable, bad header, broken lines); when there are any,
 * the table is not created and the file's cells are not validated.
 */
export async function loadRawFile(duck: Duck, dataset: RawDataset, path: string, tmpDir: string): Promise<InputIssue[]> {
  const file = basename(path);
  const issue = (message: string, row: number | null = null, column: string | null = null, value: string | null = null): InputIssue =>
    ({ file, row, column, value, message });
  let csvPath = path;
  let numbered = false;
  if (path.endsWith('.xlsx')) {
    csvPath = join(tmpDir, `${dataset.id}.from-xlsx.csv`);
    try {
      await xlsxToCsv(path, csvPath);
    } catch (e) {
      return [issue(`berkas XLSX tidak dapat dibaca / cannot read the XLSX file: ${(e as Error).message}`)];
    }
    numbered = true;
  }
  const scan = await scanCsv(csvPath);
  if (scan.error) return [issue(scan.error)];
  const header = splitHeader(scan.firstLine, scan.delimiter);
  const headerIssues = checkHeader(dataset, header.filter((h) => h !== '__row'), issue);
  if (scan.blankLine !== null) {
    headerIssues.push(issue('baris kosong di tengah berkas; hapus baris kosong / blank line inside the file; remove blank lines', scan.blankLine));
  }
  if (headerIssues.length > 0) return headerIssues;

  const columns = `{${header.map((h) => `${sqlString(h)}: 'VARCHAR'`).join(', ')}}`;
  await duck.run(`DROP TABLE IF EXISTS reject_errors; DROP TABLE IF EXISTS reject_scans;`);
  const source = `read_csv(${sqlString(csvPath)}, header = true, auto_detect = false, delim = ${sqlString(scan.delimiter)},
    quote = '"', escape = '"', columns = ${columns}, store_rejects = true, encoding = 'utf-8')`;
  const select = header.map((h) => h === '__row'
    ? '"__row"::INTEGER AS __row'
    : `nullif(trim(${quoteIdent(h)}), '') AS ${quoteIdent(h.trim().toLowerCase())}`);
  try {
    await duck.run(`CREATE OR REPLACE TABLE raw_${dataset.id}_data AS SELECT ${select.join(', ')} FROM ${source}`);
  } catch (e) {
    return [issue(`berkas tidak dapat dibaca sebagai CSV / cannot read as CSV: ${(e as Error).message.split('\n')[0]}`)];
  }
  // The table keeps the file's order, so for a CSV (with no blank lines, checked above) rowid + 2 is the line number.
  await duck.run(`CREATE OR REPLACE VIEW raw_${dataset.id} AS ${numbered
    ? `SELECT * FROM raw_${dataset.id}_data`
    : `SELECT (rowid + 2)::INTEGER AS __row, * FROM raw_${dataset.id}_data`}`);
  const rejects = await duck.all(`SELECT line::INTEGER AS line, column_name, error_type, error_message FROM reject_errors ORDER BY line`);
  if (rejects.length > 0) {
    await duck.run(`DROP VIEW raw_${dataset.id}; DROP TABLE raw_${dataset.id}_data`);
    return rejects.map((r) => issue(
      `baris rusak / malformed line: ${String(r.error_type)} — ${String(r.error_message)}`,
      numbered ? null : Number(r.line), r.column_name === null ? null : String(r.column_name)));
  }
  return [];
}

function checkHeader(dataset: RawDataset, header: string[], issue: (m: string, r?: number | null, c?: string | null, v?: string | null) => InputIssue): InputIssue[] {
  const issues: InputIssue[] = [];
  const names = header.map((h) => h.trim().toLowerCase());
  const known = new Set(dataset.columns.map((c) => c.name));
  const seen = new Set<string>();
  for (const [i, n] of names.entries()) {
    if (!known.has(n)) issues.push(issue(`kolom tidak dikenal; yang diharapkan: ${[...known].join(', ')} / unknown column`, 1, header[i] ?? n));
    if (seen.has(n)) issues.push(issue('kolom ganda / duplicate column', 1, n));
    seen.add(n);
  }
  for (const c of dataset.columns) {
    if (!seen.has(c.name) && c.required) issues.push(issue('kolom wajib tidak ada / required column missing', 1, c.name));
  }
  return issues;
}

interface CsvScan { firstLine: string; delimiter: string; blankLine: number | null; error?: string }

/**
 * One streaming pass over the bytes: the header line, the delimiter (comma, semicolon as Excel writes it in
 * Indonesian locales, or tab), and the first blank line followed by more data (it would shift row numbers,
 * because the CSV reader skips blank lines).
 */
async function scanCsv(path: string): Promise<CsvScan> {
  let head = '';
  let line = 1; // the line the next byte belongs to
  let lineHasContent = false;
  let pendingBlank: number | null = null;
  let blankLine: number | null = null;
  for await (const chunk of createReadStream(path)) {
    const buf = chunk as Buffer;
    if (head.length < 65536) head += buf.subarray(0, 65536).toString('utf8');
    let start = 0;
    while (blankLine === null && start <= buf.length) {
      const nl = buf.indexOf(10, start);
      const end = nl === -1 ? buf.length : nl;
      for (let i = start; i < end && !lineHasContent; i++) {
        const b = buf[i];
        if (b !== 13 && b !== 32 && b !== 9) lineHasContent = true;
      }
      if (lineHasContent && pendingBlank !== null) blankLine = pendingBlank;
      if (nl === -1) break;
      if (!lineHasContent && line > 1) pendingBlank ??= line;
      line++;
      lineHasContent = false;
      start = nl + 1;
    }
    if (blankLine !== null) break;
  }
  const firstLine = (head.split('\n')[0] ?? '').replace(/^\uFEFF/, '').replace(/\r$/, '');
  if (firstLine.trim() === '') return { firstLine, delimiter: ',', blankLine, error: 'berkas kosong atau tanpa baris judul / empty file or no header row' };
  const delimiter = [',', ';', '\t'].find((d) => firstLine.includes(d)) ?? ',';
  return { firstLine, delimiter, blankLine };
}

function splitHeader(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((h) => h.trim().replace(/^"(.*)"$/, '$1').trim());
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** XLSX (first sheet) -> CSV with a leading __row column holding the sheet's row numbers. */
async function xlsxToCsv(xlsxPath: string, csvPath: string): Promise<void> {
  const out = createWriteStream(csvPath);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(xlsxPath, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'ignore' });
  let width = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row.values as unknown[]).slice(1);
      if (row.number === 1) width = values.length;
      const cells = Array.from({ length: Math.max(width, values.length) }, (_, i) => cellText(values[i]));
      if (row.number > 1 && cells.every((c) => c === '')) continue;
      const line = [row.number === 1 ? '__row' : String(row.number), ...cells].map(csvQuote).join(',') + '\n';
      if (!out.write(line)) await once(out, 'drain');
    }
    break; // first sheet only
  }
  out.end();
  await once(out, 'finish');
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: Array<{ text: string }> };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.result !== undefined) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    return '';
  }
  return String(v);
}

const csvQuote = (s: string) => `"${s.replace(/"/g, '""').replace(/\r?\n/g, ' ')}"`;
