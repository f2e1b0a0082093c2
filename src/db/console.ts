// The SQL console's browser side: its own DuckDB connection on the page's engine, the guard (src/db/console-guard.ts),
// the tables a query reads loaded on demand, a streamed result capped at ROW_CAP rows, and cancel.
//
// Defence in depth: the engine itself starts with external access off and its configuration locked (src/db/engine.ts),
// so no statement, guarded or not, can read a file or URL, load an extension or change a setting.
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { toValue } from './arrow.ts';
import { guardPlan, guardStatement, RefusedError, wasmProbe, type GuardProbe } from './console-guard.ts';
import { openEngine } from './engine.ts';
import { currentSnapshot } from './snapshot.ts';
import { ensureTables } from './tables.ts';
import type { Value } from './sql.ts';

export { RefusedError, type Refusal, type RefusalKind } from './console-guard.ts';

/** Rows kept from one result; more are not fetched (the result says `capped`). */
export const ROW_CAP = 10_000;

export interface ConsoleColumn { name: string; type: string }
export interface ConsoleResult {
  columns: ConsoleColumn[];
  /** Rows as arrays (column names may repeat), at most ROW_CAP. */
  rows: Value[][];
  /** The query had more than ROW_CAP rows. */
  capped: boolean;
  /** The published tables the query reads. */
  tables: string[];
  /** Milliseconds from the start of the run, table loading included. */
  ms: number;
}

interface Session { conn: AsyncDuckDBConnection; probe: GuardProbe }
let session: Promise<Session> | null = null;
let running: { conn: AsyncDuckDBConnection; cancelled: boolean } | null = null;

async function open(): Promise<Session> {
  const engine = await openEngine();
  const conn = await engine.db.connect();
  const probe = wasmProbe({
    query: (sql) => conn.query(sql),
    prepare: async (sql) => {
      const stmt = await conn.prepare(sql);
      return { query: (...params: unknown[]) => stmt.query(...params), close: () => stmt.close() };
    },
  }, (sql) => engine.db.tokenize(sql));
  return { conn, probe };
}

function consoleSession(): Promise<Session> {
  if (!session) {
    const p = open();
    session = p;
    p.catch(() => { if (session === p) session = null; });
  }
  return session;
}

/** A cancelled query's error. */
export class CancelledError extends Error {
  constructor() { super('cancelled'); this.name = 'CancelledError'; }
}

/**
 * Runs one read-only SELECT typed by a user over the published tables. Rejects with a RefusedError (the guard's
 * message in both languages), a CancelledError, or DuckDB's own error. One query at a time: a new run cancels the
 * one still running.
 */
export async function runConsole(sql: string): Promise<ConsoleResult> {
  const t0 = performance.now();
  if (running) await cancelConsole();
  const { conn, probe } = await consoleSession();
  const me = { conn, cancelled: false };
  running = me;
  try {
    const published = Object.keys((await currentSnapshot()).manifest.tables);
    const first = await guardStatement(sql, published, probe);
    if ('kind' in first) throw new RefusedError(first);
    await ensureTables(first.tables);
    const tables = [...first.tables];
    const refused = await guardPlan(sql, published, probe, async (more) => {
      await ensureTables(more);
      tables.push(...more.filter((m) => !tables.includes(m)));
    });
    if (refused) throw new RefusedError(refused);
    if (me.cancelled) throw new CancelledError();
    // Streamed: batches are read until the cap and the rest is never fetched (the SQL is not rewritten; a sort or an
    // aggregate is still computed whole).
    let reader;
    try {
      reader = await conn.send(sql, true);
    } catch (e) {
      if (me.cancelled) throw new CancelledError();
      throw e;
    }
    const rows: Value[][] = [];
    // The schema is known once the first batch is read (an empty result may have none).
    let columns: ConsoleColumn[] = (reader.schema?.fields ?? []).map((f) => ({ name: f.name, type: String(f.type) }));
    let capped = false;
    try {
      for await (const batch of reader) {
        if (me.cancelled) throw new CancelledError();
        columns = batch.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
        const vectors = batch.schema.fields.map((_f, j) => batch.getChildAt(j));
        // Full: a further non-empty batch means rows were left out.
        if (rows.length >= ROW_CAP) { if (batch.numRows > 0) { capped = true; break; } continue; }
        const take = Math.min(batch.numRows, ROW_CAP - rows.length);
        for (let i = 0; i < take; i++) {
          rows.push(vectors.map((v, j) => (v ? toValue(v.get(i), batch.schema.fields[j]!.type) : null)));
        }
        if (take < batch.numRows) { capped = true; break; }
      }
    } catch (e) {
      if (me.cancelled) throw new CancelledError();
      throw e;
    }
    if (me.cancelled) throw new CancelledError();
    return { columns, rows, capped, tables, ms: Math.round(performance.now() - t0) };
  } finally {
    // Frees a streamed result not read to its end (a no-op when nothing is pending), unless a newer run already
    // owns the connection: cancelling then would cancel that run's query.
    if (running === me) {
      running = null;
      await conn.cancelSent().catch(() => false);
    }
  }
}

/** Cancels the console's running query, if any; the engine stays usable. */
export async function cancelConsole(): Promise<void> {
  const r = running;
  if (!r) return;
  r.cancelled = true;
  await r.conn.cancelSent().catch(() => false);
}
