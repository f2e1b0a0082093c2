// The duckdb-wasm Node blocking build (the browser engine's SQL dialect, in-process, ~1 s to start) behind the
// same SqlEngine interface as the browser's worker engine, plus a fetch over a local folder.
import { createRequire } from 'node:module';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createDuckDB, NODE_RUNTIME, VoidLogger, type DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';
import type { SqlEngine } from '../../src/db/loader.ts';
import type { ArrowLikeTable } from '../../src/db/arrow.ts';
import type { Value } from '../../src/db/sql.ts';

const require = createRequire(import.meta.url);
const dist = (f: string) => require.resolve(`@duckdb/duckdb-wasm/dist/${f}`);

/** The engine as src/db uses it, and the blocking connection itself (for what the interface does not cover). */
export interface NodeWasm { engine: SqlEngine; conn: DuckDBConnection; close(): void }

export async function openNodeWasm(): Promise<NodeWasm> {
  const db = await createDuckDB({
    mvp: { mainModule: dist('duckdb-mvp.wasm'), mainWorker: dist('duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: dist('duckdb-eh.wasm'), mainWorker: dist('duckdb-node-eh.worker.cjs') },
  }, new VoidLogger(), NODE_RUNTIME);
  await db.instantiate();
  db.open({ path: ':memory:' });
  const conn = db.connect();
  // In Node an extension autoload would hang on DNS: never download anything.
  conn.query('SET autoload_known_extensions=false; SET autoinstall_known_extensions=false;');
  const engine: SqlEngine = {
    async query(sql: string, values: Value[]): Promise<ArrowLikeTable> {
      const stmt = conn.prepare(sql);
      try {
        return stmt.query(...values) as unknown as ArrowLikeTable;
      } finally {
        stmt.close();
      }
    },
    async insertIPC(name: string, ipc: Uint8Array): Promise<void> {
      conn.insertArrowFromIPCStream(ipc, { name, create: true });
    },
    async exec(sql: string): Promise<void> {
      conn.query(sql);
    },
  };
  return { engine, conn, close: () => { conn.close(); db.reset(); } };
}

const TYPES: Record<string, string> = {
  '.json': 'application/json', '.parquet': 'application/vnd.apache.parquet', '.html': 'text/html; charset=utf-8',
};

/**
 * A fetch over a folder, answering like `vite preview` does: a missing file is index.html with status 200
 * (text/html) unless `missing404` is set. URLs are paths relative to the folder ("./data/x.json" or "data/x.json").
 */
export function folderFetch(root: string, opts: { missing404?: boolean; requests?: string[] } = {}): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    opts.requests?.push(url);
    const rel = decodeURIComponent(url.replace(/^\.?\//, ''));
    const path = join(root, rel);
    if (!existsSync(path)) {
      if (opts.missing404) return new Response('not found', { status: 404, statusText: 'Not Found', headers: { 'content-type': 'text/plain' } });
      return new Response('<!doctype html><title>app</title>', { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
    }
    const ext = path.slice(path.lastIndexOf('.'));
    // Stream in small chunks so progress has several steps.
    const bytes = new Uint8Array(readFileSync(path));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 4096) controller.enqueue(bytes.slice(i, i + 4096));
        controller.close();
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'content-length': String(bytes.length) } });
  }) as typeof fetch;
}
