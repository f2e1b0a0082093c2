// Boots DuckDB-WASM in a Web Worker from bundles served by the site itself (Vite `?url` imports copy them into
// dist/assets): never a CDN, never the cross-origin-isolated (threads) bundle. Browser only.
import { AsyncDuckDB, VoidLogger, selectBundle, type AsyncDuckDBConnection, type DuckDBBundles } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { SqlEngine } from './loader.ts';
import type { ArrowLikeTable } from './arrow.ts';
import type { Value } from './sql.ts';
import { setEngine } from './progress.ts';

const BUNDLES: DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/** The one DuckDB of the page: a connection plus the operations src/db needs. */
export interface Engine extends SqlEngine {
  readonly db: AsyncDuckDB;
  readonly conn: AsyncDuckDBConnection;
  /** 'eh' (WebAssembly exceptions) or 'mvp'. */
  readonly bundle: 'eh' | 'mvp';
  readonly version: string;
  /** Milliseconds from openEngine() to ready. */
  readonly bootMs: number;
}

/** Resolves a possibly relative bundle URL against the page (a Worker needs an absolute or page-relative URL). */
const absolute = (url: string) => new URL(url, globalThis.location?.href).href;

async function boot(): Promise<Engine> {
  const t0 = performance.now();
  setEngine({ state: 'loading', message: null, bytesLoaded: 0, bytesTotal: 0, ms: null });
  let worker: Worker | null = null;
  try {
    const chosen = await selectBundle(BUNDLES);
    const bundle: 'eh' | 'mvp' = chosen.mainModule === BUNDLES.eh?.mainModule ? 'eh' : 'mvp';
    setEngine({ bundle });
    worker = new Worker(absolute(chosen.mainWorker!));
    const db = new AsyncDuckDB(new VoidLogger(), worker);
    await db.instantiate(absolute(chosen.mainModule), null, (p) => {
      setEngine({ bytesLoaded: p.bytesLoaded, bytesTotal: p.bytesTotal });
    });
    await db.open({ path: ':memory:' });
    const conn = await db.connect();
    // Never download anything (extensions) and never read a file or URL through DuckDB: tables come in as Arrow IPC
    // (tables.ts). Then lock the configuration, so no later statement (the SQL console's included) can undo it.
    await conn.query('SET autoload_known_extensions=false; SET autoinstall_known_extensions=false;');
    await conn.query('SET enable_external_access=false');
    await conn.query('SET lock_configuration=true');
    const version = await db.getVersion();
    const bootMs = Math.round(performance.now() - t0);
    const engine: Engine = {
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
    };
    setEngine({ state: 'ready', ms: bootMs });
    performance.mark('pantau:engine-ready');
    return engine;
  } catch (e) {
    worker?.terminate();
    const message = e instanceof Error ? e.message : String(e);
    setEngine({ state: 'error', message, ms: Math.round(performance.now() - t0) });
    throw new Error(`DuckDB could not start: ${message}`, { cause: e });
  }
}

let engine: Promise<Engine> | null = null;

/** The page's DuckDB engine, started on first call (memoised; a failed start is retried on the next call). */
export function openEngine(): Promise<Engine> {
  if (!engine) {
    const p = boot();
    engine = p;
    p.catch(() => { if (engine === p) engine = null; });
  }
  return engine;
}
