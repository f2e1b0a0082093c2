import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Fault } from './harness.ts';
import { DESKTOP, SITE, useSite } from './site.ts';

// Faults in the browser, on the built site, each injected by the test server (or by the browser's routing) and then
// taken away: the page names the failure within seconds, once, in Bahasa Indonesia (and in English after the
// switch); what does not need the failed part keeps working; "Coba lagi" succeeds once the fault is gone.
//  - the engine: its .wasm missing, mis-typed (as a host answering a missing file with index.html does), truncated,
//    or its worker script missing;
//  - landing.json missing; a table's file missing, its download dropped or stalled;
//  - a page's code that does not arrive (blocked, or the browser offline), itself or a file it imports.

const { id: snapshotId } = SITE.snapshot;
const site = useSite({ viewport: DESKTOP });

const WASM = /^\/assets\/duckdb-(eh|mvp)-[^/]*\.wasm$/;
const DUCKDB_WORKER = /^\/assets\/duckdb-browser-(eh|mvp)\.worker-[^/]*\.js$/;
const table = (name: string) => new RegExp(`^/data/${snapshotId}/${name}\\.parquet$`);

const engineState = (page: Page) => page.getAttribute('[data-engine]', 'data-engine');
/** The visible text of the alerts on the page (closed <details> are not visible: the technical words stay out). */
const alerts = (page: Page) => page.locator('[role="alert"]').allInnerTexts();
const retry = (page: Page, scope = 'main') => page.locator(`${scope} .load-failure-retry`).first().click();
const engineReady = (page: Page) => page.waitForFunction(() => document.querySelector('[data-engine]')?.getAttribute('data-engine') === 'ready', undefined, { timeout: 60_000 });

/**
 * With `fault` on a table's file, opens a view: its one alert holds `message` (returned: how long it took to show);
 * then, the fault gone, "Coba lagi" draws `drawn` and no alert is left.
 */
async function namedThenRetried(page: Page, name: string, fault: Fault, view: string, message: string, drawn: string): Promise<number> {
  site.server.clearFaults();
  site.server.fault(table(name), fault);
  const t0 = Date.now();
  await page.goto(`${site.origin}/?v=${view}`);
  await page.locator('main [role="alert"]').waitFor({ timeout: 60_000 });
  const ms = Date.now() - t0;
  expect(await alerts(page)).toEqual([expect.stringContaining(message)]);
  site.server.clearFaults();
  await retry(page);
  await page.waitForSelector(drawn, { timeout: 60_000 });
  expect(await alerts(page)).toEqual([]);
  return ms;
}

describe('the engine does not start', () => {
  const cases: Array<[string, RegExp, Fault, string]> = [
    ['its .wasm is missing (404)', WASM, { kind: 'status', status: 404 }, 'Mesin kueri tidak dapat dimulai: berkas mesinnya (.wasm) tidak ditemukan di server.'],
    ['its .wasm comes as index.html would (text/html)', WASM, { kind: 'type', contentType: 'text/html; charset=utf-8' }, 'bukan sebagai application/wasm'],
    ['its .wasm comes with the wrong MIME type', WASM, { kind: 'type', contentType: 'application/octet-stream' }, 'bukan sebagai application/wasm'],
    ['its .wasm is truncated', WASM, { kind: 'truncate', bytes: 1_000_000 }, 'Mesin kueri tidak dapat dimulai: berkas mesinnya (.wasm) rusak atau terpotong.'],
    ['its worker script is missing', DUCKDB_WORKER, { kind: 'status', status: 404 }, 'Mesin kueri tidak dapat dimulai: berkas pekerjanya (worker) tidak dapat dimuat dari server.'],
  ];
  it.each(cases)('%s: named within seconds; the first paint and the rest stay usable; a retry starts it', async (name, path, fault, words) => {
    const page = site.page;
    site.server.clearFaults();
    site.server.fault(path, fault);
    const t0 = Date.now();
    await page.goto(`${site.origin}/?v=map`);
    const alert = page.locator('.status-bar [role="alert"]');
    await alert.waitFor({ timeout: 20_000 });
    const ms = Date.now() - t0;
    expect(ms, `named after ${ms} ms`).toBeLessThan(10_000);
    expect(await engineState(page)).toBe('error');
    expect(await alert.innerText()).toContain(words);
    // Once: the map's own query failed for the same reason and says only that it is not available.
    await expect.poll(() => page.locator('main .load-failure-ref').count()).toBeGreaterThan(0);
    expect(await alerts(page)).toHaveLength(1);
    // The first paint stays: the static map and its numbers in the table (from the landing slice).
    expect(await page.locator('#landing-map').isVisible()).toBe(true);
    expect(await page.getAttribute('.map-view', 'data-source')).toBe('landing');
    expect(await page.locator('.map-table tbody tr').count()).toBe(38);
    if (name.includes('404')) {
      // Once in English: the switch works without the engine, and the message follows.
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => alert.innerText()).toContain('The query engine could not start: its engine file (.wasm) was not found on the server.');
      expect((await alerts(page)).join()).not.toMatch(/Mesin kueri/);
      await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    }
    // A page that needs no engine opens: the console's list of published tables comes from the manifest.
    await page.getByRole('link', { name: 'Konsol SQL', exact: true }).click();
    await page.waitForSelector('.console-tables [data-table="regions"]', { timeout: 30_000 });
    expect(await alert.innerText()).toContain(words);
    // The console's own engine meets the same fault: its run names it, and its retry runs the query once it is gone.
    const consoleFailure = page.locator('[data-kind="load"] [role="alert"]');
    if (name.includes('404')) {
      await page.fill('#console-sql', 'SELECT 40 + 2 AS answer');
      await page.click('.console-run');
      await consoleFailure.waitFor({ timeout: 20_000 });
      expect(await consoleFailure.innerText()).toContain(words);
    }
    // The fault gone, "Coba lagi" starts the engine (the console's, then the page's); the map then draws from it.
    site.server.clearFaults();
    if (name.includes('404')) {
      await consoleFailure.locator('.load-failure-retry').click();
      await page.waitForSelector('[data-testid="console-result"]', { timeout: 60_000 });
      expect(await page.textContent('.console-table tbody')).toBe('42');
    }
    await retry(page, '.status-bar');
    await engineReady(page);
    await page.getByRole('link', { name: 'Peta', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('.map-view')?.getAttribute('data-source') === 'query', undefined, { timeout: 60_000 });
    expect(await alerts(page)).toEqual([]);
    expect(site.browser.external).toEqual([]);
  }, 120_000);
});

describe('the snapshot\'s files', () => {
  it('landing.json missing does not take the app down: the map is drawn from the engine', async () => {
    const page = site.page;
    site.server.clearFaults();
    site.server.fault(/\/landing\.json$/, { kind: 'status', status: 404 });
    await page.goto(`${site.origin}/?v=map`);
    await page.waitForFunction(() => document.querySelector('.map-view')?.getAttribute('data-source') === 'query', undefined, { timeout: 60_000 });
    expect(await page.locator('.map-table tbody tr').count()).toBe(38);
    await page.getByRole('link', { name: 'LKSA', exact: true }).click();
    await page.waitForSelector('[data-figure="institutions"]', { timeout: 60_000 });
    expect(await alerts(page)).toEqual([]);
    site.server.clearFaults();
  }, 120_000);

  it('a table\'s file missing: named once in Bahasa Indonesia (once in English), other pages work, a retry loads it', async () => {
    const page = site.page;
    site.server.clearFaults();
    site.server.fault(table('kla'), { kind: 'status', status: 404 });
    await page.goto(`${site.origin}/?v=kla`);
    await page.locator('main [role="alert"]').waitFor({ timeout: 60_000 });
    // Every other part that needed kla says only that it is not available (none waits for ever); nothing in English,
    // no file path.
    await expect.poll(() => page.locator('main .load-failure-ref').count(), { timeout: 30_000 }).toBe(4);
    expect(await page.locator('main [role="status"]').count()).toBe(0);
    expect(await alerts(page)).toEqual([expect.stringContaining('Tabel kla tidak ditemukan di server (berkasnya hilang).')]);
    const text = await page.innerText('main');
    expect(text).not.toMatch(/Failed|HTTP 404|kla\.parquet|table kla/);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => alerts(page)).toEqual([expect.stringContaining('Table kla was not found on the server (its file is missing).')]);
    expect(await page.innerText('main')).not.toMatch(/Tabel kla|Gagal/);
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    // Another page, on tables that exist, works on the same engine.
    await page.getByRole('link', { name: 'LKSA', exact: true }).click();
    await page.waitForSelector('[data-figure="institutions"]', { timeout: 60_000 });
    await page.goBack();
    await page.locator('main [role="alert"]').waitFor({ timeout: 60_000 });
    site.server.clearFaults();
    await retry(page);
    await page.waitForSelector('[data-section="kla-categories"] .chart svg', { timeout: 60_000 });
    expect(await alerts(page)).toEqual([]);
  }, 120_000);

  it('a table\'s download dropped mid-way: "koneksi terputus", and a retry loads it', async () => {
    await namedThenRetried(site.page, 'lksa', { kind: 'drop' }, 'lksa', 'Tabel lksa tidak dapat diunduh: koneksi terputus.', '[data-figure="institutions"]');
  }, 120_000);

  it('a stalled table download times out with a message after 10 s, and a retry loads it', async () => {
    const ms = await namedThenRetried(site.page, 'kla', { kind: 'stall', bytes: 2_000 }, 'kla', 'Unduhan tabel kla macet: tidak ada data selama 10 detik.',
      '[data-section="kla-categories"] .chart svg');
    expect(ms).toBeGreaterThanOrEqual(10_000);
    expect(ms).toBeLessThan(20_000);
    expect(site.browser.external).toEqual([]);
  }, 120_000);
});

describe('a page whose code does not arrive', () => {
  it('blocked chunk: the shell stays, the failure is named, and a retry after reconnecting renders the view (no reload)', async () => {
    const page = site.page;
    site.server.clearFaults();
    await page.goto(`${site.origin}/?v=map`);
    await engineReady(page);
    await page.evaluate(() => { (window as unknown as { marker: number }).marker = 1; });
    let block = true;
    await page.route(/\/assets\/KlaView-[^/]*\.js/, (route) => (block ? route.abort('internetdisconnected') : route.continue()));
    await page.getByRole('link', { name: 'KLA', exact: true }).click();
    await page.locator('main [role="alert"]').waitFor({ timeout: 30_000 });
    expect(await alerts(page)).toEqual([expect.stringContaining('Bagian aplikasi ini tidak dapat dimuat: koneksi terputus sebelum kodenya tiba.')]);
    expect(await page.locator('nav a').count()).toBe(8);
    // Still failing while blocked: retry says so again, the shell stays.
    await retry(page);
    await expect.poll(() => alerts(page)).toEqual([expect.stringContaining('Bagian aplikasi ini tidak dapat dimuat')]);
    block = false;
    await retry(page);
    await page.waitForSelector('[data-section="kla-categories"] .chart svg', { timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(await alerts(page)).toEqual([]);
    await page.unroute(/\/assets\/KlaView-[^/]*\.js/);
  }, 120_000);

  it('offline, then back online: a retry renders the view', async () => {
    const page = site.page;
    await page.goto(`${site.origin}/?v=map`);
    await engineReady(page);
    await site.browser.context.setOffline(true);
    try {
      await page.getByRole('link', { name: 'Laporan', exact: true }).click();
      await page.locator('main [role="alert"]').waitFor({ timeout: 30_000 });
      expect(await alerts(page)).toEqual([expect.stringContaining('Bagian aplikasi ini tidak dapat dimuat')]);
    } finally {
      await site.browser.context.setOffline(false);
    }
    await retry(page);
    await page.waitForSelector('.report', { timeout: 60_000 });
    expect(await alerts(page)).toEqual([]);
  }, 120_000);

  it('a file the view imports did not arrive: the retry reloads the page, which opens the same view', async () => {
    const page = site.page;
    await page.goto(`${site.origin}/?v=map`);
    await engineReady(page);
    await page.evaluate(() => { (window as unknown as { marker: number }).marker = 1; });
    let block = true;
    await page.route(/\/assets\/Chart-[^/]*\.js/, (route) => (block ? route.abort('internetdisconnected') : route.continue()));
    await page.getByRole('link', { name: 'Kekerasan', exact: true }).click();
    await page.locator('main [role="alert"]').waitFor({ timeout: 30_000 });
    expect(await alerts(page)).toEqual([expect.stringContaining('Bagian aplikasi ini tidak dapat dimuat')]);
    block = false;
    await retry(page);
    await page.waitForSelector('[data-figure-id="violence-type"] .chart svg', { timeout: 60_000 });
    expect(new URL(page.url()).searchParams.get('v')).toBe('violence');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBeUndefined();
    await page.unroute(/\/assets\/Chart-[^/]*\.js/);
    expect(site.browser.external).toEqual([]);
  }, 120_000);
});
