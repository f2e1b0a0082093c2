import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { readQuery } from './sql-files.ts';

/** A plain JS row: numbers, strings, booleans, null (BigInt and dates converted once, here). */
export type Row = Record<string, string | number | boolean | null>;
export type Params = Record<string, DuckDBValue> | DuckDBValue[];

/** DuckDB's memory budget in a build (see Duck.open); the process peaks a few hundred MB above it. */
export const BUILD_MEMORY_LIMIT = process.env.PANTAU_MEMORY_LIMIT ?? '1GB';

/** A thin wrapper over one DuckDB connection, used by every pipeline stage. */
export class Duck {
  private constructor(readonly conn: DuckDBConnection, private readonly instance: DuckDBInstance) {}

  /**
   * An in-memory database, or with `file` a database file (a build's, in its temporary folder: tables are stored
   * compressed, and what does not fit in memory is read back from that file instead of being held). With `spillDir`,
   * DuckDB works within `memoryLimit` (default BUILD_MEMORY_LIMIT) and writes the intermediate results that do not
   * fit (hash tables, sorts) to that folder: a build's raw rows then cost disk, not memory, whatever their number.
   */
  static async open(opts: { spillDir?: string; memoryLimit?: string; file?: string } = {}): Promise<Duck> {
    const config: Record<string, string> = { threads: '2' };
    if (opts.spillDir) {
      config.temp_directory = opts.spillDir;
      config.memory_limit = opts.memoryLimit ?? BUILD_MEMORY_LIMIT;
    }
    const instance = await DuckDBInstance.create(opts.file ?? ':memory:', config);
    const conn = await instance.connect();
    // Never try to download anything (extensions), and fail fast instead.
    await conn.run('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;');
    return new Duck(conn, instance);
  }

  async run(sql: string, params?: Params): Promise<void> {
    await this.conn.run(sql, params);
  }

  async all(sql: string, params?: Params): Promise<Row[]> {
    const reader = await this.conn.runAndReadAll(sql, params);
    return reader.getRowObjectsJS().map(toPlainRow);
  }

  /** Runs queries/<name>.sql. */
  async query(name: string, params?: Params): Promise<Row[]> {
    return this.all(readQuery(name), params);
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

function toPlainRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = toPlain(v);
  return out;
}

function toPlain(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** Quotes a string as an SQL literal (for file paths in COPY/read_csv, which cannot be bound parameters). */
export const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;
