// The query runner, engine-agnostic: load the tables a query names, bind its $name parameters positionally,
// convert Arrow to plain rows once, cache results. src/db/runner.ts wires it to the browser engine; the parity
// test wires it to the duckdb-wasm Node build.
import { tableToRows } from './arrow.ts';
import { tablesOf, toPositional, type Params, type Row } from './sql.ts';
import type { SqlEngine } from './loader.ts';

export interface QueryResult {
  /** Plain rows; the row objects are frozen (shared by every caller of the same cached query). */
  rows: Row[];
  /** Milliseconds the engine took (prepare + execute + Arrow transfer), excluding table loading. */
  ms: number;
}

export interface RunnerDeps {
  engine: () => Promise<SqlEngine>;
  ensureTables: (names: string[]) => Promise<void>;
  /** A key for the data the queries see (the snapshot base): results are cached per scope. */
  scope?: () => Promise<string> | string;
  /** Results kept (least recently used dropped first); default 200. */
  cacheSize?: number;
}

export interface Runner {
  runQuery(sql: string, params?: Params): Promise<QueryResult>;
  /** Whether runQuery would answer from its cache (settled or pending) for this scope, SQL and parameters. */
  isCached(sql: string, params?: Params): Promise<boolean>;
  clearCache(): void;
  /** Number of cached results (settled or pending). */
  cached(): number;
}

export function createRunner(deps: RunnerDeps): Runner {
  const max = deps.cacheSize ?? 200;
  const cache = new Map<string, Promise<QueryResult>>();

  async function execute(sql: string, positional: string, values: Params[string][]): Promise<QueryResult> {
    await deps.ensureTables(tablesOf(sql));
    const engine = await deps.engine();
    const t0 = performance.now();
    const table = await engine.query(positional, values);
    const ms = performance.now() - t0;
    // The raw engine time of every query that really ran (not cached), for bench:app and the browser's profiler.
    performance.measure('pantau:query', { start: t0, end: t0 + ms, detail: { sql: sql.slice(0, 300) } });
    const rows = tableToRows(table);
    for (const r of rows) Object.freeze(r);
    return { rows, ms: Math.round(ms * 10) / 10 };
  }

  // The values in order of use decide the result; parameters the SQL does not use do not split the cache.
  const keyOf = async (sql: string, params: Params) => {
    const { sql: positional, values } = toPositional(sql, params);
    const scope = deps.scope ? await deps.scope() : '';
    return { key: JSON.stringify([scope, sql, values]), positional, values };
  };

  return {
    async isCached(sql: string, params: Params = {}): Promise<boolean> {
      return cache.has((await keyOf(sql, params)).key);
    },
    async runQuery(sql: string, params: Params = {}): Promise<QueryResult> {
      const { key, positional, values } = await keyOf(sql, params);
      let promise = cache.get(key);
      if (promise) {
        cache.delete(key); // most recently used goes last
        cache.set(key, promise);
      } else {
        promise = execute(sql, positional, values);
        cache.set(key, promise);
        const mine = promise;
        // A failed query is not cached: the next call tries again (e.g. once a missing table is fixed).
        mine.catch(() => { if (cache.get(key) === mine) cache.delete(key); });
        while (cache.size > max) cache.delete(cache.keys().next().value!);
      }
      const result = await promise;
      // A fresh array per caller (sorting it is safe); the rows themselves are shared and frozen.
      return { rows: result.rows.slice(), ms: result.ms };
    },
    clearCache: () => cache.clear(),
    cached: () => cache.size,
  };
}
