import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Duck, sqlString } from '../../src/pipeline/duck.ts';
import { createTableLoader, TableLoadError, type SqlEngine } from '../../src/db/loader.ts';
import { createRunner } from '../../src/db/query.ts';
import { loadSnapshot, SnapshotLoadError, type Snapshot } from '../../src/db/snapshot.ts';
import { EngineStartError } from '../../src/db/load-errors.ts';
import { getSnapshot, resetProgress, setTable, subscribe, createStore } from '../../src/db/progress.ts';
import { tempDir } from '../helpers.ts';
import { folderFetch, openNodeWasm, type NodeWasm } from './wasm-node.ts';

// The table loader and the runner on the duckdb-wasm Node build, over a small snapshot folder served by a fetch
// that answers like `vite preview` (a missing file is index.html with status 200).

const scratch = tempDir('pantau-db-loader-');
const root = join(scratch.dir, 'site');
let wasm: NodeWasm;

async function writeSnapshot(duck: Duck, id: string, scale: number): Promise<void> {
  const dir = join(root, 'data', id);
  mkdirSync(dir, { recursive: true });
  const tables: Record<string, unknown> = {};
  const write = async (name: string, select: string, columns: Array<{ name: string; type: string }>) => {
    const path = join(dir, `${name}.parquet`);
    // A large enough file that the body streams in several chunks.
    await duck.run(`COPY (${select}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`);
    const bytes = readFileSync(path);
    const [{ n }] = (await duck.all(`SELECT count(*) AS n FROM read_parquet(${sqlString(path)})`)) as [{ n: number }];
    tables[name] = {
      file: `${name}.parquet`, rows: n, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'),
      description: { id: name, en: name }, finest_level: null, withheld: null,
      columns: columns.map((c) => ({ ...c, unit: null, description: { id: c.name, en: c.name } })),
    };
  };
  await write('facts', `SELECT (i % 5)::INTEGER AS year, 'r' || (i % 40) AS region, (i * ${scale})::INTEGER AS value, md5(i::VARCHAR) AS pad FROM range(20000) t(i)`,
    [{ name: 'year', type: 'INTEGER' }, { name: 'region', type: 'VARCHAR' }, { name: 'value', type: 'INTEGER' }, { name: 'pad', type: 'VARCHAR' }]);
  await write('names', "SELECT 'r' || i AS region, 'Region ' || i AS name FROM range(40) t(i)",
    [{ name: 'region', type: 'VARCHAR' }, { name: 'name', type: 'VARCHAR' }]);
  // In the manifest, but the file is missing.
  tables.gone = { ...(tables.names as object), file: 'gone.parquet' };
  // In the manifest, but the file is not Parquet (served as application/octet-stream).
  writeFileSync(join(dir, 'junk.bin'), 'this is not a parquet file at all');
  tables.junk = { ...(tables.names as object), file: 'junk.bin', bytes: 33 };
  // A Parquet file that differs from the manifest's checksum.
  tables.stale = { ...(tables.names as object), sha256: '0'.repeat(64) };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ snapshot_id: id, landing: 'landing.json', tables }));
  writeFileSync(join(dir, 'landing.json'), JSON.stringify({ year: 4 }));
}

beforeAll(async () => {
  const duck = await Duck.open();
  try {
    await writeSnapshot(duck, 'one', 1);
    await writeSnapshot(duck, 'two', 2);
  } finally {
    duck.close();
  }
  writeFileSync(join(root, 'data', 'index.json'), JSON.stringify({ current: 'one', snapshots: [{ id: 'one' }, { id: 'two' }] }));
  wasm = await openNodeWasm();
});
afterAll(() => { wasm?.close(); scratch.cleanup(); });

/** Counts the engine's calls. */
function counting(engine: SqlEngine) {
  const calls = { query: 0, insert: 0 };
  const counted: SqlEngine = {
    query: (sql, values) => { calls.query++; return engine.query(sql, values); },
    insertIPC: (name, ipc) => { calls.insert++; return engine.insertIPC(name, ipc); },
    exec: (sql) => engine.exec(sql),
  };
  return { engine: counted, calls };
}

function setup(opts: { missing404?: boolean; snapshot?: () => Promise<Snapshot> } = {}) {
  const requests: string[] = [];
  const fetchFn = folderFetch(root, { requests, missing404: opts.missing404 });
  const { engine, calls } = counting(wasm.engine);
  const snap = loadSnapshot('./data', undefined, fetchFn);
  const progress: Array<[string, Record<string, unknown>]> = [];
  const loader = createTableLoader({
    engine: async () => engine,
    snapshot: opts.snapshot ?? (() => snap),
    fetch: fetchFn,
    onProgress: (name, patch) => { progress.push([name, patch]); setTable(name, patch); },
  });
  return { loader, requests, calls, progress, engine, fetchFn };
}

describe('snapshot', () => {
  it('opens index.json -> manifest.json -> landing.json and remembers the base', async () => {
    const s = await loadSnapshot('./data/', undefined, folderFetch(root));
    expect(s).toMatchObject({ root: './data', id: 'one', base: './data/one', landing: { year: 4 } });
    expect(Object.keys(s.manifest.tables)).toContain('facts');
    expect((await loadSnapshot('./data', 'two', folderFetch(root))).base).toBe('./data/two');
  });

  it('says clearly when the server answers HTML or an error instead of JSON', async () => {
    await expect(loadSnapshot('./nowhere', undefined, folderFetch(root))).rejects.toThrow('./nowhere/index.json: not JSON (the server answered text/html; charset=utf-8; is the file missing?)');
    await expect(loadSnapshot('./nowhere', undefined, folderFetch(root, { missing404: true }))).rejects.toThrow('./nowhere/index.json: HTTP 404 Not Found');
    await expect(loadSnapshot('./data', 'three', folderFetch(root))).rejects.toThrow('no snapshot "three"');
    await expect(loadSnapshot('./nowhere', undefined, folderFetch(root, { missing404: true }))).rejects.toMatchObject({ code: 'not-found', url: './nowhere/index.json' });
    const offline = (() => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch;
    const down = await loadSnapshot('./data', undefined, offline).catch((e: unknown) => e);
    expect(down).toBeInstanceOf(SnapshotLoadError);
    expect(down).toMatchObject({ code: 'network', message: './data/index.json: could not be fetched (Failed to fetch)' });
  });

  it('opens a snapshot whose landing.json is missing or broken: the slice is optional, the reason kept', async () => {
    const base = folderFetch(root, { missing404: true });
    const without = ((url: string) => (String(url).endsWith('/landing.json') ? base('./data/one/no-such-landing.json') : base(url))) as typeof fetch;
    const s = await loadSnapshot('./data', undefined, without);
    expect(s.landing).toBeNull();
    expect(s.landingError).toBe('./data/one/landing.json: HTTP 404 Not Found');
    expect(Object.keys(s.manifest.tables)).toContain('facts');
    const broken = ((url: string) => (String(url).endsWith('/landing.json')
      ? Promise.resolve(new Response('[1, 2', { headers: { 'content-type': 'application/json' } })) : base(url))) as typeof fetch;
    const t = await loadSnapshot('./data', undefined, broken);
    expect(t.landing).toBeNull();
    expect(t.landingError).toMatch(/^\.\/data\/one\/landing\.json: invalid JSON/);
  });
});

describe('ensureTables', () => {
  it('loads each table once even when asked concurrently, with streamed progress', async () => {
    resetProgress();
    const { loader, requests, calls, progress } = setup();
    const seen: number[] = [];
    const unsubscribe = subscribe(() => { seen.push(getSnapshot().tables.facts?.bytesLoaded ?? 0); });
    await Promise.all([loader.ensureTables(['facts', 'names']), loader.ensureTables(['facts']), loader.ensureTables(['names', 'facts', 'facts'])]);
    unsubscribe();
    expect(requests.filter((r) => r.endsWith('/facts.parquet'))).toHaveLength(1);
    expect(requests.filter((r) => r.endsWith('/names.parquet'))).toHaveLength(1);
    expect(calls.insert).toBe(2);
    expect(loader.loaded().sort()).toEqual(['facts', 'names']);
    // Progress: loading -> several byte counts -> ready.
    const facts = progress.filter(([n]) => n === 'facts').map(([, p]) => p);
    expect(facts[0]).toMatchObject({ state: 'loading', bytesLoaded: 0 });
    expect(facts.filter((p) => p.bytesLoaded !== undefined && p.state === undefined).length).toBeGreaterThan(3);
    expect(facts.at(-1)).toMatchObject({ state: 'ready', rows: 20000 });
    const state = getSnapshot().tables.facts!;
    expect(state).toMatchObject({ name: 'facts', state: 'ready', rows: 20000, error: null });
    expect(state.bytesLoaded).toBe(state.bytesTotal);
    expect(new Set(seen).size).toBeGreaterThan(3);
    // Asked again later: nothing fetched.
    await loader.ensureTables(['facts']);
    expect(requests.filter((r) => r.endsWith('/facts.parquet'))).toHaveLength(1);
  });

  it('a missing file (answered with index.html) rejects naming the table and file; the other table loads and queries', async () => {
    const { loader, engine } = setup();
    const err = await loader.ensureTables(['gone', 'names']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TableLoadError);
    expect((err as Error).message).toBe('table gone (./data/one/gone.parquet): not Parquet (the server answered text/html; charset=utf-8; is the file missing?)');
    expect(err).toMatchObject({ table: 'gone', file: 'gone.parquet' });
    expect(getSnapshot().tables.gone).toMatchObject({ state: 'error', error: (err as Error).message });
    expect(loader.loaded()).toContain('names');
    const rows = await engine.query('SELECT count(*)::INTEGER AS n FROM names', []);
    expect(rows.numRows).toBe(1);
  });

  it('gives the HTTP status when the server answers 404, and retries a failed table on the next call', async () => {
    const { loader, requests } = setup({ missing404: true });
    await expect(loader.ensureTables(['gone'])).rejects.toThrow('table gone (./data/one/gone.parquet): HTTP 404 Not Found');
    await expect(loader.ensureTables(['gone'])).rejects.toMatchObject({ status: 404 });
    expect(requests.filter((r) => r.endsWith('/gone.parquet'))).toHaveLength(2);
  });

  it('refuses a file that is not Parquet, a stale file, and a table not in the manifest; several failures are listed together', async () => {
    const { loader } = setup();
    await expect(loader.ensureTables(['junk'])).rejects.toThrow('table junk (./data/one/junk.bin): not Parquet (no PAR1 magic bytes; the server answered application/octet-stream)');
    await expect(loader.ensureTables(['stale'])).rejects.toThrow('table stale (./data/one/names.parquet): SHA-256 differs from the manifest');
    await expect(loader.ensureTables(['nope'])).rejects.toThrow('table nope: not in the manifest of snapshot one');
    const many = await loader.ensureTables(['junk', 'nope', 'names']).catch((e: unknown) => e);
    expect(many).toBeInstanceOf(AggregateError);
    expect((many as AggregateError).errors).toHaveLength(2);
    expect((many as Error).message).toContain('table junk');
    expect((many as Error).message).toContain('table nope');
  });

  it('says why in a code: not-found, http, corrupt, unknown-table, network', async () => {
    const html = setup();
    await expect(html.loader.ensureTables(['gone'])).rejects.toMatchObject({ code: 'not-found' });
    await expect(html.loader.ensureTables(['junk'])).rejects.toMatchObject({ code: 'corrupt' });
    await expect(html.loader.ensureTables(['stale'])).rejects.toMatchObject({ code: 'corrupt' });
    await expect(html.loader.ensureTables(['nope'])).rejects.toMatchObject({ code: 'unknown-table' });
    await expect(setup({ missing404: true }).loader.ensureTables(['gone'])).rejects.toMatchObject({ code: 'not-found', status: 404 });
    const base = folderFetch(root);
    const snap = loadSnapshot('./data', undefined, base);
    const withFetch = (f: typeof fetch) => createTableLoader({ engine: async () => wasm.engine, snapshot: () => snap, fetch: f });
    const forbidden = ((url: string) => (String(url).endsWith('.parquet') ? Promise.resolve(new Response('no', { status: 403, statusText: 'Forbidden' })) : base(url))) as typeof fetch;
    await expect(withFetch(forbidden).ensureTables(['names'])).rejects.toMatchObject({ code: 'http', status: 403, message: 'table names (./data/one/names.parquet): HTTP 403 Forbidden' });
    const offline = ((url: string) => (String(url).endsWith('.parquet') ? Promise.reject(new TypeError('Failed to fetch')) : base(url))) as typeof fetch;
    await expect(withFetch(offline).ensureTables(['names'])).rejects.toMatchObject({ code: 'network', message: 'table names (./data/one/names.parquet): could not be fetched (Failed to fetch)' });
    // The connection drops in the middle of the body.
    const dropped = (async (url: string) => {
      if (!String(url).endsWith('.parquet')) return base(url);
      const body = new ReadableStream<Uint8Array>({
        start(c) { c.enqueue(new Uint8Array([0x50, 0x41, 0x52, 0x31])); c.error(new TypeError('network error')); },
      });
      return new Response(body, { headers: { 'content-type': 'application/vnd.apache.parquet' } });
    }) as typeof fetch;
    await expect(withFetch(dropped).ensureTables(['names'])).rejects.toMatchObject({ code: 'network', message: 'table names (./data/one/names.parquet): download failed (network error)' });
  });

  it('gives up a download that stalls (no response, or no further byte) after stallMs, as stalled; a retry loads it', async () => {
    const base = folderFetch(root);
    const snap = loadSnapshot('./data', undefined, base);
    let stall: 'response' | 'body' | null = 'body';
    const aborted: string[] = [];
    const stalling = (async (url: string, init?: RequestInit) => {
      if (!String(url).endsWith('/names.parquet') || stall === null) return base(url);
      init?.signal?.addEventListener('abort', () => aborted.push(stall!));
      if (stall === 'response') return new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
      const real = new Uint8Array(await (await base(url)).arrayBuffer());
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(real.subarray(0, 100)); // then nothing more
          init?.signal?.addEventListener('abort', () => c.error(init.signal!.reason));
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/vnd.apache.parquet' } });
    }) as typeof fetch;
    const loader = createTableLoader({ engine: async () => wasm.engine, snapshot: () => snap, fetch: stalling, stallMs: 300 });
    const t0 = performance.now();
    const err = await loader.ensureTables(['names']).catch((e: unknown) => e);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(err).toMatchObject({ code: 'stalled', table: 'names', message: 'table names (./data/one/names.parquet): download stalled (no data for 0.3 s)' });
    stall = 'response';
    await expect(loader.ensureTables(['names'])).rejects.toMatchObject({ code: 'stalled' });
    expect(aborted).toEqual(['body', 'response']);
    stall = null;
    await loader.ensureTables(['names']);
    expect(loader.loaded()).toContain('names');
  });

  it('passes the engine\'s own failure through, not as a failure of the table', async () => {
    const snap = loadSnapshot('./data', undefined, folderFetch(root));
    const failed = new EngineStartError('wasm-missing', "Failed to execute 'compile' on 'WebAssembly': HTTP status code is not ok");
    const loader = createTableLoader({ engine: () => Promise.reject(failed), snapshot: () => snap, fetch: folderFetch(root) });
    await expect(loader.ensureTables(['names'])).rejects.toBe(failed);
  });
});

describe('runner', () => {
  const SQL = `-- Test query.
-- Tables: facts, names. Params: $year INTEGER, $region VARCHAR.
SELECT f.year, n.name, count(*) AS rows, sum(f.value) AS total
FROM facts f JOIN names n USING (region)
WHERE f.year = $year AND (f.region = $region OR $region = 'all')
GROUP BY ALL ORDER BY n.name`;

  function runnerFor(s = setup(), cacheSize = 200, scope = () => 'one') {
    const runner = createRunner({ engine: async () => s.engine, ensureTables: s.loader.ensureTables, scope, cacheSize });
    return { runner, ...s };
  }

  it('loads the tables of the header, binds parameters and converts BigInt', async () => {
    const { runner, requests } = runnerFor();
    const { rows, ms } = await runner.runQuery(SQL, { year: 3, region: 'r3' });
    expect(requests.some((r) => r.endsWith('/names.parquet'))).toBe(true);
    // i % 5 = 3 and i % 40 = 3 <=> i % 40 = 3: 500 rows; values 3, 43, 83, ...
    expect(rows).toEqual([{ year: 3, name: 'Region 3', rows: 500, total: 500 * 3 + 40 * (499 * 500) / 2 }]);
    expect(typeof ms).toBe('number');
    expect(Object.isFrozen(rows[0])).toBe(true);
  });

  it('caches by SQL and the values used; identical concurrent calls share one execution', async () => {
    const { runner, calls } = runnerFor();
    const [a, b] = await Promise.all([runner.runQuery(SQL, { year: 1, region: 'all' }), runner.runQuery(SQL, { region: 'all', year: 1, extra: 'ignored' })]);
    expect(calls.query).toBe(1);
    expect(a.rows).toEqual(b.rows);
    expect(a.rows).not.toBe(b.rows); // each caller owns its array
    a.rows.sort(() => -1); // safe
    await runner.runQuery(SQL, { year: 1, region: 'all' });
    expect(calls.query).toBe(1);
    await runner.runQuery(SQL, { year: 1, region: 'r1' });
    await runner.runQuery(SQL, { year: '1', region: 'all' }); // another type is another query
    expect(calls.query).toBe(3);
  });

  it('drops the least recently used result beyond the cache size', async () => {
    const { runner, calls } = runnerFor(setup(), 2);
    await runner.runQuery(SQL, { year: 0, region: 'all' });
    await runner.runQuery(SQL, { year: 1, region: 'all' });
    await runner.runQuery(SQL, { year: 0, region: 'all' }); // 0 is now the most recent
    await runner.runQuery(SQL, { year: 2, region: 'all' }); // evicts 1
    expect(runner.cached()).toBe(2);
    expect(calls.query).toBe(3);
    await runner.runQuery(SQL, { year: 0, region: 'all' });
    expect(calls.query).toBe(3);
    await runner.runQuery(SQL, { year: 1, region: 'all' });
    expect(calls.query).toBe(4);
  });

  it('does not cache failures, and a failed table does not break later queries', async () => {
    const { runner } = runnerFor();
    await expect(runner.runQuery('-- Tables: gone.\nSELECT * FROM gone')).rejects.toThrow('table gone');
    expect(runner.cached()).toBe(0);
    await expect(runner.runQuery('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    await expect(runner.runQuery(SQL, { year: 1 })).rejects.toThrow('missing query parameter(s): $region');
    expect((await runner.runQuery('-- Tables: names.\nSELECT count(*) AS n FROM names')).rows).toEqual([{ n: 40 }]);
  });

  it('binds whole numbers as INTEGER, like @duckdb/node-api (DuckDB-WASM alone would bind DOUBLE: "2024.0")', async () => {
    const { runner } = runnerFor();
    const { rows } = await runner.runQuery("SELECT typeof($y) AS t, $y::VARCHAR AS v, 'Y' || $y AS s, typeof($big) AS tb, typeof($x) AS tx, $x AS x",
      { y: 2024, big: 2 ** 40, x: 0.5 });
    expect(rows).toEqual([{ t: 'INTEGER', v: '2024', s: 'Y2024', tb: 'BIGINT', tx: 'DOUBLE', x: 0.5 }]);
  });

  it('a user value is bound, never pasted', async () => {
    const { runner } = runnerFor();
    const { rows } = await runner.runQuery(SQL, { year: 1, region: "r1' OR 'x' = 'x" });
    expect(rows).toEqual([]);
  });

  it('another snapshot reloads its tables and does not reuse cached results', async () => {
    let current = 'one';
    const fetchFn = folderFetch(root);
    const snaps: Record<string, Promise<Snapshot>> = { one: loadSnapshot('./data', 'one', fetchFn), two: loadSnapshot('./data', 'two', fetchFn) };
    const s = setup({ snapshot: () => snaps[current]! });
    const { runner } = runnerFor(s, 200, () => current);
    const q = '-- Tables: facts.\nSELECT sum(value) AS total FROM facts WHERE year = $year';
    const one = (await runner.runQuery(q, { year: 0 })).rows[0]!.total as number;
    current = 'two';
    const two = (await runner.runQuery(q, { year: 0 })).rows[0]!.total as number;
    expect(two).toBe(one * 2);
    expect(s.calls.insert).toBe(2);
  });
});

describe('progress store', () => {
  it('keeps the same snapshot until something changes and notifies subscribers', () => {
    const store = createStore({ n: 0 });
    const a = store.getSnapshot();
    let calls = 0;
    const off = store.subscribe(() => { calls++; });
    expect(store.getSnapshot()).toBe(a);
    store.update((s) => ({ n: s.n + 1 }));
    expect(store.getSnapshot()).not.toBe(a);
    expect(store.getSnapshot().n).toBe(1);
    store.set(store.getSnapshot());
    expect(calls).toBe(1);
    off();
    store.update((s) => ({ n: s.n + 1 }));
    expect(calls).toBe(1);
  });
});
