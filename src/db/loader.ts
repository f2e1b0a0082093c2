// Loads published tables into DuckDB: fetch the Parquet file (streamed, with progress) -> decode with hyparquet ->
// Arrow IPC -> insert. Engine-agnostic (the browser's DuckDB-WASM worker, or the Node blocking build in tests).
import { isParquet, parquetToIPC, type ColumnSpec } from './arrow.ts';
import { quoteIdent, type Value } from './sql.ts';
import { fileUrl, type Snapshot } from './snapshot.ts';
import type { ArrowLikeTable } from './arrow.ts';
import type { TableProgress } from './progress.ts';
import { TableLoadError, TABLE_STALL_MS, type TableFault } from './load-errors.ts';

/** What the loader and the runner need from a DuckDB connection. */
export interface SqlEngine {
  /** Runs one statement with positional `?` parameters bound to `values`. */
  query(sql: string, values: Value[]): Promise<ArrowLikeTable>;
  /** Creates table `name` from Arrow IPC stream bytes. */
  insertIPC(name: string, ipc: Uint8Array): Promise<void>;
  /** Runs SQL without parameters or results. */
  exec(sql: string): Promise<void>;
}

export { TableLoadError, TABLE_STALL_MS, type TableFault } from './load-errors.ts';

export interface LoaderDeps {
  engine: () => Promise<SqlEngine>;
  snapshot: () => Promise<Snapshot>;
  fetch?: typeof fetch;
  onProgress?: (name: string, patch: Partial<TableProgress>) => void;
  /** Parquet -> Arrow IPC; default parquetToIPC on this thread (the browser passes a Web Worker's). */
  decode?: (bytes: Uint8Array, columns: ColumnSpec[]) => Promise<{ ipc: Uint8Array; rows: number }>;
  /** Check each file's SHA-256 against the manifest when WebCrypto is available (default true). */
  verifyChecksum?: boolean;
  /** Milliseconds without a byte before a download is given up (default TABLE_STALL_MS). */
  stallMs?: number;
}

export interface TableLoader {
  /** Loads each named table not yet loaded (in parallel; each once, even when asked concurrently). */
  ensureTables(names: string[]): Promise<void>;
  /** The tables loaded and queryable now. */
  loaded(): string[];
}

const measure = (label: string, start: number, end: number) => {
  try { performance.measure(label, { start, end }); } catch { /* no User Timing (old runtime): timings are optional */ }
};

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

async function sha256Hex(bytes: Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null; // not a secure context (e.g. http://192.168.x.x): no WebCrypto
  const digest = await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads a response body, reporting bytes as they arrive. */
async function readBody(res: Response, expected: number, onBytes: (n: number) => void): Promise<Uint8Array> {
  if (!res.body) {
    const all = new Uint8Array(await res.arrayBuffer());
    onBytes(all.length);
    return all;
  }
  const reader = res.body.getReader();
  let buf = new Uint8Array(Math.max(expected, 1 << 16));
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (n + value.length > buf.length) {
      const bigger = new Uint8Array(Math.max(buf.length * 2, n + value.length));
      bigger.set(buf.subarray(0, n));
      buf = bigger;
    }
    buf.set(value, n);
    n += value.length;
    onBytes(n);
  }
  return buf.subarray(0, n);
}

export function createTableLoader(deps: LoaderDeps): TableLoader {
  const fetchFn = deps.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const report = deps.onProgress ?? (() => undefined);
  const decode = deps.decode ?? parquetToIPC;
  const stallMs = deps.stallMs ?? TABLE_STALL_MS;
  // name -> the load of that table from one snapshot base; failed loads are removed so they can be retried.
  const loads = new Map<string, { base: string; promise: Promise<void>; done: boolean }>();

  async function load(name: string, snap: Snapshot, previous: Promise<void> | undefined): Promise<void> {
    const spec = snap.manifest.tables[name];
    const t0 = performance.now();
    if (!spec) {
      const err = new TableLoadError(name, null, null, `not in the manifest of snapshot ${snap.id}`, undefined, undefined, 'unknown-table');
      report(name, { state: 'error', error: err.message });
      throw err;
    }
    const url = fileUrl(snap.base, spec.file);
    const fail = (code: TableFault, reason: string, status?: number, cause?: unknown): never => {
      const err = new TableLoadError(name, spec.file, url, reason, status, cause === undefined ? undefined : { cause }, code);
      report(name, { state: 'error', error: err.message, ms: Math.round(performance.now() - t0) });
      throw err;
    };
    report(name, { state: 'loading', bytesLoaded: 0, bytesTotal: spec.bytes, rows: null, error: null, ms: null });
    if (!TABLE_NAME.test(name)) fail('unknown-table', 'invalid table name');
    // Start the engine (memoised) while the file downloads and decodes; its failure is reported at insert time.
    const enginePromise = deps.engine();
    enginePromise.catch(() => undefined);
    // A download that receives nothing for stallMs (no response, or no further byte) is aborted as stalled.
    const controller = new AbortController();
    let stalled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => { stalled = true; controller.abort(new Error('stalled')); }, stallMs);
    };
    const stallReason = () => `download stalled (no data for ${stallMs / 1000} s)`;
    let bytes: Uint8Array;
    let type: string;
    try {
      arm();
      let res: Response;
      try {
        res = await fetchFn(url, { signal: controller.signal });
      } catch (e) {
        return stalled ? fail('stalled', stallReason(), undefined, e) : fail('network', `could not be fetched (${e instanceof Error ? e.message : String(e)})`, undefined, e);
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        fail(res.status === 404 || res.status === 410 ? 'not-found' : 'http', `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, res.status);
      }
      type = res.headers.get('content-type') ?? '';
      // A static host may answer a missing file with index.html and status 200.
      if (/text\/html/i.test(type)) {
        await res.body?.cancel().catch(() => undefined);
        fail('not-found', `not Parquet (the server answered ${type}; is the file missing?)`, res.status);
      }
      try {
        bytes = await readBody(res, spec.bytes, (n) => { arm(); report(name, { bytesLoaded: n }); });
      } catch (e) {
        return stalled ? fail('stalled', stallReason(), undefined, e) : fail('network', `download failed (${e instanceof Error ? e.message : String(e)})`, undefined, e);
      }
    } finally {
      clearTimeout(timer);
    }
    // The decoder may take the bytes (transferred to a worker): keep what is needed afterwards.
    const size = bytes.length;
    if (!isParquet(bytes)) fail('corrupt', `not Parquet (no PAR1 magic bytes; the server answered ${type || 'without a content type'})`);
    if (bytes.length !== spec.bytes) fail('corrupt', `size ${bytes.length} bytes differs from the manifest's ${spec.bytes}`);
    if (deps.verifyChecksum !== false) {
      const sha = await sha256Hex(bytes);
      if (sha !== null && sha !== spec.sha256) fail('corrupt', 'SHA-256 differs from the manifest (a file from another build?)');
    }
    const tDownloaded = performance.now();
    let ipc: Uint8Array;
    let rows: number;
    try {
      ({ ipc, rows } = await decode(bytes, spec.columns));
    } catch (e) {
      return fail('corrupt', e instanceof Error ? e.message : String(e), undefined, e);
    }
    if (rows !== spec.rows) fail('corrupt', `${rows} rows differ from the manifest's ${spec.rows}`);
    const tDecoded = performance.now();
    let engine: SqlEngine;
    try {
      engine = await enginePromise;
    } catch (e) {
      // The engine's own failure, as it is (the page names it once), not as this table's.
      report(name, { state: 'error', error: e instanceof Error ? e.message : String(e), ms: Math.round(performance.now() - t0) });
      throw e;
    }
    try {
      // A load from another snapshot may still be inserting this table: let it finish, then replace it.
      await previous?.catch(() => undefined);
      await engine.exec(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
      await engine.insertIPC(name, ipc);
    } catch (e) {
      return fail('insert', `could not be inserted into DuckDB (${e instanceof Error ? e.message : String(e)})`, undefined, e);
    }
    const tInserted = performance.now();
    // Visible in the browser's performance panel, and to tests: download, decode, insert into DuckDB.
    measure(`pantau-db ${name} download`, t0, tDownloaded);
    measure(`pantau-db ${name} decode`, tDownloaded, tDecoded);
    measure(`pantau-db ${name} insert`, tDecoded, tInserted);
    report(name, { state: 'ready', rows, bytesLoaded: size, ms: Math.round(tInserted - t0) });
  }

  function ensureTable(name: string, snap: Snapshot): Promise<void> {
    const existing = loads.get(name);
    if (existing?.base === snap.base) return existing.promise;
    const entry = { base: snap.base, promise: Promise.resolve(), done: false };
    entry.promise = load(name, snap, existing?.promise).then(
      () => { entry.done = true; },
      (e: unknown) => { if (loads.get(name) === entry) loads.delete(name); throw e; },
    );
    loads.set(name, entry);
    return entry.promise;
  }

  return {
    async ensureTables(names: string[]): Promise<void> {
      const wanted = [...new Set(names)];
      if (wanted.length === 0) return;
      const snap = await deps.snapshot();
      const results = await Promise.allSettled(wanted.map((n) => ensureTable(n, snap)));
      const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      if (errors.length === 1) throw errors[0];
      if (errors.length > 1) {
        const messages = errors.map((e) => (e instanceof Error ? e.message : String(e)));
        throw new AggregateError(errors, messages.join('; '));
      }
    },
    loaded: () => [...loads].filter(([, v]) => v.done).map(([k]) => k),
  };
}
