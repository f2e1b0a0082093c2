// Starts one DuckDB-WASM instance in a worker of its own, from bundles served by the site itself (Vite `?url` imports
// copy them into dist/assets): never a CDN, never the cross-origin-isolated (threads) bundle. Browser only.
// The page's engine (engine.ts) and the SQL console's (console.ts) are two such instances.
//
// A start that fails is named within seconds instead of waiting for ever: DuckDB's worker runs inside a host worker
// (duckdb-host.worker.ts) that reports a worker script or .wasm that did not load, and a watchdog gives up when the
// .wasm download makes no progress for `stallMs`.
import { AsyncDuckDB, VoidLogger, selectBundle, type AsyncDuckDBConnection, type DuckDBBundles } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { ENGINE_STALL_MS, engineFault, EngineStartError } from './load-errors.ts';
import type { HostFatal, HostStart } from './duckdb-host.worker.ts';
import type { SqlEngine } from './loader.ts';
import type { ArrowLikeTable } from './arrow.ts';
import type { Value } from './sql.ts';

export { EngineStartError, ENGINE_STALL_MS, type EngineFault } from './load-errors.ts';

const BUNDLES: DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/** One running DuckDB: a connection plus the operations src/db needs. */
export interface DuckDB extends SqlEngine {
  readonly db: AsyncDuckDB;
  readonly conn: AsyncDuckDBConnection;
  /** 'eh' (WebAssembly exceptions) or 'mvp'. */
  readonly bundle: 'eh' | 'mvp';
  readonly version: string;
  /** Milliseconds from the start to ready. */
  readonly bootMs: number;
  /** Stops the worker at once (whatever it is computing); the instance is unusable afterwards. */
  terminate(): void;
}

export interface StartOptions {
  /** Bytes of the .wasm downloaded so far (uncompressed) and the response's Content-Length (0 when unknown). */
  onProgress?: (bytesLoaded: number, bytesTotal: number) => void;
  /** Called once the bundle is chosen. */
  onBundle?: (bundle: 'eh' | 'mvp') => void;
  /** Default ENGINE_STALL_MS. */
  stallMs?: number;
  /** DuckDB's errors as JSON, with the error's position (the SQL console reads it); default false. */
  errorsAsJson?: boolean;
  /** The worker's name (shown in the browser's developer tools). */
  name?: string;
}

/** Resolves a possibly relative bundle URL against the page (a Worker needs an absolute or page-relative URL). */
const absolute = (url: string) => new URL(url, globalThis.location?.href).href;

/** Starts a DuckDB-WASM instance; rejects with an EngineStartError naming why it could not. */
export async function startDuckDB(opts: StartOptions = {}): Promise<DuckDB> {
  const t0 = performance.now();
  const stallMs = opts.stallMs ?? ENGINE_STALL_MS;
  const chosen = await selectBundle(BUNDLES);
  const bundle: 'eh' | 'mvp' = chosen.mainModule === BUNDLES.eh?.mainModule ? 'eh' : 'mvp';
  opts.onBundle?.(bundle);

  let fail: (e: EngineStartError) => void = () => undefined;
  const failed = new Promise<never>((_resolve, reject) => { fail = reject; });
  failed.catch(() => undefined);
  const worker = new Worker(new URL('./duckdb-host.worker.ts', import.meta.url), { name: opts.name ?? 'pantau-duckdb' });
  // Registered before AsyncDuckDB's own listeners, so that a worker that did not load is reported here once, not
  // also logged by AsyncDuckDB as an error.
  const onError = (e: ErrorEvent) => {
    e.preventDefault();
    e.stopImmediatePropagation();
    fail(new EngineStartError('worker-missing', e.message || 'the engine\'s worker script could not be loaded'));
  };
  const onMessage = (e: MessageEvent<HostFatal | undefined>) => {
    const fatal = e.data?.type === 'LOG' ? e.data.data?.pantauFatal : undefined;
    if (fatal) fail(new EngineStartError(engineFault(fatal.stage, fatal.message), fatal.message));
  };
  worker.addEventListener('error', onError);
  worker.addEventListener('message', onMessage);
  let last = performance.now();
  const watchdog = setInterval(() => {
    if (performance.now() - last > stallMs) fail(new EngineStartError('stalled', `no progress for ${stallMs / 1000} s`));
  }, 250);
  /** A step of the start, or the first failure reported meanwhile; each step done counts as progress. */
  const step = async <T>(p: Promise<T>): Promise<T> => {
    const v = await Promise.race([p, failed]);
    last = performance.now();
    return v;
  };

  try {
    const start: HostStart = { engine: absolute(chosen.mainWorker!) };
    worker.postMessage(start);
    const db = new AsyncDuckDB(new VoidLogger(), worker);
    await step(db.instantiate(absolute(chosen.mainModule), null, (p) => {
      last = performance.now();
      opts.onProgress?.(p.bytesLoaded, p.bytesTotal);
    }));
    await step(db.open({ path: ':memory:' }));
    const conn = await step(db.connect());
    // Never download anything (extensions) and never read a file or URL through DuckDB: tables come in as Arrow IPC
    // (loader.ts). Then lock the configuration, so no later statement (the SQL console's included) can undo it.
    await step(conn.query('SET autoload_known_extensions=false; SET autoinstall_known_extensions=false;'));
    await step(conn.query('SET enable_external_access=false'));
    if (opts.errorsAsJson) await step(conn.query('SET errors_as_json=true'));
    await step(conn.query('SET lock_configuration=true'));
    const version = await step(db.getVersion());
    const bootMs = Math.round(performance.now() - t0);
    return {
      db, conn, bundle, version, bootMs,
      async query(sql: string, values: Value[]): Promise<ArrowLikeTable> {
        const stmt = await conn.prepare(sql);
        try {
          return await stmt.query(...values);
        } finally {
          await stmt.close();
        }
      },
      async insertIPC(name: string, ipc: Uint8Array): Promise<void> {
        await conn.insertArrowFromIPCStream(ipc, { name, create: true });
      },
      async exec(sql: string): Promise<void> {
        await conn.query(sql);
      },
      terminate: () => worker.terminate(),
    };
  } catch (e) {
    worker.terminate();
    if (e instanceof EngineStartError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw new EngineStartError(engineFault('runtime', message), message, { cause: e });
  } finally {
    clearInterval(watchdog);
    worker.removeEventListener('message', onMessage);
    worker.removeEventListener('error', onError);
  }
}
