// The browser's query runner: runQuery(sql, params) on the page's DuckDB engine, tables loaded on demand.
import { openEngine } from './engine.ts';
import { createRunner, type QueryResult } from './query.ts';
import { ensureTables } from './tables.ts';
import { currentSnapshot, onSnapshot } from './snapshot.ts';
import type { Params } from './sql.ts';
import { createCoordinator } from './coordinator.ts';
import { createIndicatorSource } from './indicator-source.ts';
import { sqlFile } from './query-files.ts';

export { tablesOf, paramsOf, toPositional, wrap, type Row, type Value, type Params } from './sql.ts';
export type { QueryResult } from './query.ts';
export { SupersededError, type Priority, type RequestOptions } from './coordinator.ts';
export type { IndicatorFilter, IndicatorResult } from './indicator-source.ts';

const runner = createRunner({
  engine: openEngine,
  ensureTables,
  scope: async () => (await currentSnapshot()).base,
  cacheSize: 200,
});

// Results of another snapshot are never served (the cache is keyed by snapshot too); free them.
let lastBase: string | null = null;
onSnapshot((s) => {
  if (lastBase !== null && lastBase !== s.base) runner.clearCache();
  lastBase = s.base;
});

/**
 * Runs a query from queries/app: loads the tables named in its `-- Tables:` header, binds its `$name` parameters
 * (always bound, never pasted into the SQL), and returns plain rows (BigInt -> number, dates -> 'YYYY-MM-DD').
 * Results are cached (LRU, 200) by snapshot, SQL and the parameter values it uses; identical concurrent calls
 * share one execution. Row objects are frozen; the array is the caller's own.
 */
export function runQuery(sql: string, params?: Params): Promise<QueryResult> {
  return runner.runQuery(sql, params);
}

/** Forgets every cached result. */
export const clearQueryCache = (): void => runner.clearCache();

// ---- The one indicator path in the browser ----

const coordinator = createCoordinator<QueryResult>({
  run: (sql, params) => runner.runQuery(sql, params as Params),
  cached: (sql, params) => runner.isCached(sql, params as Params),
});

/** Indicator rows for every consumer of the page (map, profile, report, data page, embeds): see indicator-source.ts. */
export const indicatorSource = createIndicatorSource({
  sqlFile,
  run: (sql, params, opts) => coordinator.request(sql, params, opts),
});
