// The browser data layer: DuckDB-WASM, the snapshot's tables and the app's queries. The only place that imports
// @duckdb/duckdb-wasm or apache-arrow.
export { openEngine, type Engine } from './engine.ts';
export { startDuckDB, type DuckDB, type StartOptions } from './duckdb.ts';
export { EngineStartError, TableLoadError, ENGINE_STALL_MS, TABLE_STALL_MS, type EngineFault, type TableFault } from './load-errors.ts';
export { ensureTables, loadedTables } from './tables.ts';
export { runQuery, clearQueryCache, indicatorSource, SupersededError, type QueryResult, type IndicatorFilter, type IndicatorResult, type Priority } from './runner.ts';
export { tablesOf, paramsOf, toPositional, wrap, type Row, type Value, type Params } from './sql.ts';
export { openSnapshot, currentSnapshot, onSnapshot, SnapshotLoadError, type Snapshot, type Manifest, type ManifestTable, type ManifestColumn, type Landing, type SnapshotIndex } from './snapshot.ts';
export { subscribe, getSnapshot, type DbProgress, type EngineProgress, type TableProgress, type LoadState } from './progress.ts';
export { runConsole, cancelConsole, closeConsole, warmConsole, CancelledError, ConsoleSqlError, RefusedError, ROW_CAP, BYTE_CAP, type CapReason, type ConsoleResult, type ConsoleColumn, type Refusal, type RefusalKind } from './console.ts';
export { ALLOWED_TABLE_FUNCTIONS } from './console-guard.ts';
