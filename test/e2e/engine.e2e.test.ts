import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { Duck, sqlString } from '../../src/pipeline/duck.ts';
import { buildSnapshot } from '../../src/pipeline/build.ts';
import { readQuery, REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import type * as DbApi from '../../src/db/index.ts';
import { REFERENCE_DATE, tempDir, VALID_RAW } from '../helpers.ts';
import { assertChromium, closeAll, openBrowser, settledRendererMemory, startServer, type BrowserSession, type StaticServer } from './harness.ts';

// src/db in Chromium: a tiny test-only page (built here with Vite, the app's CSP, nothing added to the app) that
// imports src/db and exposes it to the test. Served like production (sirv, a missing file answered with index.html
// and status 200, as `vite preview` does), every request to another origin refused and recorded.

declare global {
  interface Window { __db: typeof DbApi }
}

const MISSING = 'violence_by_place';
const scratch = tempDir('pantau-e2e-engine-');
const site = join(scratch.dir, 'site');
let snapshotDir: string;
let duck: Duck;
let server: StaticServer | undefined;
let browser: BrowserSession | undefined;
const timings: Record<string, number> = {};

/** The app's Content-Security-Policy, so the test page runs under the same rules as the app. */
function appCsp(): string {
  const html = readFileSync(join(REPO_ROOT, 'index.html'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy"[^>]*>/i.exec(html);
  if (!meta) throw new Error('index.html has no Content-Security-Policy meta tag');
  return meta[0];
}

/** public/data of the repository (the demo snapshot) when built, else the fixture snapshot built here. */
async function snapshotData(into: string): Promise<string> {
  const data = join(REPO_ROOT, 'public', 'data');
  if (existsSync(join(data, 'index.json'))) {
    cpSync(data, into, { recursive: true });
  } else {
    await buildSnapshot({ rawDir: VALID_RAW, outDir: into, snapshotId: 'fixture', k: 5, referenceDate: REFERENCE_DATE, synthetic: true });
  }
  const { current } = JSON.parse(readFileSync(join(into, 'index.json'), 'utf8')) as { current: string };
  return join(into, current);
}

beforeAll(async () => {
  assertChromium();
  const t0 = performance.now();
  mkdirSync(join(site, 'public'), { recursive: true });
  snapshotDir = await snapshotData(join(site, 'public', 'data'));
  // The reference engine reads the same Parquet files (before one is removed for the browser).
  duck = await Duck.open();
  const manifest = JSON.parse(readFileSync(join(snapshotDir, 'manifest.json'), 'utf8')) as { tables: Record<string, { file: string }> };
  for (const [name, t] of Object.entries(manifest.tables)) {
    await duck.run(`CREATE VIEW ${name} AS SELECT * FROM read_parquet(${sqlString(join(snapshotDir, t.file))})`);
  }
  rmSync(join(snapshotDir, manifest.tables[MISSING]!.file));

  writeFileSync(join(site, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="UTF-8" />${appCsp()}<title>src/db test page</title></head>
<body><script type="module" src="./main.ts"></script></body></html>`);
  writeFileSync(join(site, 'main.ts'), `import * as db from ${JSON.stringify(join(REPO_ROOT, 'src', 'db', 'index.ts'))};
(window as unknown as { __db: typeof db }).__db = db;
document.body.dataset.ready = 'yes';
`);
  await build({
    root: site, configFile: false, base: './', logLevel: 'warn', publicDir: join(site, 'public'),
    build: { outDir: join(site, 'dist'), emptyOutDir: true, target: 'es2022', sourcemap: false },
  });
  timings.build_ms = Math.round(performance.now() - t0);
  server = await startServer(join(site, 'dist'), { htmlFallback: true });
  browser = await openBrowser(server.origin);
  await browser.page.goto(`${server.origin}/`);
  await browser.page.waitForFunction(() => document.body.dataset.ready === 'yes');
}, 180_000);

afterAll(async () => {
  console.log('src/db in Chromium:', JSON.stringify(timings));
  await closeAll(server, browser);
  duck?.close();
  scratch.cleanup();
});

describe('src/db in Chromium', () => {
  it('boots DuckDB-WASM from the site\'s own bundles with progress', async () => {
    const r = await browser!.page.evaluate(async () => {
      const db = window.__db;
      const states: string[] = [];
      const off = db.subscribe(() => { const e = db.getSnapshot().engine; states.push(`${e.state}:${e.bytesLoaded}/${e.bytesTotal}`); });
      const t0 = performance.now();
      const engine = await db.openEngine();
      const ms = performance.now() - t0;
      const again = await db.openEngine();
      off();
      return { ms, bundle: engine.bundle, version: engine.version, same: again === engine, states, final: db.getSnapshot().engine };
    });
    timings.engine_ready_ms = Math.round(r.ms);
    expect(r.bundle).toBe('eh');
    expect(r.version).toMatch(/^v1\.4\./);
    expect(r.same).toBe(true);
    expect(r.states[0]).toMatch(/^loading/);
    expect(r.final).toMatchObject({ state: 'ready', bundle: 'eh', message: null });
    // The WebAssembly module came from this server, and nothing from anywhere else.
    expect(server!.requests.some((p) => /^\/assets\/duckdb-eh-[\w-]+\.wasm$/.test(p))).toBe(true);
    expect(server!.requests.some((p) => /coi|pthread/.test(p))).toBe(false);
    expect(browser!.external).toEqual([]);
  });

  it('starts with external access off and its configuration locked: no statement can read a URL or undo that', async () => {
    const r = await browser!.page.evaluate(async () => {
      const engine = await window.__db.openEngine();
      const setting = (await engine.conn.query("SELECT current_setting('enable_external_access') AS v")).toArray()[0].v;
      const errorOf = async (sql: string) => { try { await engine.conn.query(sql); return null; } catch (e) { return String(e); } };
      return {
        setting,
        url: await errorOf(`SELECT * FROM read_csv('${location.origin}/index.html')`),
        unlock: await errorOf('SET enable_external_access=true'),
      };
    });
    expect(r.setting).toBe(false);
    expect(r.url).toMatch(/external access|disabled/i);
    expect(r.unlock).toMatch(/lock|configuration/i);
  });

  it('loads a table with streamed progress events', async () => {
    const r = await browser!.page.evaluate(async () => {
      const db = window.__db;
      const snap = await db.openSnapshot('./data');
      const events: Array<{ state: string; bytesLoaded: number; bytesTotal: number; rows: number | null }> = [];
      const off = db.subscribe(() => {
        const t = db.getSnapshot().tables.lksa;
        if (t) events.push({ state: t.state, bytesLoaded: t.bytesLoaded, bytesTotal: t.bytesTotal, rows: t.rows });
      });
      // How long the page is blocked at most while the table loads (decoding runs in a worker).
      let last = performance.now();
      let maxGap = 0;
      const tick = setInterval(() => { const now = performance.now(); maxGap = Math.max(maxGap, now - last); last = now; }, 5);
      const t0 = performance.now();
      await Promise.all([db.ensureTables(['lksa']), db.ensureTables(['lksa', 'lksa'])]);
      const ms = performance.now() - t0;
      clearInterval(tick);
      off();
      const phases = Object.fromEntries(performance.getEntriesByType('measure')
        .filter((m) => m.name.startsWith('pantau-db lksa ')).map((m) => [m.name.slice('pantau-db lksa '.length), Math.round(m.duration)]));
      return { ms, maxGap, events, phases, manifest: snap.manifest.tables.lksa!, loaded: db.loadedTables() };
    });
    timings.lksa_load_ms = Math.round(r.ms);
    timings.lksa_bytes = r.manifest.bytes;
    for (const [phase, ms] of Object.entries(r.phases)) timings[`lksa_${phase}_ms`] = ms;
    timings.main_thread_max_blocked_ms = Math.round(r.maxGap);
    // Decoded in the worker, not on the page's thread.
    expect(server!.requests.some((p) => /^\/assets\/decode\.worker-[\w-]+\.js$/.test(p))).toBe(true);
    expect(Object.keys(r.phases).sort()).toEqual(['decode', 'download', 'insert']);
    expect(r.events[0]).toMatchObject({ state: 'loading', bytesLoaded: 0, bytesTotal: r.manifest.bytes });
    const loading = r.events.filter((e) => e.state === 'loading').map((e) => e.bytesLoaded);
    expect(loading.length).toBeGreaterThan(1);
    expect(loading).toEqual([...loading].sort((a, b) => a - b));
    expect(r.events.at(-1)).toEqual({ state: 'ready', bytesLoaded: r.manifest.bytes, bytesTotal: r.manifest.bytes, rows: r.manifest.rows });
    expect(r.loaded).toEqual(['lksa']);
    expect(server!.requests.filter((p) => p.endsWith('/lksa.parquet'))).toHaveLength(1);
  });

  it('runs queries with bound parameters and gives the same rows as @duckdb/node-api', async () => {
    const [latest] = await duck.query('app/years');
    const year = Number(latest!.year);
    const cases: Array<{ name: string; params: Record<string, string | number> }> = [
      { name: 'app/lksa_headline', params: { region: '32' } },
      { name: 'app/violence/by_type', params: { year, region: '32' } },
      { name: 'app/violence_headline', params: { year, region: '00' } },
    ];
    for (const c of cases) {
      const sql = readQuery(c.name);
      const r = await browser!.page.evaluate(async ({ sql, params }) => {
        const db = window.__db;
        const t0 = performance.now();
        const first = await db.runQuery(sql, params);
        const total = performance.now() - t0;
        const t1 = performance.now();
        const cached = await db.runQuery(sql, { ...params });
        return { rows: first.rows, ms: first.ms, total, cachedMs: performance.now() - t1, sameMs: cached.ms === first.ms };
      }, { sql, params: c.params });
      const expected = await duck.all(sql, c.params);
      expect(r.rows, c.name).toEqual(expected);
      expect(r.rows.length).toBeGreaterThan(0);
      expect(r.sameMs).toBe(true);
      timings[`${c.name.replace('app/', '')}_query_ms`] = r.ms;
      timings[`${c.name.replace('app/', '')}_with_loading_ms`] = Math.round(r.total);
      timings[`${c.name.replace('app/', '')}_cached_ms`] = Math.round(r.cachedMs * 10) / 10;
    }
    // Types the app queries do not return yet: a DATE, a HUGEINT sum (a DECIMAL in Arrow), a BIGINT count.
    const typed = '-- Tables: lksa.\nSELECT count(*) AS n, sum(children_in_care) AS children, min(licence_expiry) AS first_expiry, ' +
      'max(last_inspection) AS last_inspection, avg(lat) AS lat FROM lksa WHERE province_code = $province';
    const typedRows = await browser!.page.evaluate(async (sql) => (await window.__db.runQuery(sql, { province: '32' })).rows, typed);
    expect(typedRows).toEqual(await duck.all(typed, { province: '32' }));
    expect(typedRows[0]).toMatchObject({ n: expect.any(Number), children: expect.any(Number), first_expiry: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    // A hostile value stays a value.
    const evil = await browser!.page.evaluate(async (sql) => (await window.__db.runQuery(sql, { region: "32' OR '1'='1" })).rows, readQuery('app/lksa_headline'));
    expect(evil).toEqual([expect.objectContaining({ institutions: 0 })]);
  });

  it('a missing table file gives an Error naming it; another table still loads and queries fine', async () => {
    const r = await browser!.page.evaluate(async (missing) => {
      const db = window.__db;
      const outcome = await db.ensureTables([missing, 'kla']).then(() => null, (e: unknown) => e);
      const err = outcome as { name?: string; message?: string; table?: string; file?: string } | null;
      const viaQuery = await db.runQuery(`-- Tables: ${missing}.\nSELECT count(*) AS n FROM ${missing}`).then(() => null, (e: Error) => e.message);
      return {
        error: err && { name: err.name, message: err.message, table: err.table, file: err.file },
        viaQuery,
        tables: db.getSnapshot().tables,
        loaded: db.loadedTables().sort(),
      };
    }, MISSING);
    expect(r.error).toEqual({
      name: 'TableLoadError', table: MISSING, file: `${MISSING}.parquet`,
      message: expect.stringContaining(`table ${MISSING} (./data/`),
    });
    expect(r.error!.message).toContain('not Parquet (the server answered text/html;charset=utf-8; is the file missing?)');
    expect(r.viaQuery).toContain(`table ${MISSING}`);
    expect(r.tables[MISSING]).toMatchObject({ state: 'error' });
    expect(r.tables.kla).toMatchObject({ state: 'ready' });
    expect(r.loaded).toContain('kla');

    const [klaLatest] = await duck.query('app/kla_years');
    const params = { year: Number(klaLatest!.year), region: '00' };
    const sql = readQuery('app/kla_headline');
    const rows = await browser!.page.evaluate(async ({ sql, params }) => (await window.__db.runQuery(sql, params)).rows, { sql, params });
    expect(rows).toEqual(await duck.all(sql, params));
  });

  it('gives up a start whose .wasm download stalls after stallMs, as stalled; a second engine starts beside the first', async () => {
    const page = browser!.page;
    // The .wasm answers nothing at all (no response, no byte): only the watchdog can end the start.
    await page.route(/\/assets\/duckdb-(eh|mvp)-[^/]*\.wasm$/, () => undefined);
    try {
      const r = await page.evaluate(async () => {
        const t0 = performance.now();
        const e = await window.__db.startDuckDB({ stallMs: 1500, name: 'stall-test' }).then(() => null, (err: unknown) => err as { name: string; fault: string; message: string });
        return { ms: performance.now() - t0, error: e && { name: e.name, fault: e.fault, message: e.message } };
      });
      expect(r.error).toEqual({ name: 'EngineStartError', fault: 'stalled', message: 'DuckDB could not start (stalled): no progress for 1.5 s' });
      expect(r.ms).toBeGreaterThanOrEqual(1500);
      expect(r.ms).toBeLessThan(5000);
    } finally {
      await page.unroute(/\/assets\/duckdb-(eh|mvp)-[^/]*\.wasm$/);
    }
    // A second instance, its own worker, locked like the first; terminating it leaves the page's engine working. The
    // renderer's resident memory is logged before, with it and after it (only one page, so less noise than the app's).
    // Each reading once the engines' workers are what it says (a started worker is up, a terminated one closed) and
    // the memory has settled.
    const mb = async () => Math.round((await settledRendererMemory(browser!.profile) ?? 0) / 1048576);
    const engines = async (n: number) => expect.poll(() => page.workers().filter((w) => /duckdb-host\.worker/.test(w.url())).length, { timeout: 10_000 }).toBe(n);
    await engines(1); // the stalled start's worker is gone
    timings.renderer_mb_one_engine = await mb();
    await page.evaluate(async () => {
      const other = await window.__db.startDuckDB({ name: 'second' });
      (window as unknown as { other: unknown }).other = other;
      await other.conn.query('SELECT 1');
    });
    await engines(2);
    timings.renderer_mb_two_engines = await mb();
    await page.evaluate(() => (window as unknown as { other: { terminate(): void } }).other.terminate());
    await engines(1);
    timings.renderer_mb_second_terminated = await mb();
    const second = await page.evaluate(async () => {
      const db = window.__db;
      const other = await db.startDuckDB({ name: 'second', errorsAsJson: true });
      const locked = await other.conn.query('SET enable_external_access=true').then(() => 'changed', (e: Error) => e.message);
      const error = await other.conn.query('SELECT nope').then(() => null, (e: Error) => e.message);
      const n = (await other.conn.query('SELECT 41 + 1 AS n')).toArray()[0].n;
      other.terminate();
      const page = await db.openEngine();
      const still = (await page.conn.query('SELECT 1 AS one')).toArray()[0].one;
      return { locked, error, n, still, bootMs: other.bootMs };
    });
    timings.second_engine_boot_ms = second.bootMs;
    expect(second.locked).toMatch(/lock|configuration/i);
    expect(JSON.parse(second.error!)).toMatchObject({ exception_type: 'Binder', position: '7' });
    expect(second.n).toBe(42);
    expect(second.still).toBe(1);
  });

  it('the harness refuses to run without Chromium, saying how to install it', () => {
    expect(() => assertChromium('/nonexistent/chromium')).toThrow('sudo apt-get update && sudo apt-get install -y chromium');
  });

  it('made no request to another host and logged no console error', () => {
    expect(browser!.external).toEqual([]);
    expect(browser!.consoleErrors).toEqual([]);
  });
});
