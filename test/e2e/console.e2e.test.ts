import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { strFromU8, unzipSync } from 'fflate';
import { parquetReadObjects } from 'hyparquet';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { EXAMPLES } from '../../src/app/views/console/examples.ts';
import { DESKTOP, openSnapshotDb, plainRows, SITE, seriousAxeViolations, useSite, useSnapshotDb, type Row } from './site.ts';
import { rendererMemory, settledRendererMemory } from './harness.ts';

// The SQL console in Chromium on a built site (PANTAU_DIST, default dist/) with the real DuckDB-WASM: forbidden
// statements are refused with their message; a failing query leaves the engine usable; a big cross join stops at
// the row cap with its notice; a long query is cancelled and the next one runs; every example query runs and shows
// the values @duckdb/node-api computes by the same SQL on the snapshot's Parquet files; the query is kept in the
// URL; nothing leaves the origin; no console error; no serious or critical axe-core violation. Screenshot:
// test-results/screenshots/console.png.

const { manifest } = SITE.snapshot;
const db = useSnapshotDb();
const site = useSite({ viewport: DESKTOP });

/** A value as the page's data-value holds it (null: no attribute). */
function plain(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return String(Number(v));
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return String(v);
  return String(Number(String(v)));
}

async function expected(sql: string): Promise<Array<Array<string | null>>> {
  const reader = await db.conn.runAndReadAll(sql);
  return (reader.getRowsJS() as unknown[][]).map((r) => r.map(plain));
}

/** Types a statement into the editor and runs it with Ctrl+Enter; waits until the run is over. */
async function runSql(page: Page, sql: string, how: 'keys' | 'button' = 'keys'): Promise<void> {
  await page.fill('#console-sql', sql);
  if (how === 'keys') await page.press('#console-sql', 'Control+Enter');
  else await page.click('.console-run');
  await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('.console-run')?.disabled, undefined, { timeout: 60_000 });
}

async function shownRows(page: Page): Promise<Array<Array<string | null>>> {
  return page.$$eval('.console-table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.getAttribute('data-value'))));
}

const REFUSED: Array<[string, string]> = [
  ["INSERT INTO regions SELECT * FROM regions", 'INSERT'],
  ['DROP TABLE regions', 'DROP'],
  ["CREATE TABLE t AS SELECT 1", 'CREATE'],
  ["UPDATE regions SET name = 'x'", 'UPDATE'],
  ["ATTACH ':memory:' AS m", 'ATTACH'],
  ['INSTALL httpfs', 'INSTALL'],
  ['LOAD json', 'LOAD'],
  ["COPY regions TO 'x.csv'", 'COPY'],
  ["EXPORT DATABASE 'd'", 'EXPORT DATABASE'],
  ['PRAGMA database_list', 'PRAGMA'],
  ['SET threads = 1', 'SET'],
  ['CALL duckdb_settings()', 'CALL'],
  ['SELECT 1; DROP TABLE regions', 'satu pernyataan'],
  ["SELECT * FROM read_csv('/etc/passwd')", 'read_csv'],
  ["SELECT * FROM read_parquet('https://example.org/x.parquet')", 'read_parquet'],
  ["SELECT * FROM 'https://example.org/y.parquet'", 'https://example.org/y.parquet'],
  ["SELECT * FROM 'file.csv'", 'file.csv'],
  ["SELECT * FROM glob('*')", 'glob'],
  ["SELECT getenv('HOME')", 'getenv'],
  ["WITH a AS (SELECT * FROM read_csv('/etc/passwd')) SELECT * FROM a", 'read_csv'],
  ["SELECT * FROM regions WHERE name IN (SELECT * FROM read_text('/etc/hosts'))", 'read_text'],
  ['SELECT * FROM secret_table', 'secret_table'],
  ['SELECT * FROM duckdb_settings()', 'duckdb_settings'],
];

/**
 * Records, in the page, the SQL handed to a DuckDB worker (duckdb-wasm's RUN_QUERY, CREATE_PREPARED and
 * START_PENDING_QUERY messages: the console's guard plans the statement inside a wrapper before it runs it) and the
 * statements the engine has begun running without finishing (it is then asked again, POLL_PENDING_QUERY): what "it
 * is running" is, seen from the page. Called before the run it watches: installed once per document, emptied on
 * later calls.
 */
async function traceEngine(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __engineTrace?: { sent: string[]; running: string[] } };
    if (w.__engineTrace) {
      w.__engineTrace.sent.length = 0;
      w.__engineTrace.running.length = 0;
      return;
    }
    const trace = { sent: [] as string[], running: [] as string[] };
    w.__engineTrace = trace;
    const pending = new WeakMap<Worker, string>();
    const post = Worker.prototype.postMessage as (this: Worker, ...args: unknown[]) => void;
    Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
      const m = args[0] as { type?: string; data?: unknown[] } | undefined;
      if (m?.type === 'RUN_QUERY' || m?.type === 'CREATE_PREPARED' || m?.type === 'START_PENDING_QUERY') {
        const sql = String(m.data?.[1]);
        trace.sent.push(sql);
        if (m.type === 'START_PENDING_QUERY') pending.set(this, sql);
      } else if (m?.type === 'POLL_PENDING_QUERY') {
        const sql = pending.get(this);
        if (sql !== undefined) trace.running.push(sql);
      }
      return post.apply(this, args);
    } as typeof Worker.prototype.postMessage;
  });
}

/**
 * Waits until the page has handed `sql` to an engine, as it is or inside the guard's wrapper (a string literal, its
 * quotes doubled: sent), or the engine has begun running it as it is and is not done (running).
 */
async function engineHas(page: Page, sql: string, what: 'sent' | 'running', timeout = 30_000): Promise<void> {
  await page.waitForFunction(({ sql, quoted, what }) => {
    const trace = (window as unknown as { __engineTrace?: { sent: string[]; running: string[] } }).__engineTrace;
    return what === 'sent' ? (trace?.sent.some((t) => t.includes(sql) || t.includes(quoted)) ?? false) : (trace?.running.includes(sql) ?? false);
  }, { sql, quoted: sql.replace(/'/g, "''"), what }, { timeout });
}

/** 'busy' when a worker does not answer within `ms` (inside one long computation), else 'free' ('gone' if closed). */
const answersWithin = (w: Worker, ms: number) => Promise.race([
  w.evaluate(() => 'free' as const).catch(() => 'gone' as const),
  new Promise<'busy'>((r) => setTimeout(() => r('busy'), ms)), // a guard: how long the answer may take
]);

/** The dashboard's and the console's DuckDB workers, by their names (asked while both are idle). */
async function engineWorkers(page: Page): Promise<{ dashboard: Worker; console: Worker }> {
  const hosts = page.workers().filter((w) => /duckdb-host\.worker/.test(w.url()));
  // A worker just terminated (the console's, after Cancel) can still be listed for a moment: it answers nothing.
  const named = await Promise.all(hosts.map(async (w) => [await w.evaluate(() => self.name).catch(() => null), w] as const));
  const byName = new Map(named.filter((n): n is readonly [string, Worker] => n[0] !== null));
  return { dashboard: byName.get('pantau-duckdb')!, console: byName.get('pantau-console')! };
}

/**
 * Waits until the console's worker is inside the statement: handed to it, and the worker stops answering (a single
 * long expression, which DuckDB may already compute while planning it).
 */
async function consoleComputing(page: Page, worker: Worker, sql: string): Promise<void> {
  await engineHas(page, sql, 'sent');
  await expect.poll(() => answersWithin(worker, 200), { timeout: 30_000 }).toBe('busy');
}

const MB = (bytes: number | null) => (bytes === null ? null : Math.round(bytes / 1024 / 1024));
const measures = (page: Page, name: string) => page.evaluate((n) => performance.getEntriesByName(n).map((e) => Math.round(e.duration)), name);

describe('the SQL console', () => {
  it('starts an engine of its own when the console opens (its cost measured)', async () => {
    const page = site.page;
    await page.goto(`${site.origin}/?v=lksa`);
    await page.waitForSelector('[data-figure="institutions"]', { timeout: 120_000 });
    // The LKSA page done loading (its map's dots drawn, nothing busy), its memory settled: the reading before.
    await page.waitForFunction(() => document.querySelector('.lksa-map-canvas[data-map-status="ready"][data-rendered]') !== null
      && document.querySelector('main [aria-busy="true"], main p[role="status"], .lksa-map-overlay') === null, undefined, { timeout: 60_000 });
    const before = await settledRendererMemory(site.browser.profile);
    const t0 = Date.now();
    await page.getByRole('link', { name: 'Konsol SQL', exact: true }).click();
    await page.waitForFunction(() => performance.getEntriesByName('pantau:console-engine').length > 0, undefined, { timeout: 60_000 });
    const openMs = Date.now() - t0;
    const [bootMs] = await measures(page, 'pantau:console-engine');
    const started = await settledRendererMemory(site.browser.profile); // the started engine's memory in
    await runSql(page, "SELECT count(*) AS n FROM lksa");
    const loaded = rendererMemory(site.browser.profile);
    // Two DuckDB workers: the dashboard's and the console's.
    const names = await Promise.all(page.workers().filter((w) => /duckdb-host\.worker/.test(w.url())).map((w) => w.evaluate(() => self.name)));
    expect(names.sort()).toEqual(['pantau-console', 'pantau-duckdb']);
    console.log('console engine:', JSON.stringify({ start_ms: bootMs, open_to_ready_ms: openMs, renderer_mb_before: MB(before),
      renderer_mb_engine_started: MB(started), renderer_mb_after_lksa_query: MB(loaded),
      engine_mb: before !== null && started !== null ? MB(started - before) : null, with_lksa_mb: before !== null && loaded !== null ? MB(loaded - before) : null }));
    expect(bootMs).toBeLessThan(20_000);
  }, 180_000);

  it('renders with the published tables and the examples', async () => {
    const page = site.page;
    await page.goto(`${site.origin}/?v=console`);
    await page.waitForSelector('#console-sql', { timeout: 120_000 });
    expect(await page.textContent('h2')).toBe('Konsol SQL');
    await page.waitForSelector('.console-tables [data-table="regions"]', { timeout: 60_000 });
    const names = await page.$$eval('.console-tables [data-table]', (els) => els.map((e) => e.getAttribute('data-table')));
    expect(names.sort()).toEqual(Object.keys(manifest.tables).sort());
    expect(await page.locator('[data-example]').count()).toBe(EXAMPLES.length);
    // A table name clicked goes into the editor.
    await page.fill('#console-sql', 'SELECT * FROM ');
    await page.focus('#console-sql');
    await page.press('#console-sql', 'End');
    await page.click('.console-tables [data-table="kla"]');
    expect(await page.inputValue('#console-sql')).toBe('SELECT * FROM kla');
  }, 180_000);

  it('runs a query, keeps it in the URL and shows the values DuckDB computes from the Parquet files', async () => {
    const page = site.page;
    const sql = "SELECT region_code, name, child_population FROM regions WHERE level = 'province' ORDER BY region_code";
    await runSql(page, sql);
    await page.waitForSelector('[data-testid="console-result"]', { timeout: 60_000 });
    expect(new URLSearchParams(new URL(page.url()).search).get('sql')).toBe(sql);
    expect(await shownRows(page)).toEqual(await expected(sql));
    expect(await page.textContent('[data-testid="console-status"]')).toMatch(/^38 baris dalam \d+,\d\d dtk$/);
  }, 120_000);

  it('downloads the result: the ZIP\'s Parquet and CSV, read back, equal the rows; its query.sql reproduces them', async () => {
    const page = site.page;
    const sql = "SELECT region_code, name, child_population, lat FROM regions WHERE level = 'province' ORDER BY region_code";
    await runSql(page, sql);
    await page.waitForSelector('[data-testid="console-result"] [data-slot="downloads"] button', { timeout: 60_000 });
    const want = await db.rows(sql);
    for (const format of ['Parquet', 'CSV'] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-slot="downloads"] button', { hasText: format }).click(),
      ]);
      const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
      expect(download.suggestedFilename()).toMatch(/^pantau-anak_sql-console_.+\.zip$/);
      expect(Object.keys(zip).sort()).toEqual(expect.arrayContaining(['README.txt', 'CITATION.bib', 'datapackage.json', 'query.sql']));
      const dir = mkdtempSync(join(tmpdir(), 'pantau-console-dl-'));
      for (const [name, bytes] of Object.entries(zip)) writeFileSync(join(dir, name), bytes);
      const file = join(dir, format === 'Parquet' ? 'data.parquet' : 'data.csv').replace(/'/g, "''");
      // CSV carries no types: read as text (codes such as 32.10 are text) and compare with the rows as text.
      const got = await db.rows(format === 'Parquet' ? `SELECT * FROM read_parquet('${file}')` : `SELECT * FROM read_csv('${file}', header = true, all_varchar = true)`);
      const asText = (rows: Row[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : String(v)])));
      if (format === 'Parquet') expect(got, 'Parquet read back by DuckDB').toEqual(want);
      else expect(asText(got), 'CSV read back by DuckDB').toEqual(asText(want));
      if (format === 'Parquet') {
        const bytes = readFileSync(join(dir, 'data.parquet'));
        const hp = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
        expect(plainRows(hp as Array<Record<string, unknown>>), 'Parquet read back by hyparquet').toEqual(want);
      }
      // query.sql: views over the snapshot's Parquet files, then the console's statement.
      const fresh = await openSnapshotDb([]);
      const statements = strFromU8(zip['query.sql']!).split('\n').filter((l) => l.trim() !== '' && !l.startsWith('--'));
      for (const st of statements.slice(0, -1)) await fresh.run(st);
      expect(await fresh.rows(statements.at(-1)!), `query.sql: ${statements.join(' | ')}`).toEqual(want);
      await fresh.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it.each(REFUSED)('refuses %s', async (sql, subject) => {
    const page = site.page;
    await runSql(page, sql);
    const alert = page.locator('[role="alert"][data-kind="refused"]');
    await alert.waitFor({ timeout: 30_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('Kueri ditolak');
    expect(text.toLowerCase()).toContain(subject.toLowerCase());
  });

  it('shows DuckDB\'s error for a failing query, then runs a good one on the same engine', async () => {
    const page = site.page;
    await runSql(page, 'SELECT no_such_column FROM regions', 'button');
    const alert = page.locator('[role="alert"][data-kind="error"]');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toMatch(/Binder Error.*no_such_column/s);
    await runSql(page, "SELECT count(*) AS n FROM regions WHERE level = 'regency'");
    expect(await shownRows(page)).toEqual([['514']]);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
  }, 60_000);

  it('stops a big cross join at the row cap, with a notice', async () => {
    const page = site.page;
    await runSql(page, 'SELECT a.region_code AS a, b.region_code AS b FROM regions a, regions b');
    await page.waitForSelector('[data-testid="console-cap"]', { timeout: 60_000 });
    expect(await page.getAttribute('[data-testid="console-result"]', 'data-rows')).toBe('10000');
    expect(await page.textContent('[data-testid="console-cap"]')).toContain('10.000');
    expect(await page.locator('.console-table tbody tr').count()).toBe(1000);
  }, 60_000);

  it('cancels a long query; the next query runs', async () => {
    const page = site.page;
    const sql = 'SELECT sum(a.range * b.range) FROM range(10000000) a, range(1000000) b';
    await traceEngine(page);
    await page.fill('#console-sql', sql);
    await page.click('.console-run');
    await page.waitForFunction(() => /Menjalankan/.test(document.querySelector('[data-testid="console-status"]')?.textContent ?? ''));
    await engineHas(page, sql, 'running'); // the engine has begun the cross join (and is not done)
    const t0 = Date.now();
    await page.click('.console-cancel');
    await page.waitForFunction(() => document.querySelector('[data-testid="console-status"]')?.textContent === 'Kueri dibatalkan.', undefined, { timeout: 20_000 });
    expect(Date.now() - t0).toBeLessThan(20_000);
    await runSql(page, 'SELECT 40 + 2 AS answer');
    expect(await shownRows(page)).toEqual([['42']]);
    // The rest of the app still queries the same engine: another page renders its data.
    await page.goto(`${site.origin}/?v=lksa`);
    await page.waitForSelector('[data-figure="institutions"]', { timeout: 60_000 });
    await page.goto(`${site.origin}/?v=console`);
    await page.waitForSelector('#console-sql');
  }, 90_000);

  it.each(EXAMPLES.map((e) => [e.id, e.sql]))('runs the example %s with the values of @duckdb/node-api', async (id, sql) => {
    const page = site.page;
    await page.click(`[data-example="${id}"]`);
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('.console-run')?.disabled, undefined, { timeout: 60_000 });
    expect(await page.locator('[role="alert"]').count(), await page.locator('[role="alert"]').allTextContents().then((t) => t.join())).toBe(0);
    expect(await page.inputValue('#console-sql')).toBe(sql);
    const rows = await shownRows(page);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(await expected(sql));
  }, 90_000);

  it('shows a failing statement\'s error at its line and column in the user\'s own text, never the guard\'s wrapper', async () => {
    const page = site.page;
    if (!(await page.$('#console-sql'))) await page.goto(`${site.origin}/?v=console`);
    await runSql(page, 'SELECT name,\n  no_such FROM regions');
    const alert = page.locator('[role="alert"][data-kind="error"]');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.getAttribute('data-line')).toBe('2');
    expect(await alert.getAttribute('data-column')).toBe('3');
    expect(await page.textContent('[data-testid="console-error-excerpt"]')).toBe('  no_such FROM regions\n  ^');
    const text = (await alert.innerText());
    expect(text).toContain('Binder Error: Referenced column "no_such" not found in FROM clause!');
    expect(text).toContain('Baris 2, kolom 3 dari pernyataan Anda:');
    expect(text).not.toMatch(/EXPLAIN|query\(|LINE 1/);
    // A syntax error, after a quoted quote and non-ASCII text.
    await runSql(page, "SELECT 'it''s Indonésia' AS a\nFORM regions");
    await alert.waitFor({ timeout: 30_000 });
    expect(await page.textContent('[data-testid="console-error-excerpt"]'), await alert.innerText()).toBe('FORM regions\n^');
    expect(await alert.innerText()).toContain('Parser Error: syntax error at or near "FORM"');
    // In English once.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => alert.innerText()).toContain('Line 2, column 1 of your statement:');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
  }, 60_000);

  it('cannot freeze the dashboard: a long single expression runs in the console\'s worker alone, Cancel stops it at once', async () => {
    const page = site.page;
    const { dashboard, console: consoleWorker } = await engineWorkers(page);
    expect(dashboard && consoleWorker).toBeTruthy();
    const long = "SELECT levenshtein(repeat('a', 150000), repeat('b', 150000)) AS d";
    await traceEngine(page);
    await page.fill('#console-sql', long);
    await page.click('.console-run');
    await page.waitForFunction(() => /Menjalankan/.test(document.querySelector('[data-testid="console-status"]')?.textContent ?? ''));
    await consoleComputing(page, consoleWorker, long);
    // The console's worker is busy inside one expression; the dashboard's answers at once.
    expect(await answersWithin(consoleWorker, 1500)).toBe('busy');
    const t1 = Date.now();
    expect(await answersWithin(dashboard, 5000)).toBe('free');
    expect(Date.now() - t1).toBeLessThan(1000);
    const t0 = Date.now();
    await page.click('.console-cancel');
    await page.waitForFunction(() => document.querySelector('[data-testid="console-status"]')?.textContent === 'Kueri dibatalkan.', undefined, { timeout: 10_000 });
    const cancelMs = Date.now() - t0;
    expect(cancelMs).toBeLessThan(3000);
    // A fresh console engine answers the next query.
    const t2 = Date.now();
    await runSql(page, 'SELECT 40 + 2 AS answer');
    expect(await shownRows(page)).toEqual([['42']]);
    const nextMs = Date.now() - t2;
    const restarts = await measures(page, 'pantau:console-engine');
    console.log('console cancel:', JSON.stringify({ cancel_ms: cancelMs, next_query_ms: nextMs, engine_starts_ms: restarts }));
    // Again, then leave for another page while it runs: the dashboard's views draw at once.
    const fresh = (await engineWorkers(page)).console;
    await traceEngine(page);
    await page.fill('#console-sql', long);
    await page.click('.console-run');
    await consoleComputing(page, fresh, long);
    const t3 = Date.now();
    await page.getByRole('link', { name: 'KLA', exact: true }).click();
    await page.waitForSelector('[data-section="kla-categories"] .chart svg', { timeout: 30_000 });
    expect(Date.now() - t3).toBeLessThan(15_000);
    await page.goBack();
    await page.waitForSelector('#console-sql');
  }, 120_000);

  it('caps a result by bytes as well as rows, with a notice saying which', async () => {
    const page = site.page;
    // 400 rows of 100,000 characters: 80 MB in the page; the 32 MiB cap keeps 167 rows.
    await runSql(page, "SELECT i, repeat('x', 100000) AS s FROM range(400) t(i) ORDER BY i");
    await page.waitForSelector('[data-testid="console-cap"]', { timeout: 60_000 });
    expect(await page.getAttribute('[data-testid="console-result"]', 'data-capped')).toBe('bytes');
    expect(await page.getAttribute('[data-testid="console-result"]', 'data-rows')).toBe('167');
    expect(await page.textContent('[data-testid="console-cap"]')).toContain('melebihi batas 32 MB');
    // A cell that long is cut in the page (the downloads keep it whole).
    expect((await page.textContent('.console-table tbody tr:first-child td:nth-child(2)'))!.length).toBe(1001);
  }, 60_000);

  it('says when a statement is too long for a link instead of cutting it', async () => {
    const page = site.page;
    // About 11,000 characters: a flat IN list (a deep 1 + 1 + ... would pass DuckDB's expression depth).
    const long = `SELECT count(*) AS n FROM range(100000) t(i) WHERE i IN (${Array.from({ length: 2000 }, (_v, i) => i).join(', ')})`;
    await page.fill('#console-sql', long);
    const note = page.locator('[data-testid="console-link-note"]');
    await note.waitFor({ timeout: 10_000 });
    expect(await note.innerText()).toContain('terlalu panjang untuk tautan');
    expect(new URL(page.url()).searchParams.get('sql')).toBeNull();
    expect(page.url().length).toBeLessThan(8000);
    await runSql(page, long, 'button');
    expect(await shownRows(page)).toEqual([['2000']]);
    await page.getByRole('button', { name: 'Salin tautan' }).click();
    await expect.poll(() => page.textContent('.copy-link-status')).toContain('tanpa pernyataan SQL');
    await runSql(page, 'SELECT 1 AS one');
    expect(await note.count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('sql')).toBe('SELECT 1 AS one');
  }, 60_000);

  it('CSV downloads neutralise formula-like cells; the Parquet keeps the exact values; the README says which', async () => {
    const page = site.page;
    await runSql(page, "SELECT '=1+2' AS f, '-x' AS g, -5 AS n, '@a' AS h, 'plain' AS p, '+62 21' AS phone");
    await page.waitForSelector('[data-slot="downloads"] button', { timeout: 60_000 });
    const zipOf = async (format: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-slot="downloads"] button', { hasText: format }).click()]);
      return unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    };
    const csv = await zipOf('CSV');
    const lines = strFromU8(csv['data.csv']!).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[1]).toBe(`"'=1+2","'-x",-5,"'@a",plain,"'+62 21"`);
    expect(strFromU8(csv['README.txt']!)).toContain('CSV injection, OWASP');
    const pq = (await zipOf('Parquet'))['data.parquet']!;
    const rows = await parquetReadObjects({ file: pq.buffer.slice(pq.byteOffset, pq.byteOffset + pq.byteLength) as ArrayBuffer });
    expect(plainRows(rows as Array<Record<string, unknown>>)).toEqual([{ f: '=1+2', g: '-x', n: -5, h: '@a', p: 'plain', phone: '+62 21' }]);
  }, 60_000);

  it('sent nothing elsewhere, logged no error and passes axe; screenshot', async () => {
    const page = site.page;
    await page.click('[data-example="rate-by-province"]');
    await page.waitForSelector('[data-testid="console-result"]', { timeout: 60_000 });
    await page.click('.console-tables summary >> nth=0');
    await page.screenshot({ path: join(SITE.shots, 'console.png'), fullPage: true });
    expect(site.browser.external).toEqual([]);
    expect(site.browser.consoleErrors).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 60_000);
});
