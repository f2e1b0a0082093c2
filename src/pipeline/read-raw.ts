import { lstatSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { RawDataset } from '../domain/raw-contract.ts';
import { sqlString, type Duck } from './duck.ts';
import type { InputIssue } from './issues.ts';
import type { IssueSink } from './issue-sink.ts';
import { checkFileKind, scanCsv } from './raw-file-check.ts';
import { xlsxToCsv } from './xlsx-read.ts';

const exists = (p: string) => {
  try {
    lstatSync(p); // a symlink counts, even a dangling one: checkFileKind names it
    return true;
  } catch {
    return false;
  }
};

/** The raw file of a dataset in `dir`: <file>.csv or <file>.xlsx (first visible sheet). */
export function locateRawFile(dir: string, dataset: RawDataset): { path?: string; issue?: InputIssue } {
  const candidates = ['csv', 'xlsx'].map((ext) => join(dir, `${dataset.file}.${ext}`)).filter(exists);
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
 * Loads a raw CSV or XLSX file into view raw_<dataset> (over table raw_<dataset>_data) with every column as text
 * (surrounding spaces removed, empty cells NULL) and `__row`, the row number as a spreadsheet shows it; columns but
 * free text are stored as a dictionary of their values (an ENUM: compared, grouped and printed as the text it holds),
 * and their distinct values with counts are in table raw_<dataset>_values (column_name, value, n). File-level
 * problems (what the file is, its encoding, header, broken lines) go to `sink`; when there are any the table is not
 * created and the file's cells are not validated. Returns whether the table was created.
 */
export async function loadRawFile(duck: Duck, dataset: RawDataset, path: string, tmpDir: string, sink: IssueSink): Promise<boolean> {
  const file = basename(path);
  const issue = (message: string, row: number | null = null, column: string | null = null, value: string | null = null): InputIssue =>
    ({ file, row, column, value, message });
  const xlsx = path.endsWith('.xlsx');
  const kind = checkFileKind(path, xlsx ? 'xlsx' : 'csv');
  if (kind) {
    await sink.add([issue(kind.message, kind.row)]);
    return false;
  }
  let csvPath = path;
  if (xlsx) {
    csvPath = join(tmpDir, `${dataset.id}.from-xlsx.csv`);
    let sheetIssues: InputIssue[];
    try {
      sheetIssues = await xlsxToCsv(path, csvPath, file);
    } catch (e) {
      await sink.add([issue(`berkas XLSX tidak dapat dibaca / cannot read the XLSX file: ${oneLine((e as Error).message)}`)]);
      return false;
    }
    if (sheetIssues.length > 0) {
      await sink.add(sheetIssues);
      return false;
    }
  }
  const scan = await scanCsv(csvPath);
  if (scan.problem) {
    await sink.add([issue(scan.problem.message, xlsx ? null : scan.problem.row)]);
    return false;
  }
  const header = splitHeader(scan.firstLine, scan.delimiter);
  const headerIssues = checkHeader(dataset, header.filter((h) => h !== '__row'), issue);
  if (scan.blankLine !== null && !xlsx) {
    headerIssues.push(issue('baris kosong di tengah berkas; hapus baris kosong / blank line inside the file; remove blank lines', scan.blankLine));
  }
  if (headerIssues.length > 0) {
    await sink.add(headerIssues);
    return false;
  }

  const columns = `{${header.map((h) => `${sqlString(h)}: 'VARCHAR'`).join(', ')}}`;
  const source = `read_csv(${sqlString(csvPath)}, header = true, auto_detect = false, delim = ${sqlString(scan.delimiter)},
    quote = '"', escape = '"', columns = ${columns}, store_rejects = true, encoding = 'utf-8')`;
  const names = header.map((h) => h === '__row' ? h : h.trim().toLowerCase());
  // Empty cells are NULL as read; spaces around a value are removed only where there are any (trimming every
  // cell of a 10M-row file would copy every string).
  const cell = (h: string) => h === '__row'
    ? '"__row"::INTEGER'
    : `CASE WHEN starts_with(${quoteIdent(h)}, ' ') OR ends_with(${quoteIdent(h)}, ' ') THEN nullif(trim(${quoteIdent(h)}), '') ELSE ${quoteIdent(h)} END`;
  const textColumns = new Set(dataset.columns.filter((c) => c.type.kind === 'text').map((c) => c.name));
  const valued = header.map((h, i) => ({ h, name: names[i]! })).filter((c) => c.h !== '__row' && !textColumns.has(c.name));
  const unreadable = (e: unknown) => issue(`berkas tidak dapat dibaca sebagai CSV / cannot read as CSV: ${oneLine((e as Error).message)}`);

  // First pass: the distinct values of every column but free text, with their counts (validation checks each value
  // once), and the file's broken lines.
  await duck.run(`DROP VIEW IF EXISTS raw_${dataset.id}; DROP TABLE IF EXISTS raw_${dataset.id}_data;
    DROP TABLE IF EXISTS reject_errors; DROP TABLE IF EXISTS reject_scans;`);
  try {
    await duck.run(`CREATE OR REPLACE TABLE raw_${dataset.id}_values AS ${valuesQuery(valued.map((c) => ({ expr: cell(c.h), name: c.name })), source)}`);
  } catch (e) {
    await sink.add([unreadable(e)]);
    return false;
  }
  if (await addRejects(duck, sink, file, xlsx)) return false;

  // Second pass: the table, each of those columns stored as a dictionary of its values (an ENUM of at most
  // DICTIONARY_LIMIT values, 1-2 bytes a cell) instead of text; a column with more values stays text.
  const distinct = new Map((await duck.all(`SELECT column_name, count(value)::INTEGER AS n FROM raw_${dataset.id}_values GROUP BY ALL`))
    .map((r) => [String(r.column_name), Number(r.n)]));
  const typeOf = new Map<string, string>();
  for (const c of valued) {
    if ((distinct.get(c.name) ?? 0) > DICTIONARY_LIMIT) continue;
    const type = quoteIdent(`raw_${dataset.id}_${c.name}`);
    await duck.run(`CREATE OR REPLACE TYPE ${type} AS ENUM (SELECT value FROM raw_${dataset.id}_values
      WHERE column_name = ${sqlString(c.name)} AND value IS NOT NULL ORDER BY value)`);
    typeOf.set(c.name, type);
  }
  const select = header.map((h, i) => {
    const type = typeOf.get(names[i]!);
    return `${type ? `(${cell(h)})::${type}` : cell(h)} AS ${quoteIdent(names[i]!)}`;
  });
  try {
    await duck.run(`CREATE OR REPLACE TABLE raw_${dataset.id}_data AS SELECT ${select.join(', ')} FROM ${source}`);
  } catch (e) {
    await sink.add([unreadable(e)]);
    return false;
  }
  // The table keeps the file's order, so for a CSV (with no blank lines, checked above) rowid + 2 is the line number.
  // Optional columns the file leaves out are NULL, so the SQL can name every column of the contract.
  const given = new Set(names);
  const absent = dataset.columns.filter((c) => !given.has(c.name)).map((c) => `, NULL::VARCHAR AS ${quoteIdent(c.name)}`).join('');
  await duck.run(`CREATE OR REPLACE VIEW raw_${dataset.id} AS ${xlsx
    ? `SELECT *${absent} FROM raw_${dataset.id}_data`
    : `SELECT (rowid + 2)::INTEGER AS __row, *${absent} FROM raw_${dataset.id}_data`}`);
  if (await addRejects(duck, sink, file, xlsx)) {
    await duck.run(`DROP VIEW raw_${dataset.id}; DROP TABLE raw_${dataset.id}_data`);
    return false;
  }
  return true;
}

/** Columns with at most this many distinct values are stored as a dictionary (ENUM) of them. */
export const DICTIONARY_LIMIT = 65_536;

/**
 * The distinct values of the given columns of `source` and how many rows hold each, in one pass:
 * columns column_name VARCHAR, value VARCHAR (NULL for empty cells), n INTEGER.
 */
function valuesQuery(columns: Array<{ expr: string; name: string }>, source: string): string {
  if (columns.length === 0) return `SELECT NULL::VARCHAR AS column_name, NULL::VARCHAR AS value, 0 AS n FROM ${source} LIMIT 0`;
  const ids = columns.map((c) => quoteIdent(c.name));
  const pick = (then: (c: { name: string }, id: string) => string) =>
    `CASE ${columns.map((c, i) => `WHEN grouping(${ids[i]}) = 0 THEN ${then(c, ids[i]!)}`).join(' ')} END`;
  return `SELECT ${pick((c) => sqlString(c.name))} AS column_name, ${pick((_, id) => id)}::VARCHAR AS value, count(*)::INTEGER AS n
    FROM (SELECT ${columns.map((c, i) => `${c.expr} AS ${ids[i]}`).join(', ')} FROM ${source})
    GROUP BY GROUPING SETS (${ids.map((id) => `(${id})`).join(', ')})`;
}

/** Broken lines the CSV reader set aside (reject_errors), as issues; whether there were any. */
async function addRejects(duck: Duck, sink: IssueSink, file: string, xlsx: boolean): Promise<boolean> {
  const [rejects] = await duck.all('SELECT count(*)::BIGINT AS n FROM reject_errors');
  if (Number(rejects?.n ?? 0) === 0) return false;
  await sink.addQuery(file, `SELECT ${xlsx ? 'NULL' : 'line'} AS "row", column_name, NULL AS value,
    'baris rusak / malformed line: ' || error_type || ' — ' || split_part(error_message, chr(10), 1) AS message FROM reject_errors`);
  return true;
}

const oneLine = (s: string) => s.split('\n')[0]!.slice(0, 300);

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

function splitHeader(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((h) => h.trim().replace(/^"(.*)"$/, '$1').trim());
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
