// The worker DuckDB-WASM runs in: a classic worker that loads DuckDB's own worker script (importScripts, URL in the
// first message) and reports what that script cannot. DuckDB's worker leaves a failed start as an unhandled
// rejection inside the worker (a missing, mis-typed or truncated .wasm), which the page never hears about: its
// AsyncDuckDB then waits for ever. Here such a failure becomes a message the page reads (src/db/duckdb.ts).
//
// The report travels as DuckDB's own LOG message type, which AsyncDuckDB hands to its logger (a VoidLogger here),
// so it adds no "unassociated response" warning.

/** The first message: which DuckDB worker script to load. */
export interface HostStart { engine: string }
/** A failure reported to the page. stage 'script': DuckDB's worker script did not load; 'runtime': it failed later. */
export interface HostFatal { type: 'LOG'; data: { pantauFatal: { stage: 'script' | 'runtime'; message: string } } }

const scope = self as unknown as {
  location: Location;
  onmessage: ((e: MessageEvent<HostStart>) => void) | null;
  postMessage(message: HostFatal): void;
  addEventListener(type: 'error', listener: (e: ErrorEvent) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (e: PromiseRejectionEvent) => void): void;
  importScripts(...urls: string[]): void;
};

const text = (reason: unknown) => (reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason));
const report = (stage: 'script' | 'runtime', message: string) => scope.postMessage({ type: 'LOG', data: { pantauFatal: { stage, message } } });

scope.addEventListener('unhandledrejection', (e) => {
  e.preventDefault();
  report('runtime', text(e.reason));
});
scope.addEventListener('error', (e) => {
  e.preventDefault();
  report('runtime', e.message || text(e.error));
});

scope.onmessage = (e) => {
  scope.onmessage = null;
  const url = new URL(String(e.data?.engine ?? ''), scope.location.href);
  if (url.origin !== scope.location.origin) {
    report('script', `refused to load a DuckDB worker from another origin (${url.origin})`);
    return;
  }
  try {
    // DuckDB's worker script installs its own onmessage handler: every later message goes to it.
    scope.importScripts(url.href);
  } catch (err) {
    report('script', text(err));
  }
};
