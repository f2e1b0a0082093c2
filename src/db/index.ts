// The browser data layer: DuckDB-WASM, the snapshot's tables and the app's queries. The only place that imports
// @duckdb/duckdb-wasm or apache-arrow.
export { openEngine, type Engine } from './engine.ts';
export { ensureTables, loadedTables, TableLoadError } from './tables.ts';
export { runQuery, clearQueryCache, type QueryResult } from './runner.ts';
export { tablesOf, paramsOf, toPositional, wrap, type Row, type Value, type Params } from './sql.ts';
export { openSnapshot, currentSnapshot, onSnapshot, type Snapshot, type Manifest, type ManifestTable, type ManifestColumn, type Landing, type SnapshotIndex } from './snapshot.ts';
export { subscribe, getSnapshot, type DbProgress, type EngineProgress, type TableProgress, type LoadState } from './progress.ts';
export { runConsole, cancelConsole, CancelledError, RefusedError, ROW_CAP, type ConsoleResult, type ConsoleColumn, type Refusal, type RefusalKind } from './console.ts';
export { ALLOWED_TABLE_FUNCTIONS } from './console-guard.ts';
