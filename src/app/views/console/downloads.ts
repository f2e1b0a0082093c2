// The console's result as a download: object rows with unique column names, DuckDB types from the Arrow types the
// engine streamed, and a query.sql that defines the published tables as views over the snapshot's Parquet files.
import type { ConsoleResult } from '../../../db/console.ts';
import { BYTE_CAP, type CapReason } from '../../../db/console-limits.ts';
import { quoteString } from '../../../db/sql.ts';
import type { DownloadColumn, Label, Row } from '../../download/types.ts';

/** The DuckDB type the download writers understand, from an Arrow type's name (`Int32`, `Float64`, `Utf8`, ...). */
export function duckType(arrow: string): string {
  if (/^U?Int(8|16|32)$/i.test(arrow) && !/^Uint32$/i.test(arrow)) return 'INTEGER';
  if (/^(Int64|Uint32|Uint64)$/i.test(arrow)) return 'BIGINT';
  if (/^(Float|Decimal)/i.test(arrow)) return 'DOUBLE';
  if (/^Bool/i.test(arrow)) return 'BOOLEAN';
  if (/^Date/i.test(arrow)) return 'DATE';
  return 'VARCHAR';
}

/** Column names made unique (`SELECT 1 AS a, 2 AS a` gives a, a_2), as a file's columns must be. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((n) => {
    const base = n === '' ? 'column' : n;
    let name = base;
    for (let i = 2; seen.has(name); i++) name = `${base}_${i}`;
    seen.add(name);
    return name;
  });
}

/** The SQL that reproduces the result with DuckDB in the snapshot folder: a view per table used, then the query. */
export function reproducingSql(sql: string, tables: readonly string[], snapshotId: string): string {
  const views = [...tables].sort().map((t) => `CREATE OR REPLACE VIEW ${t} AS SELECT * FROM read_parquet(${quoteString(`${t}.parquet`)});`);
  return [
    `-- Run with DuckDB in the folder of snapshot ${snapshotId} (its Parquet files).`,
    ...views,
    sql.trim().replace(/;?\s*$/, ';'),
  ].join('\n');
}

export interface ConsoleDownload {
  columns: DownloadColumn[];
  rows: Row[];
}

/** The result's columns and rows in the shape the download writers take. */
export function toDownload(result: Pick<ConsoleResult, 'columns' | 'rows'>): ConsoleDownload {
  const names = uniqueNames(result.columns.map((c) => c.name));
  const columns = result.columns.map((c, j) => ({ name: names[j]!, type: duckType(c.type) }));
  const rows = result.rows.map((r) => {
    const o: Row = {};
    names.forEach((n, j) => { o[n] = r[j] ?? null; });
    return o;
  });
  return { columns, rows };
}

/**
 * What the download's README, datapackage and metadata say in place of filters: the rows are a console query's (see
 * query.sql), and, when a cap cut the result (rows or bytes), that only the first `kept` rows are in the file.
 */
export function consoleFilterText(capped: CapReason, kept: number): Label {
  const n = { id: kept.toLocaleString('id-ID'), en: kept.toLocaleString('en-GB') };
  const mb = Math.round(BYTE_CAP / 1024 / 1024);
  const why = capped === 'bytes'
    ? { id: `batas ${mb} MB konsol`, en: `the console's ${mb} MB cap` }
    : { id: 'batas baris konsol', en: "the console's row cap" };
  return {
    id: `hasil kueri konsol SQL (lihat query.sql)${capped ? `; TERPOTONG: hanya ${n.id} baris pertama (${why.id}), query.sql memberi hasil lengkap` : ''}`,
    en: `an SQL console query result (see query.sql)${capped ? `; TRUNCATED: only the first ${n.en} rows (${why.en}), query.sql gives the full result` : ''}`,
  };
}
