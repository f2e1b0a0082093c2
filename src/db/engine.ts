// The page's DuckDB engine (the dashboard's views query it): started once, its progress and failure in the progress
// store (the status bar shows them). The SQL console runs on an engine of its own (console.ts).
import { startDuckDB, type DuckDB } from './duckdb.ts';
import { setEngine } from './progress.ts';
import { EngineStartError } from './load-errors.ts';

export { EngineStartError, type EngineFault } from './load-errors.ts';

/** The one DuckDB of the dashboard. */
export type Engine = DuckDB;

async function boot(): Promise<Engine> {
  const t0 = performance.now();
  setEngine({ state: 'loading', message: null, fault: null, bytesLoaded: 0, bytesTotal: 0, ms: null });
  try {
    const engine = await startDuckDB({
      name: 'pantau-duckdb',
      onBundle: (bundle) => setEngine({ bundle }),
      onProgress: (bytesLoaded, bytesTotal) => setEngine({ bytesLoaded, bytesTotal }),
    });
    setEngine({ state: 'ready', ms: engine.bootMs });
    performance.mark('pantau:engine-ready');
    return engine;
  } catch (e) {
    const err = e instanceof EngineStartError ? e : new EngineStartError('unknown', e instanceof Error ? e.message : String(e), { cause: e });
    setEngine({ state: 'error', message: err.detail, fault: err.fault, ms: Math.round(performance.now() - t0) });
    throw err;
  }
}

let engine: Promise<Engine> | null = null;

/** The page's DuckDB engine, started on first call (memoised; a failed start is tried again on the next call). */
export function openEngine(): Promise<Engine> {
  if (!engine) {
    const p = boot();
    engine = p;
    p.catch(() => { if (engine === p) engine = null; });
  }
  return engine;
}
