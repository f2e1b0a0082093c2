// The SQL console's browser side: a DuckDB-WASM engine of its own (its own worker, started when the console opens),
// the guard (console-guard.ts), the tables a query reads loaded into it on demand by the same loader as the
// dashboard's (loader.ts), a streamed result capped by rows and bytes (console-limits.ts), and cancel.
//
// Its own engine, so that nothing typed in the console can stall the dashboard: a single long expression (a
// levenshtein over two 150,000-character strings) runs to its end whatever cancel asks, so Cancel terminates the
// console's worker and starts a fresh one; the dashboard's engine (engine.ts) never sees the console's queries.
//
// Defence in depth: the console's engine starts with external access off and its configuration locked, as the
// dashboard's does (duckdb.ts), so no statement, guarded or not, can read a file or URL, load an extension or change a
// setting.
import { toValue } from './arrow.ts';
import { GUARD_WRAPPER, guardPlan, guardStatement, LOCATE_WRAPPER, RefusedError, wasmProbe, type GuardProbe } from './console-guard.ts';
import { ResultBudget, type CapReason } from './console-limits.ts';
import { decodeParquet } from './decoder.ts';
import { startDuckDB, type DuckDB } from './duckdb.ts';
import { createTableLoader, type TableLoader } from './loader.ts';
import { currentSnapshot } from './snapshot.ts';
import { AS_TYPED, asDuckDbError, DuckDbError, userOffset, wrapSql, type SqlErrorInfo } from './sql-error.ts';
import type { Value } from './sql.ts';

export { RefusedError, type Refusal, type RefusalKind } from './console-guard.ts';
export { ROW_CAP, BYTE_CAP, type CapReason } from './console-limits.ts';

export interface ConsoleColumn { name: string; type: string }
export interface ConsoleResult {
  columns: ConsoleColumn[];
  /** Rows as arrays (column names may repeat), at most ROW_CAP rows and BYTE_CAP bytes. */
  rows: Value[][];
  /** Which cap left rows out (null: the result is complete). */
  capped: CapReason;
  /** The published tables the query reads. */
  tables: string[];
  /** Milliseconds from the start of the run, table loading included. */
  ms: number;
}

/** A cancelled query's error. */
export class CancelledError extends Error {
  constructor() { super('cancelled'); this.name = 'CancelledError'; }
}

/**
 * DuckDB's error for the user's statement: its parts, and the index in the statement it points at (null when DuckDB
 * gives no position, or one outside the statement).
 */
export class ConsoleSqlError extends Error {
  override name = 'ConsoleSqlError';
  constructor(readonly info: SqlErrorInfo, readonly index: number | null, options?: ErrorOptions) {
    super(new DuckDbError(info).message, options);
  }
}

interface Session { engine: DuckDB; loader: TableLoader; probe: GuardProbe }

let session: Promise<Session> | null = null;
let running: { session: Promise<Session>; cancel: () => void } | null = null;

async function open(): Promise<Session> {
  const t0 = performance.now();
  const engine = await startDuckDB({ name: 'pantau-console', errorsAsJson: true });
  performance.measure('pantau:console-engine', { start: t0, end: performance.now(), detail: { bootMs: engine.bootMs } });
  const conn = engine.conn;
  // DuckDB's JSON errors, parsed once: the guard reads their classic text, the console their position.
  const parsed = <T>(p: Promise<T>): Promise<T> => p.catch((e: unknown) => { throw asDuckDbError(e); });
  const probe = wasmProbe({
    query: (sql) => parsed(conn.query(sql)),
    prepare: async (sql) => {
      const stmt = await parsed(conn.prepare(sql));
      return { query: (...params: unknown[]) => parsed(stmt.query(...params)), close: () => stmt.close() };
    },
  }, (sql) => engine.db.tokenize(sql));
  const loader = createTableLoader({ engine: async () => engine, snapshot: currentSnapshot, decode: decodeParquet });
  return { engine, loader, probe };
}

/** The console's engine, started on first call (memoised; a failed start is tried again on the next call). */
function consoleSession(): Promise<Session> {
  if (!session) {
    const p = open();
    session = p;
    p.catch(() => { if (session === p) session = null; });
  }
  return session;
}

/** Starts the console's engine ahead of the first query (when the console opens). */
export function warmConsole(): void {
  consoleSession().catch(() => undefined); // a failed start is reported by the run that needs it
}

/** Where in the user's statement a DuckDB error of the guard's plan is: mapped back through the guard's wrapper. */
async function locate(s: Session, sql: string, err: DuckDbError): Promise<ConsoleSqlError> {
  let index = userOffset(GUARD_WRAPPER, sql, err.info.position, err.info.unit);
  if (index === null) {
    // Inside query() DuckDB reports any error at the query( call: plan the statement itself to find where it is, and
    // trust the position only if that plan fails with the same error.
    try {
      await s.engine.conn.query(wrapSql(LOCATE_WRAPPER, sql));
    } catch (e) {
      const again = asDuckDbError(e);
      if (again.info.message === err.info.message) index = userOffset(LOCATE_WRAPPER, sql, again.info.position, again.info.unit);
    }
  }
  return new ConsoleSqlError(err.info, index, { cause: err });
}

/** An error of the statement run as typed. */
function asTyped(sql: string, e: unknown): unknown {
  if (e instanceof CancelledError || e instanceof RefusedError) return e;
  const err = asDuckDbError(e);
  return new ConsoleSqlError(err.info, userOffset(AS_TYPED, sql, err.info.position, err.info.unit), { cause: e });
}

/**
 * Runs one read-only SELECT typed by a user over the published tables. Rejects with a RefusedError (the guard's
 * refusal: its kind and subject), a CancelledError, a ConsoleSqlError (DuckDB's error and where it is in the statement),
 * or an EngineStartError / TableLoadError. One query at a time: a new run cancels the one still running.
 */
export async function runConsole(sql: string): Promise<ConsoleResult> {
  const t0 = performance.now();
  if (running) cancelConsole();
  const sessionPromise = consoleSession();
  let cancel = () => undefined as void;
  const cancelled = new Promise<never>((_resolve, reject) => { cancel = () => reject(new CancelledError()); });
  cancelled.catch(() => undefined);
  const me = { session: sessionPromise, cancel };
  running = me;
  /** A step of the run, or CancelledError as soon as Cancel is pressed (the engine may never answer then). */
  const step = <T>(p: Promise<T>): Promise<T> => Promise.race([p, cancelled]);
  let s: Session | null = null;
  let finished = false;
  try {
    s = await step(sessionPromise);
    const { probe, loader, engine } = s;
    const published = Object.keys((await step(currentSnapshot())).manifest.tables);
    const first = await step(guardStatement(sql, published, probe));
    if ('kind' in first) throw new RefusedError(first);
    await step(loader.ensureTables(first.tables));
    const tables = [...first.tables];
    let refused;
    try {
      refused = await step(guardPlan(sql, published, probe, async (more) => {
        await loader.ensureTables(more);
        tables.push(...more.filter((m) => !tables.includes(m)));
      }));
    } catch (e) {
      if (e instanceof DuckDbError) throw await step(locate(s, sql, e));
      throw e;
    }
    if (refused) throw new RefusedError(refused);
    // Streamed: batches are read until a cap and the rest is never fetched (the SQL is not rewritten; a sort or an
    // aggregate is still computed whole).
    const rows: Value[][] = [];
    const budget = new ResultBudget();
    let columns: ConsoleColumn[] = [];
    try {
      const reader = await step(engine.conn.send(sql, true));
      // The schema is known once the first batch is read (an empty result may have none).
      columns = (reader.schema?.fields ?? []).map((f) => ({ name: f.name, type: String(f.type) }));
      const batches = reader[Symbol.asyncIterator]();
      for (;;) {
        const { done, value: batch } = await step(batches.next());
        if (done || !batch) break;
        columns = batch.schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
        const vectors = batch.schema.fields.map((_f, j) => batch.getChildAt(j));
        for (let i = 0; i < batch.numRows; i++) {
          const row = vectors.map((v, j) => (v ? toValue(v.get(i), batch.schema.fields[j]!.type) : null));
          if (!budget.take(row)) break;
          rows.push(row);
        }
        if (budget.capped) break;
      }
    } catch (e) {
      throw asTyped(sql, e);
    }
    finished = true;
    return { columns, rows, capped: budget.capped, tables, ms: Math.round(performance.now() - t0) };
  } finally {
    if (running === me) {
      running = null;
      // Frees a streamed result not read to its end (a no-op when nothing is pending).
      if (s && finished) await s.engine.conn.cancelSent().catch(() => false);
    }
  }
}

/**
 * Cancels the console's running query, if any, at once: its engine's worker is terminated (whatever it computes) and
 * a fresh engine starts for the next query.
 */
export function cancelConsole(): void {
  const r = running;
  if (!r) return;
  running = null;
  r.cancel();
  stop(r.session);
  warmConsole();
}

/** Terminates a session's engine and forgets it. */
function stop(s: Promise<Session>): void {
  if (session === s) session = null;
  s.then((x) => x.engine.terminate(), () => undefined);
}

/**
 * Leaving the console: what runs is cancelled and the console's engine stopped, so that its memory (about 150 MB with
 * its tables) goes back to the page; it starts again when the console opens.
 */
export function closeConsole(): void {
  const r = running;
  running = null;
  r?.cancel();
  if (session) stop(session);
}
