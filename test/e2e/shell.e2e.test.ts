import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSite, SITE, useSite } from './site.ts';

// The shell on the built site (dist/): language switch with locale formats, the URL as the state (links reproduce
// a view, back and forward work), the synthetic-data banner on every page, and a table file really missing from the
// site, named while the rest of the app keeps working (test/e2e/faults.e2e.test.ts injects many more faults).
// Build first: npm run build.

const { id: current, dir: snapshotDir } = SITE.snapshot;
const landing = JSON.parse(readFileSync(join(snapshotDir, 'landing.json'), 'utf8')) as { violence_headline: { victims: number } };
const VIEWS = ['map', 'profile', 'violence', 'lksa', 'kla'] as const;

const site = useSite();
const navLabels = () => site.page.$$eval('nav[aria-label] a', (as) => as.map((a) => a.textContent));

describe('the shell in Chromium', () => {
  it('paints the synthetic-data notice and the first map before any script runs', async () => {
    const html = readFileSync(join(SITE.dist, 'index.html'), 'utf8');
    expect(html).toMatch(/<div id="synthetic-banner" class="synthetic-banner" role="note">DATA SINTETIS/);
    expect(html).toMatch(/<figure id="landing-map"[^>]*><svg[^>]*role="img"/);
    expect(html).toContain(new Intl.NumberFormat('id-ID').format(landing.violence_headline.victims));
    expect(html).toMatch(/Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
  });

  it('says the data are synthetic on every page', async () => {
    const page = site.page;
    for (const v of VIEWS) {
      await page.goto(`${site.origin}/?v=${v}`);
      await expect.poll(() => page.textContent('.synthetic-banner'), { timeout: 30_000 }).toMatch(/DATA SINTETIS/);
    }
  });

  it('switches language: labels, the page language and number formats follow, and the choice is in the URL', async () => {
    const page = site.page;
    await page.goto(`${site.origin}/?v=violence`);
    const victims = new Intl.NumberFormat('id-ID').format(landing.violence_headline.victims);
    await expect.poll(() => page.textContent('main'), { timeout: 60_000 }).toContain(victims);
    expect(await navLabels()).toEqual(['Peta', 'Profil wilayah', 'Kekerasan', 'LKSA', 'KLA', 'Data', 'Konsol SQL', 'Laporan']);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('lang') === 'en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await navLabels()).toEqual(['Map', 'Region profile', 'Violence', 'LKSA', 'KLA', 'Data', 'SQL console', 'Report']);
    await expect.poll(() => page.textContent('main')).toContain(new Intl.NumberFormat('en-GB').format(landing.violence_headline.victims));
    expect(await page.textContent('.synthetic-banner')).toMatch(/SYNTHETIC DEMO DATA/);
    await page.reload();
    await expect.poll(() => navLabels(), { timeout: 30_000 }).toEqual(['Map', 'Region profile', 'Violence', 'LKSA', 'KLA', 'Data', 'SQL console', 'Report']);
    await page.goBack();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('id');
  });

  it('keeps the view in the URL: a link reproduces it and back/forward walk the history', async () => {
    const page = site.page;
    await page.goto(`${site.origin}/`);
    for (const [label, view] of [['KLA', 'kla'], ['LKSA', 'lksa'], ['Kekerasan', 'violence']] as const) {
      await page.getByRole('link', { name: label, exact: true }).click();
      await page.waitForFunction((v) => new URLSearchParams(location.search).get('v') === v, view);
      expect(await page.getAttribute(`nav a[aria-current="page"]`, 'href')).toBe(`?v=${view}`);
    }
    await page.goBack();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('v') === 'lksa');
    await expect.poll(() => page.getAttribute('nav a[aria-current="page"]', 'href')).toBe('?v=lksa');
    await page.goForward();
    await expect.poll(() => page.getAttribute('nav a[aria-current="page"]', 'href')).toBe('?v=violence');
    const link = page.url();
    const other = await site.browser.context.newPage();
    await other.goto(link);
    await expect.poll(() => other.getAttribute('nav a[aria-current="page"]', 'href'), { timeout: 30_000 }).toBe('?v=violence');
    await other.close();
  });

  it('has made no request to another origin and logged no console error', () => {
    expect(site.browser.external).toEqual([]);
    expect(site.browser.consoleErrors).toEqual([]);
  });
});

describe('a table that fails to load', () => {
  it('is named in a message, and the rest of the app keeps working', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'pantau-broken-'));
    cpSync(SITE.dist, copy, { recursive: true });
    for (const ext of ['', '.br', '.gz']) rmSync(join(copy, 'data', current, `kla.parquet${ext}`), { force: true });
    const b = await openSite({ dir: copy });
    try {
      await b.page.goto(`${b.origin}/?v=kla`);
      // Named once, in Bahasa Indonesia, with a retry; the file and status only in the folded technical details.
      await expect.poll(() => b.page.locator('[role="alert"]').allInnerTexts(), { timeout: 60_000 })
        .toEqual([expect.stringContaining('Tabel kla tidak ditemukan di server (berkasnya hilang).')]);
      expect(await b.page.textContent('[role="alert"] .load-failure-detail code')).toMatch(/kla \(.*kla\.parquet\).*404/s);
      // Another page, on tables that exist, still works.
      await b.page.getByRole('link', { name: 'LKSA', exact: true }).click();
      await expect.poll(() => b.page.textContent('main'), { timeout: 60_000 }).toContain(new Intl.NumberFormat('id-ID').format(14445));
      expect(b.browser.external).toEqual([]);
    } finally {
      await b.close();
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
