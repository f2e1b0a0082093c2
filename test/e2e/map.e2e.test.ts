import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import { indicatorById } from '../../src/domain/indicators.ts';
import { familyFile, indicatorSql } from '../../src/domain/indicators/sql.ts';
import { paletteFor } from '../../src/domain/palettes.ts';
import { SITE, seriousAxeViolations, useSite, useSnapshotDb } from './site.ts';

// The map explorer in Chromium on the built site (dist/, demo snapshot; PANTAU_DIST to test another build):
// the static first paint hands over to a MapLibre canvas that shows the data; the table's values equal the indicator
// SQL run with @duckdb/node-api on the snapshot's Parquet files; the year slider changes the numbers; a province
// drills down to its kab/kota only; a kab/kota (row or map feature) opens its profile; nothing leaves the origin;
// no console error; axe-core finds no serious or critical violation. Screenshot: test-results/screenshots/map.png.
// Build first: npm run build:data -- --if-missing && npx vite build.

const INDICATOR = indicatorById('violence-victim-rate')!;

const db = useSnapshotDb(INDICATOR.tables);
const site = useSite();
const timings: Record<string, number> = {};
/** The map table as first shown, before the engine's rows replaced the landing slice's (read by the first test). */
let early: Map<string, { name: string; value: string }> | undefined;
afterAll(() => { console.log('map e2e timings (ms):', JSON.stringify(timings)); });

/** The indicator's own SQL (its family template filled from the catalogue, the text the app runs), for one year and level, by region code. */
async function expected(year: number, level: 'province' | 'regency'): Promise<Map<string, { value: number | null; suppressed: boolean }>> {
  const sql = indicatorSql(INDICATOR, readFileSync(join(REPO_ROOT, 'queries', 'app', `${familyFile(INDICATOR.sql.family)}.sql`), 'utf8'));
  const rows = await db.rows(`SELECT region_code, value, suppressed FROM (${sql}\n) WHERE year = $year AND level = $level`, { year, level });
  return new Map(rows.map((r) => [String(r.region_code), { value: r.value === null ? null : Number(r.value), suppressed: r.suppressed === true }]));
}

async function latestYear(): Promise<number> {
  return Number((await db.one('SELECT max(year)::INTEGER AS y FROM violence_totals')).y);
}

const nf = (n: number, digits: number) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
const shown = (e: { value: number | null; suppressed: boolean } | undefined) =>
  !e ? 'tidak ada data' : e.suppressed ? 'disembunyikan' : e.value === null ? 'tidak ada data' : nf(e.value, INDICATOR.digits);

/** The map has drawn what the controls say (data-painted holds indicator|year|level|classes|province). */
async function painted(page: Page, part: string, timeout = 120_000): Promise<void> {
  await page.waitForFunction((p) => document.querySelector('.choropleth')?.getAttribute('data-painted')?.includes(p) ?? false, part, { timeout });
}

/** Resolves once the page has drawn a frame after now (two animation frames: one starts, the next follows it). */
async function framed(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Cell texts of the map table by region code: { name, value }. */
async function tableValues(page: Page): Promise<Map<string, { name: string; value: string }>> {
  const rows = await page.evaluate(() => {
    const table = document.querySelector('.map-table table')!;
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
    const valueCol = heads.findIndex((h) => h.startsWith('Nilai'));
    return [...table.querySelectorAll('tbody tr')].map((tr) => {
      const cells = [...tr.children].map((c) => (c.textContent ?? '').trim());
      return { code: tr.getAttribute('data-key') ?? '', name: cells[0] ?? '', value: cells[valueCol] ?? '' };
    });
  });
  return new Map(rows.map((r) => [r.code, { name: r.name, value: r.value }]));
}

/**
 * Measures, inside the page, from the slider's input event to the map reporting the new paint (data-painted
 * changes once MapLibre is idle with the new colours): what a user waits for after a key press.
 */
async function watchRedraw(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __redraw: { start: number; end: number } };
    w.__redraw = { start: 0, end: 0 };
    const slider = document.querySelector('.year-slider input')!;
    slider.addEventListener('input', () => { w.__redraw.start = performance.now(); }, { once: true, capture: true });
    const el = document.querySelector('.choropleth')!;
    const obs = new MutationObserver(() => {
      if (w.__redraw.start > 0) { w.__redraw.end = performance.now(); obs.disconnect(); }
    });
    obs.observe(el, { attributes: true, attributeFilter: ['data-painted'] });
  });
}

async function redrawMs(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as unknown as { __redraw: { end: number } }).__redraw.end > 0);
  return Math.round(await page.evaluate(() => {
    const r = (window as unknown as { __redraw: { start: number; end: number } }).__redraw;
    return r.end - r.start;
  }));
}

/** How many pixels of the map canvas have each of the given colours (the canvas keeps its drawing buffer). */
async function canvasColours(page: Page, colours: string[]): Promise<number[]> {
  return page.evaluate((hexes) => {
    const gl = document.querySelector<HTMLCanvasElement>('.choropleth canvas')!;
    const c = document.createElement('canvas');
    c.width = gl.width;
    c.height = gl.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(gl, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const targets = hexes.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
    const counts = hexes.map(() => 0);
    for (let p = 0; p < data.length; p += 4) {
      targets.forEach((t, i) => {
        if (Math.abs(data[p]! - t[0]!) <= 2 && Math.abs(data[p + 1]! - t[1]!) <= 2 && Math.abs(data[p + 2]! - t[2]!) <= 2) counts[i]!++;
      });
    }
    return counts;
  }, colours);
}

describe('map explorer (e2e)', () => {
  describe('paints the static landing map first, then hands over to a MapLibre map with the data', () => {
    let t0: number;
    let landingAtLoad: boolean;
    beforeAll(async () => {
      const page = site.page;
      t0 = Date.now();
      await page.goto(`${site.origin}/`, { waitUntil: 'commit' });
      await page.waitForLoadState('domcontentloaded');
      landingAtLoad = await page.evaluate(() => document.getElementById('landing-map') !== null);
    }, 180_000);

    it('has the landing map in the page before any script runs (baked into index.html)', () => {
      expect(landingAtLoad).toBe(true);
    });

    it('shows the landing map, and does not load MapLibre, until the user reaches for the map', async () => {
      const page = site.page;
      // Still so once the view has had everything it asked for (the engine's rows, data-source="query").
      await page.waitForSelector('.map-overlay[data-landing="shown"]', { timeout: 60_000 });
      await page.waitForSelector('.map-table[aria-busy="false"] table tbody tr', { timeout: 60_000 });
      early = await tableValues(page); // the numbers drawn from the landing slice, if the engine has not answered yet
      await page.waitForSelector('.map-view[data-source="query"]', { timeout: 120_000 });
      expect(await page.locator('.map-overlay[data-landing="shown"]').count()).toBe(1);
      expect(await page.locator('.choropleth').count()).toBe(0);
      expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('maplibre-gl')))).toBe(false);
    }, 180_000);

    it('hands over to a MapLibre canvas once the pointer enters the map', async () => {
      const page = site.page;
      await page.hover('.map-stage');
      await painted(page, `${INDICATOR.id}|`);
      timings.firstMapIdleWall = Date.now() - t0;
      timings.firstMapIdleNav = Math.round(await page.evaluate(() => performance.getEntriesByName('pantau:map-idle')[0]?.startTime ?? -1));
      const source = await page.locator('.map-view').getAttribute('data-source');
      expect(['landing', 'query']).toContain(source); // drawn from the landing slice until the engine answers
      expect(await page.locator('#landing-map').count()).toBe(0);
      expect(await page.locator('.map-overlay').count()).toBe(0);
      await expect.poll(() => page.locator('.choropleth canvas.maplibregl-canvas').count()).toBe(1);
    }, 180_000);

    it('colours the canvas with the classes\' colours (several of them, over many pixels)', async () => {
      const counts = await canvasColours(site.page, paletteFor(INDICATOR, 5));
      expect(counts.filter((n) => n > 200).length).toBeGreaterThanOrEqual(3);
    });

    it('explains five classes, withheld and no data in its legend', async () => {
      const page = site.page;
      await expect.poll(() => page.locator('.legend-item.legend-value').count()).toBe(5);
      expect(await page.locator('.legend-item.legend-suppressed .legend-swatch').evaluate((e) => getComputedStyle(e).backgroundImage)).toContain('data:image/svg+xml');
      expect(await page.locator('.legend-box').textContent()).toContain('Disembunyikan: angka anak 1-4');
    });

    it('shows the reporting-vs-prevalence caveat', async () => {
      await expect.poll(() => site.page.getByText('menunjukkan pelaporan sama besarnya dengan kejadian').isVisible()).toBe(true);
    });

    it('credits the boundaries', async () => {
      expect(await site.page.locator('.choropleth-attrib').textContent()).toBe('Batas wilayah: cahyadsn/wilayah_boundaries (MIT), disederhanakan.');
    });
  });

  it('shows in its table the values the indicator SQL gives on the Parquet files', async () => {
    const page = site.page;
    const year = await latestYear();
    const want = await expected(year, 'province');
    // the numbers drawn before the engine answered (from the landing slice, if it had not yet) ...
    const first = early ?? await tableValues(page);
    for (const [code, e] of want) expect(first.get(code)?.value, code).toBe(shown(e));
    // ... and those of the engine
    await page.waitForSelector('.map-view[data-source="query"]', { timeout: 120_000 });
    const got = await tableValues(page);
    expect(got.size).toBe(38);
    for (const code of ['11', '31', '32', '64', '94']) expect(got.get(code)?.value, code).toBe(shown(want.get(code)));
    // every province, not just a sample
    for (const [code, e] of want) expect(got.get(code)?.value, code).toBe(shown(e));
    expect(await page.locator('.year-value').textContent()).toBe(String(year));
  });

  it('changes the numbers when the year slider moves, and redraws quickly', async () => {
    const page = site.page;
    const year = await latestYear();
    const before = await tableValues(page);
    const slider = page.getByLabel('Tahun', { exact: true });
    await slider.focus();
    await watchRedraw(page);
    await page.keyboard.press('ArrowLeft');
    await painted(page, `|${year - 1}|province|`, 10_000);
    timings.yearChangeRedraw = await redrawMs(page);
    timings.yearChangePaintMs = Number(await page.locator('.choropleth').getAttribute('data-paint-ms'));
    expect(new URL(page.url()).searchParams.get('y')).toBe(String(year - 1));
    await expect.poll(() => page.locator('.year-value').textContent()).toBe(String(year - 1));
    const after = await tableValues(page);
    const want = await expected(year - 1, 'province');
    for (const [code, e] of want) expect(after.get(code)?.value, code).toBe(shown(e));
    expect([...after].some(([code, r]) => r.value !== before.get(code)?.value)).toBe(true);
    // a second change, back: cached query, classification and feature-state only
    await watchRedraw(page);
    await page.keyboard.press('ArrowRight');
    await painted(page, `|${year}|province|`, 10_000);
    timings.yearChangeBackRedraw = await redrawMs(page);
    expect(timings.yearChangeBackRedraw).toBeLessThan(1000);
  });

  describe('drills down into a province: only its kab/kota, a breadcrumb back, the map fitted', () => {
    /** The table's rows once drilled into DI Yogyakarta. */
    let rows: Map<string, { name: string; value: string }>;
    /** The middle of the map canvas (a kab/kota of the province, with the map fitted to it). */
    const middle = async () => {
      const box = (await site.page.locator('.choropleth canvas').boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    beforeAll(async () => {
      const page = site.page;
      await page.goto(`${site.origin}/`);
      await page.hover('.map-stage');
      await painted(page, '|province|');
      await page.locator('.map-table tr[data-key="34"] th button').click();
      await painted(page, '|regency|');
      rows = await tableValues(page);
    }, 180_000);

    it('puts the province and the level in the URL', () => {
      const url = new URL(site.page.url());
      expect([url.searchParams.get('r'), url.searchParams.get('l')]).toEqual(['34', 'regency']);
    });

    it('lists only the province\'s kab/kota, with the values the indicator SQL gives', async () => {
      expect(rows.size).toBe(5); // DI Yogyakarta: 4 kabupaten and 1 kota
      expect([...rows.keys()].every((c) => c.startsWith('34.'))).toBe(true);
      const want = await expected(await latestYear(), 'regency');
      for (const code of rows.keys()) expect(rows.get(code)?.value, code).toBe(shown(want.get(code)));
    });

    it('names the province in the breadcrumb', async () => {
      await expect.poll(() => site.page.locator('.map-breadcrumb').textContent()).toContain('Daerah Istimewa Yogyakarta');
    });

    it('fits the map to the province (screenshot)', async () => {
      const page = site.page;
      await page.locator('.map-breadcrumb').scrollIntoViewIfNeeded();
      await page.evaluate(() => document.querySelector('.map-breadcrumb')!.scrollIntoView({ block: 'start' }));
      // The camera jumps to the province (no flight): the paint of Yogyakarta's kab/kota is the map at rest there;
      // then a frame of the scrolled page.
      await page.waitForFunction(() => /\|regency\|.*\|34$/.test(document.querySelector('.choropleth')?.getAttribute('data-painted') ?? ''));
      await framed(page);
      await page.screenshot({ path: join(SITE.shots, 'map-drilldown.png'), fullPage: false });
    });

    it('shows a kab/kota\'s name and value as text when hovered', async () => {
      const page = site.page;
      const at = await middle();
      await page.mouse.move(at.x, at.y);
      await expect.poll(() => page.locator('.map-tooltip').isVisible()).toBe(true);
      const tip = await page.locator('.map-tooltip').textContent();
      expect([...rows.values()].some((r) => tip?.includes(r.name))).toBe(true);
    });

    it('opens a kab/kota\'s profile when it is clicked on the map; back returns to the drill-down', async () => {
      const page = site.page;
      const at = await middle();
      await page.mouse.click(at.x, at.y);
      await expect.poll(() => new URL(page.url()).searchParams.get('v')).toBe('profile');
      expect(new URL(page.url()).searchParams.get('r')).toMatch(/^34\.\d\d$/);
      await page.goBack();
      await painted(page, '|regency|');
    });

    it('goes back to Indonesia through the breadcrumb', async () => {
      const page = site.page;
      await page.locator('.map-breadcrumb button', { hasText: 'Indonesia' }).click();
      await painted(page, '|province|');
      expect((await tableValues(page)).size).toBe(38);
    });
  });

  it('opens the profile of a kab/kota from its table row', async () => {
    const page = site.page;
    await page.goto(`${site.origin}/?l=regency&p=32`);
    await painted(page, '|regency|');
    const rows = await tableValues(page);
    expect(rows.size).toBe(27);
    await page.locator('.map-table tr[data-key="32.73"] th button').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('v')).toBe('profile');
    expect(new URL(page.url()).searchParams.get('r')).toBe('32.73');
  });

  it('ranks a kab/kota as its profile does: one rule (1 = the highest value), stated beside the rank', async () => {
    const page = site.page;
    await page.goto(`${site.origin}/?i=violence-victim-rate&l=regency&p=32`);
    await painted(page, 'violence-victim-rate|');
    await painted(page, '|regency|');
    const table = await page.evaluate(() => {
      const t = document.querySelector('.map-table table')!;
      const heads = [...t.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').trim());
      const col = heads.findIndex((h) => h.startsWith('Peringkat'));
      return { head: heads[col], ranks: [...t.querySelectorAll('tbody tr')].map((tr) => [tr.getAttribute('data-key'), (tr.children[col]?.textContent ?? '').trim()]) };
    });
    expect(table.head).toContain('1 = tertinggi');
    const ranked = table.ranks.filter(([, r]) => r !== '–');
    const kabBandung = table.ranks.find(([code]) => code === '32.04')![1];
    expect(kabBandung).toMatch(/^\d+$/); // Kabupaten Bandung, 3.8 million people: published in the demo snapshot
    expect(ranked.length).toBeGreaterThan(20);
    expect(await page.locator('.map-table').textContent()).toContain('Peringkat 1 = nilai tertinggi');

    await page.goto(`${site.origin}/?v=profile&r=32.04&i=violence-victim-rate`);
    const cell = page.locator('tr[data-indicator="violence-victim-rate"] td[data-rank="same-province"]');
    await cell.waitFor({ timeout: 60_000 });
    expect(await page.locator('th', { hasText: 'Peringkat di provinsi' }).first().textContent()).toContain('1 = tertinggi');
    expect(await cell.textContent()).toMatch(new RegExp(`^peringkat ${kabBandung} dari ${ranked.length}\\b`));
  });

  it('disables a level the indicator lacks, with the reason', async () => {
    const page = site.page;
    await page.goto(`${site.origin}/?i=violence-sexual-share&l=regency`);
    await painted(page, 'violence-sexual-share|');
    const regency = page.locator('input[name="map-level"][value="regency"]');
    expect(await regency.isDisabled()).toBe(true);
    expect(await page.locator('.level-reason').textContent()).toContain('kabupaten/kota');
    expect((await tableValues(page)).size).toBe(38);
  });

  it('makes no request to another origin, logs no console error, and has no serious accessibility violation', async () => {
    const page = site.page;
    await page.goto(`${site.origin}/`);
    await page.hover('.map-stage');
    await painted(page, `${INDICATOR.id}|`);
    // The engine's rows in the table (not the landing slice's), nothing loading, before the picture and the audit.
    await page.waitForSelector('.map-view[data-source="query"] .map-table[aria-busy="false"]', { timeout: 120_000 });
    await framed(page);
    await page.screenshot({ path: join(SITE.shots, 'map.png'), fullPage: true });
    expect(await seriousAxeViolations(page, '.map-view')).toEqual([]);
    expect(site.browser.external).toEqual([]);
    expect(site.browser.consoleErrors).toEqual([]);
  });
});
