import type { RawDataset } from '../domain/raw-contract.ts';
import { sqlString, type Duck } from './duck.ts';
import type { InputIssue } from './issues.ts';
import type { IssueSink } from './issue-sink.ts';

/** Columns with at most this many distinct values are stored as a dictionary (ENUM) of them; more stay text. */
export const DICTIONARY_LIMIT = 65_536;

export interface CsvShape {
  path: string;
  /** The header as written (a converted XLSX adds `__row`, the spreadsheet's row numbers). */
  header: string[];
  delimiter: string;
  /** The rows carry their spreadsheet row numbers in `__row` (an XLSX converted to CSV). */
  numbered: boolean;
}

/**
 * Reads a checked CSV (read-raw.ts) into table raw_<dataset>_data and view raw_<dataset>, in two passes over the file.
 *
 * 1. The distinct values of every column but free text and how many rows hold each (table raw_<dataset>_values:
 *    column_name, value, n), from the cells as written; spaces around a value are removed (and a blank cell becomes
 *    empty) per distinct value, so validation and the table see the same trimmed values. The file's broken lines are
 *    found here: when there are any the table is not created.
 * 2. The table. Each of those columns is stored as a dictionary of its values (an ENUM of at most DICTIONARY_LIMIT
 *    values, 1-2 bytes a cell, compared, grouped and printed as the text it holds) instead of text; where no value of
 *    the column has spaces around it, the CSV reader converts the cells itself (typed reading, no trimming per cell).
 *
 * Every column of the view reads as the trimmed text of the cell (NULL when empty); `__row` is the row number as a
 * spreadsheet shows it. Returns whether the table was created; problems go to `sink`.
 */
export async function readRawTable(duck: Duck, dataset: RawDataset, csv: CsvShape, file: string, sink: IssueSink): Promise<boolean> {
  const id = dataset.id;
  const names = csv.header.map((h) => h === '__row' ? h : h.trim().toLowerCase());
  const textColumns = new Set(dataset.columns.filter((c) => c.type.kind === 'text').map((c) => c.name));
  const valued = csv.header.map((h, i) => ({ h, name: names[i]! })).filter((c) => c.h !== '__row' && !textColumns.has(c.name));
  const source = (types: Map<string, string> = new Map()) => `read_csv(${sqlString(csv.path)}, header = true, auto_detect = false,
    delim = ${sqlString(csv.delimiter)}, quote = '"', escape = '"', store_rejects = true, encoding = 'utf-8',
    columns = {${csv.header.map((h) => `${sqlString(h)}: ${sqlString(types.get(h) ?? 'VARCHAR')}`).join(', ')}})`;
  const unreadable = async (e: unknown) => {
    // Running out of memory or disk is the build's fault, not the file's: the command line names it (cli/failure.ts).
    if (NOT_THE_FILE.test((e as Error).message)) throw e;
    await sink.add([issueOf(file, `berkas tidak dapat dibaca sebagai CSV / cannot read as CSV: ${oneLine((e as Error).message)}`)]);
    return false;
  };

  // First pass: the values as written, per column.
  await duck.run(`DROP VIEW IF EXISTS raw_${id}; DROP TABLE IF EXISTS raw_${id}_data;
    DROP TABLE IF EXISTS reject_errors; DROP TABLE IF EXISTS reject_scans;`);
  try {
    await duck.run(`CREATE OR REPLACE TEMP TABLE raw_cells AS ${valuesQuery(valued.map((c) => ({ h: c.h, name: c.name })), source())}`);
  } catch (e) {
    return unreadable(e);
  }
  if (await addRejects(duck, sink, file, csv.numbered)) return false;
  await duck.run(`CREATE OR REPLACE TABLE raw_${id}_values AS
    SELECT column_name, ${trimmed('value')} AS value, sum(n)::INTEGER AS n FROM raw_cells GROUP BY ALL`);
  const stats = new Map((await duck.all(`SELECT column_name, count(DISTINCT ${trimmed('value')})::INTEGER AS n,
      bool_or(starts_with(value, ' ') OR ends_with(value, ' ') OR value = '') AS spaced
    FROM raw_cells GROUP BY ALL`)).map((r) => [String(r.column_name), { n: Number(r.n), spaced: Boolean(r.spaced) }]));
  await duck.run('DROP TABLE raw_cells');

  // Second pass: the table, with dictionary columns.
  const readAs = new Map<string, string>();
  const select = csv.header.map((h, i) => {
    const name = names[i]!;
    if (h === '__row') return '"__row"::INTEGER AS __row';
    const stat = stats.get(name);
    if (!dictionary(stat)) return `${trimmed(quoteIdent(h))} AS ${quoteIdent(name)}`;
    const type = `raw_${id}_${name}`;
    if (stat.spaced) return `(${trimmed(quoteIdent(h))})::${quoteIdent(type)} AS ${quoteIdent(name)}`;
    readAs.set(h, type);
    return `${quoteIdent(h)} AS ${quoteIdent(name)}`;
  });
  for (const c of valued) {
    if (!dictionary(stats.get(c.name))) continue;
    await duck.run(`CREATE OR REPLACE TYPE ${quoteIdent(`raw_${id}_${c.name}`)} AS ENUM (SELECT value FROM raw_${id}_values
      WHERE column_name = ${sqlString(c.name)} AND value IS NOT NULL ORDER BY value)`);
  }
  try {
    await duck.run(`CREATE OR REPLACE TABLE raw_${id}_data AS SELECT ${select.join(', ')} FROM ${source(readAs)}`);
  } catch (e) {
    return unreadable(e);
  }
  // The table keeps the file's order, so for a CSV (with no blank lines, checked before) rowid + 2 is the line number.
  // Optional columns the file leaves out are NULL, so the SQL can name every column of the contract.
  const given = new Set(names);
  const absent = dataset.columns.filter((c) => !given.has(c.name)).map((c) => `, NULL::VARCHAR AS ${quoteIdent(c.name)}`).join('');
  await duck.run(`CREATE OR REPLACE VIEW raw_${id} AS ${csv.numbered
    ? `SELECT *${absent} FROM raw_${id}_data`
    : `SELECT (rowid + 2)::INTEGER AS __row, *${absent} FROM raw_${id}_data`}`);
  if (await addRejects(duck, sink, file, csv.numbered)) {
    await duck.run(`DROP VIEW raw_${id}; DROP TABLE raw_${id}_data`);
    return false;
  }
  return true;
}

/** Whether a column is stored as a dictionary: one with values, not more than DICTIONARY_LIMIT. */
const dictionary = (stat: { n: number } | undefined): stat is { n: number; spaced: boolean } =>
  stat !== undefined && stat.n > 0 && stat.n <= DICTIONARY_LIMIT;

/** DuckDB errors of the machine (memory, disk), never reported as the file being unreadable. */
const NOT_THE_FILE = /Out of Memory Error|No space left on device|ENOSPC|INTERNAL Error/;

/** A cell as the pipeline reads it: spaces around it removed only where there are any; blank is NULL. */
const trimmed = (x: string) => `CASE WHEN starts_with(${x}, ' ') OR ends_with(${x}, ' ') THEN nullif(trim(${x}), '') ELSE ${x} END`;

/**
 * The distinct values of the given columns of `source` as written and how many rows hold each, in one pass:
 * columns column_name VARCHAR, value VARCHAR (NULL for empty cells), n BIGINT.
 */
function valuesQuery(columns: Array<{ h: string; name: string }>, source: string): string {
  if (columns.length === 0) return `SELECT NULL::VARCHAR AS column_name, NULL::VARCHAR AS value, 0::BIGINT AS n FROM ${source} LIMIT 0`;
  const ids = columns.map((c) => quoteIdent(c.h));
  const pick = (then: (i: number) => string) => `CASE ${ids.map((id, i) => `WHEN grouping(${id}) = 0 THEN ${then(i)}`).join(' ')} END`;
  return `SELECT ${pick((i) => sqlString(columns[i]!.name))} AS column_name, ${pick((i) => ids[i]!)}::VARCHAR AS value, count(*) AS n
    FROM ${source} GROUP BY GROUPING SETS (${ids.map((id) => `(${id})`).join(', ')})`;
}

/** Broken lines the CSV reader set aside (reject_errors), as issues; whether there were any. */
async function addRejects(duck: Duck, sink: IssueSink, file: string, numbered: boolean): Promise<boolean> {
  const [rejects] = await duck.all('SELECT count(*)::BIGINT AS n FROM reject_errors');
  if (Number(rejects?.n ?? 0) === 0) return false;
  await sink.addQuery(file, `SELECT ${numbered ? 'NULL' : 'line'} AS "row", column_name, NULL AS value,
    'baris rusak / malformed line: ' || error_type || ' — ' || split_part(error_message, chr(10), 1) AS message FROM reject_errors`);
  return true;
}

const issueOf = (file: string, message: string): InputIssue => ({ file, row: null, column: null, value: null, message });

/** The first line of an error message, at most 300 characters (for a one-line issue). */
export const oneLine = (s: string) => s.split('\n')[0]!.slice(0, 300);

export const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
