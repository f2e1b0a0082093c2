import { describe, expect, it } from 'vitest';
import { engineFault, EngineStartError, TableLoadError } from '../../src/db/load-errors.ts';

// What the browser says when DuckDB-WASM cannot start, classified: the messages are Chromium's (seen in
// test/e2e/faults.e2e.test.ts) and Firefox's words for the same failures.

describe('engineFault', () => {
  it.each([
    ['runtime', "TypeError: Failed to execute 'compile' on 'WebAssembly': HTTP status code is not ok", 'wasm-missing'],
    ['runtime', 'TypeError: WebAssembly: Response has status 404', 'wasm-missing'],
    ['runtime', "TypeError: Failed to execute 'compile' on 'WebAssembly': Incorrect response MIME type. Expected 'application/wasm'.", 'wasm-type'],
    ['runtime', 'TypeError: Response has unsupported MIME type', 'wasm-type'],
    ['runtime', 'CompileError: WebAssembly.instantiateStreaming(): section (code 7, "Export") extends past end of the module (length 7422858, remaining bytes 800017) @+199978', 'wasm-invalid'],
    ['runtime', 'CompileError: WebAssembly.Module(): expected magic word 00 61 73 6d, found 3c 21 64 6f @+0', 'wasm-invalid'],
    ['script', "NetworkError: Failed to execute 'importScripts' on 'WorkerGlobalScope': The script at 'http://x/assets/duckdb-browser-eh.worker.js' failed to load.", 'worker-missing'],
    ['runtime', 'RuntimeError: memory access out of bounds', 'unknown'],
  ] as const)('%s: %s -> %s', (stage, message, fault) => {
    expect(engineFault(stage, message)).toBe(fault);
  });

  it('errors carry the fault, the browser\'s words and (tables) a code', () => {
    const e = new EngineStartError('stalled', 'no progress for 20 s');
    expect(e).toMatchObject({ name: 'EngineStartError', fault: 'stalled', detail: 'no progress for 20 s', message: 'DuckDB could not start (stalled): no progress for 20 s' });
    const t = new TableLoadError('kla', 'kla.parquet', './data/demo/kla.parquet', 'HTTP 404 Not Found', 404, undefined, 'not-found');
    expect(t).toMatchObject({ table: 'kla', code: 'not-found', status: 404, message: 'table kla (./data/demo/kla.parquet): HTTP 404 Not Found' });
  });
});
