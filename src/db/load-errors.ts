// The errors of loading: DuckDB-WASM that did not start (and why, from what the browser said), and a table that did
// not load. Pure and light (no engine, Arrow or Parquet import): the shell classifies them (src/app/faults.ts) without
// loading the engine's code; unit-tested.

/**
 * worker-missing: DuckDB's worker script (or the host worker) did not load; wasm-missing: the .wasm answered with an
 * error status; wasm-type: the .wasm was not served as application/wasm; wasm-invalid: the .wasm is truncated or not
 * WebAssembly; stalled: no progress for a while; unknown: anything else.
 */
export type EngineFault = 'worker-missing' | 'wasm-missing' | 'wasm-type' | 'wasm-invalid' | 'stalled' | 'unknown';

/** How long a start may go without progress (bytes of the .wasm, or a step done) before it is called stalled. */
export const ENGINE_STALL_MS = 20_000;

/** The engine could not start: `fault` says why, `detail` is the browser's or DuckDB's own words. */
export class EngineStartError extends Error {
  override name = 'EngineStartError';
  constructor(readonly fault: EngineFault, readonly detail: string, options?: ErrorOptions) {
    super(`DuckDB could not start (${fault}): ${detail}`, options);
  }
}

/** The fault a failure message names. `stage` 'script': loading DuckDB's worker script failed. */
export function engineFault(stage: 'script' | 'runtime', message: string): EngineFault {
  if (stage === 'script') return 'worker-missing';
  // Chromium: "Failed to execute 'compile' on 'WebAssembly': HTTP status code is not ok"; Firefox: "... status 404".
  if (/HTTP status code is not ok|Response has status|\bstatus (code )?[45]\d\d\b/i.test(message)) return 'wasm-missing';
  // "Incorrect response MIME type. Expected 'application/wasm'." (Chromium), "Response has unsupported MIME type" (Firefox).
  if (/MIME type/i.test(message)) return 'wasm-type';
  // A truncated or foreign file: "section ... extends past end of the module", "expected magic word", CompileError.
  if (/CompileError|extends past end|magic word|wasm validation|failed to (asynchronously )?prepare wasm|not a valid wasm|LinkError|Aborted\(/i.test(message)) return 'wasm-invalid';
  if (/importScripts|failed to load/i.test(message)) return 'worker-missing';
  return 'unknown';
}

/**
 * Why a table did not load. unknown-table: not in the manifest; not-found: 404/410, or an HTML page instead of the
 * file; http: another error status; network: the connection failed or dropped; stalled: no byte arrived for a while;
 * corrupt: not Parquet, or its size, checksum or rows differ from the manifest, or it does not decode; insert: DuckDB
 * refused it.
 */
export type TableFault = 'unknown-table' | 'not-found' | 'http' | 'network' | 'stalled' | 'corrupt' | 'insert';

/** How long a table download may go without receiving a byte (or its response) before it is given up as stalled. */
export const TABLE_STALL_MS = 10_000;

/** A table could not be loaded: names the table and the file, and why. */
export class TableLoadError extends Error {
  override name = 'TableLoadError';
  constructor(
    readonly table: string, readonly file: string | null, readonly url: string | null, readonly reason: string,
    readonly status?: number, options?: ErrorOptions, readonly code: TableFault = 'corrupt',
  ) {
    super(`table ${table}${file ? ` (${url ?? file})` : ''}: ${reason}`, options);
  }
}
