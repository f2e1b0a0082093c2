import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import type { PublishedTable } from '../domain/tables.ts';
import { sqlString, type Duck, type Row } from './duck.ts';

export interface WrittenTable {
  name: string;
  file: string;
  rows: number;
  bytes: number;
  sha256: string;
}

/** Creates table pub_<name> with exactly the contract's columns and types. */
export async function createPublishedTable(duck: Duck, spec: PublishedTable): Promise<string> {
  const table = `pub_${spec.name}`;
  await duck.run(`CREATE OR REPLACE TABLE ${table} (${spec.columns.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
  return table;
}

/** Fills pub_<name> from SQL whose columns are the contract's (cast to the contract's types). */
export async function fillFromQuery(duck: Duck, spec: PublishedTable, sql: string, params?: Record<string, string | number>): Promise<void> {
  const table = await createPublishedTable(duck, spec);
  const cols = spec.columns.map((c) => `"${c.name}"::${c.type}`).join(', ');
  await duck.run(`INSERT INTO ${table} SELECT ${cols} FROM (${sql})`, params);
}

/** Fills pub_<name> from JS rows keyed by the contract's column names. */
export async function fillFromRows(duck: Duck, spec: PublishedTable, rows: Row[]): Promise<void> {
  const table = await createPublishedTable(duck, spec);
  const appender = await duck.conn.createAppender(table);
  for (const row of rows) {
    for (const c of spec.columns) {
      const v = row[c.name];
      if (v === null || v === undefined) appender.appendNull();
      else if (c.type === 'VARCHAR') appender.appendVarchar(String(v));
      else if (c.type === 'INTEGER') appender.appendInteger(Number(v));
      else if (c.type === 'DOUBLE') appender.appendDouble(Number(v));
      else if (c.type === 'BOOLEAN') appender.appendBoolean(Boolean(v));
      else throw new Error(`fillFromRows: column type ${c.type} of ${spec.name}.${c.name} is not supported`);
    }
    appender.endRow();
  }
  appender.closeSync();
}

/** Writes pub_<name> to <dir>/<name>.parquet (ZSTD, sorted by the contract's order) and describes the file. */
export async function writeParquet(duck: Duck, spec: PublishedTable, dir: string): Promise<WrittenTable> {
  const file = `${spec.name}.parquet`;
  const path = join(dir, file);
  const order = spec.orderBy.map((c) => `"${c}"`).join(', ');
  await duck.run(`COPY (SELECT * FROM pub_${spec.name} ORDER BY ${order}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
  const [count] = await duck.all(`SELECT count(*)::INTEGER AS n FROM pub_${spec.name}`);
  return { name: spec.name, file, rows: Number(count?.n ?? 0), bytes: statSync(path).size, sha256: await sha256File(path) };
}

/** The SHA-256 of a file, hex. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Reads a written Parquet file back (for the audit and the landing slice). */
export async function readParquet(duck: Duck, path: string): Promise<Row[]> {
  return duck.all(`SELECT * FROM read_parquet(${sqlString(path)})`);
}

/** The column names and DuckDB types of a Parquet file as DuckDB reads them. */
export async function parquetSchema(duck: Duck, path: string): Promise<Array<{ name: string; type: string }>> {
  const rows = await duck.all(`DESCRIBE SELECT * FROM read_parquet(${sqlString(path)})`);
  return rows.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
}
