import { indicatorSqlText } from '../../src/pipeline/indicators.ts';
import { indicator } from '../../src/domain/indicators.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parquetReadObjects } from 'hyparquet';
import type { Page } from 'playwright-core';
import { tempDir } from '../helpers.ts';
import { DESKTOP, openSnapshotDb, plainRows, SITE, seriousAxeViolations, useSite, useSnapshotDb, type Row } from './site.ts';

// The Data page in Chromium on the built site (dist/, or PANTAU_DIST): violence_by_sex_age of one year, girls only,
// opened from the URL. The preview's rows (every page) equal what @duckdb/node-api computes with its own SQL from the
// snapshot's Parquet file; a region chosen in the form goes into the URL and the rows follow. Each download (CSV,
// Parquet, JSON) is a ZIP whose data file, read back by DuckDB (and hyparquet for Parquet), equals the same SQL's
// rows; its README says synthetic; its query.sql, run in the snapshot folder, gives the same rows. Nothing leaves the
// origin, no console error, no serious or critical axe-core violation. Screenshot: test-results/screenshots/data.png.
// Build first: npx vite build (and the demo snapshot).

const { id: current, manifest } = SITE.snapshot;
const COLUMNS = manifest.tables.violence_by_sex_age!.columns;

const db = useSnapshotDb();
const site = useSite({ viewport: DESKTOP });
const scratch = tempDir('pantau-data-e2e-');

/**
 * Independent reference: the table (a view over its Parquet file) filtered as the page says, in its natural order:
 * by region, then age group with numbers compared as numbers (0-5, 6-12, 13-17), here by a numeric collator.
 */
const natural = new Intl.Collator('en', { numeric: true });
const expected = async (year: number, region: string | null) => (await db.rows(`
  SELECT * FROM violence_by_sex_age
  WHERE year = $year AND sex = 'P' AND ($region = '' OR region_code = $region OR region_code LIKE $region || '.%')`,
{ year, region: region ?? '' })).sort((a, b) => natural.compare(String(a.region_code), String(b.region_code))
  || natural.compare(String(a.age_group), String(b.age_group)));

/** The preview page's rows as the cells' data-value attributes say ('' = NULL). */
async function previewRows(page: Page): Promise<Array<Record<string, string>>> {
  return page.$$eval('.data-preview-table tbody tr', (trs) => trs.map((tr) => Object.fromEntries(
    [...tr.querySelectorAll<HTMLElement>('td[data-col]')].map((td) => [td.dataset.col!, td.dataset.value ?? '']))));
}
const asCells = (rows: Row[]) => rows.map((r) => Object.fromEntries(COLUMNS.map((c) => [c.name, r[c.name] === null ? '' : String(r[c.name])])));

async function rowCount(page: Page): Promise<number> {
  await page.waitForSelector('[data-testid="data-count"]:not([data-value=""])', { timeout: 120_000 });
  return Number(await page.getAttribute('[data-testid="data-count"]', 'data-value'));
}

let year: number;

beforeAll(async () => {
  year = Number((await db.one('SELECT max(year)::INTEGER AS y FROM violence_by_sex_age')).y);
});
afterAll(() => scratch.cleanup());

describe('the Data page (demo snapshot)', () => {
  it('shows the rows node-api computes from the Parquet file, page by page', async () => {
    const page = site.page;
    await page.goto(`${site.origin}/?v=data&t=violence_by_sex_age&y=${year}&f=sex:P`);
    const want = await expected(year, null);
    expect(want.length).toBeGreaterThan(50);
    expect(await rowCount(page)).toBe(want.length);
    expect(await previewRows(page)).toEqual(asCells(want.slice(0, 50)));
    await page.click('[data-page-next]');
    await page.waitForSelector('.data-preview-table[data-page="1"]');
    expect(await previewRows(page)).toEqual(asCells(want.slice(50, 100)));
    await page.click('[data-page-prev]');
    await page.waitForSelector('.data-preview-table[data-page="0"]');
    // Withheld cells read "disembunyikan", as elsewhere in the app.
    const withheld = want.slice(0, 50).filter((r) => r.victims === null && r.suppressed === true).length;
    expect(await page.locator('.data-preview-table td.withheld[data-col="victims"]').count()).toBe(withheld);
    // The SQL shown names the Parquet file and the filters as literals; the dictionary lists every column.
    const shown = await page.textContent('[data-testid="data-sql"]');
    expect(shown).toContain("read_parquet('violence_by_sex_age.parquet')");
    expect(shown).toContain(`year = ${year}`);
    expect(shown).toContain(`"sex" = 'P'`);
    expect(await page.$$eval('.data-dictionary tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.column))).toEqual(COLUMNS.map((c) => c.name));
  }, 180_000);

  it('downloads CSV, Parquet and JSON ZIPs whose data, read back, equals node-api\'s rows', async () => {
    const page = site.page;
    const want = await expected(year, null);
    for (const format of ['csv', 'parquet', 'json'] as const) {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`[data-download="${format}"]`)]);
      expect(download.suggestedFilename()).toBe(`pantau-anak_violence_by_sex_age_${current}${manifest.synthetic ? '_SINTETIS' : ''}.zip`);
      const bytes = readFileSync((await download.path())!);
      const files = unzipSync(new Uint8Array(bytes));
      expect(Object.keys(files).sort()).toEqual(['CITATION.bib', 'README.txt', `data.${format}`, 'datapackage.json', 'query.sql'].sort());
      const dir = join(scratch.dir, format);
      mkdirSync(dir, { recursive: true });
      for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
      const path = join(dir, `data.${format}`).replace(/'/g, "''");
      let got: Row[];
      if (format === 'csv') {
        const types = `{${COLUMNS.map((c) => `'${c.name}': '${c.type}'`).join(', ')}}`;
        got = await db.rows(`SELECT * FROM read_csv('${path}', header = true, allow_quoted_nulls = false, columns = ${types})`);
      } else if (format === 'json') {
        const casts = COLUMNS.map((c) => `(r->>'${c.name}')::${c.type} AS "${c.name}"`).join(', ');
        got = await db.rows(`SELECT ${casts} FROM (SELECT unnest(json_extract(j, '$.data[*]')) AS r FROM read_json_objects('${path}', format = 'auto') t(j))`);
      } else {
        got = await db.rows(`SELECT * FROM read_parquet('${path}')`);
        const data = files['data.parquet']!;
        const viaHyparquet = await parquetReadObjects({ file: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer });
        expect(plainRows(viaHyparquet as Array<Record<string, unknown>>), 'hyparquet').toEqual(want);
      }
      expect(got, format).toEqual(want);
      const readme = strFromU8(files['README.txt']!);
      if (manifest.synthetic) expect(readme).toMatch(/^=+\r\n!! DATA SINTETIS \/ SYNTHETIC DATA !!/);
      expect(readme).toContain(`Snapshot: ${current}`);
      expect(readme).toContain('sex = P');
      // query.sql in a DuckDB whose relative paths resolve in the snapshot folder (and with no views of its own).
      const other = await openSnapshotDb([]);
      try {
        expect(await other.rows(strFromU8(files['query.sql']!)), `${format} query.sql`).toEqual(want);
      } finally {
        await other.close();
      }
    }
    expect(readdirSync(scratch.dir).sort()).toEqual(['csv', 'json', 'parquet']);
  }, 180_000);

  it('a region chosen in the form goes into the URL and the rows follow', async () => {
    const page = site.page;
    await page.selectOption('select[name="province"]', '32');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('r') === '32');
    const want = await expected(year, '32');
    await page.waitForFunction((n) => document.querySelector<HTMLElement>('[data-testid="data-count"]')?.dataset.value === String(n), want.length);
    expect(await previewRows(page)).toEqual(asCells(want));
    expect(await page.textContent('[data-testid="data-sql"]')).toContain(`(region_code = '32' OR starts_with(region_code, '32.'))`);
    await page.selectOption('select[name="province"]', '');
    const all = await expected(year, null);
    await page.waitForFunction((n) => document.querySelector<HTMLElement>('[data-testid="data-count"]')?.dataset.value === String(n), all.length);
  }, 120_000);

  it('the map\'s "data behind this map" link opens the indicator\'s rows for the map\'s year, equal to its SQL file in node-api', async () => {
    const page = site.page;
    await page.goto(`${site.origin}/?v=map&i=violence-sexual-share`);
    // Once the indicator's rows are in, the link carries the year the map shows.
    await page.waitForSelector('[data-testid="data-behind"][href*="&y="]', { timeout: 120_000 });
    await page.click('[data-testid="data-behind"]');
    await page.waitForFunction(() => {
      const q = new URLSearchParams(location.search);
      return q.get('v') === 'data' && q.get('t') === 'indicator:violence-sexual-share' && q.get('y') !== null;
    });
    const y = Number(await page.evaluate(() => new URLSearchParams(location.search).get('y')));
    const file = indicatorSqlText(indicator('violence-sexual-share'));
    // The indicator's SQL reads the published tables by name: the views over the snapshot's Parquet files.
    const want = await db.rows(`SELECT count(*)::INTEGER AS n FROM (${file.replace(/;\s*$/, '')}) WHERE year = ${y}`);
    await page.waitForFunction((n) => document.querySelector<HTMLElement>('[data-testid="data-count"]')?.dataset.value === String(n), want[0]!.n, { timeout: 120_000 });
    expect(Number(want[0]!.n)).toBeGreaterThan(30);
  }, 180_000);

  it('looks right (screenshot) and passes axe-core without serious or critical violations', async () => {
    const page = site.page;
    // The preview has its rows (not loading, its count set) before the picture and the audit.
    await page.waitForSelector('.data-preview[aria-busy="false"] [data-testid="data-count"]:not([data-value=""])', { timeout: 60_000 });
    await page.screenshot({ path: join(SITE.shots, 'data.png'), fullPage: true });
    expect(await seriousAxeViolations(page, 'main')).toEqual([]);
  }, 180_000);

  it('made no request to another origin and logged no console error', () => {
    expect(site.browser.external).toEqual([]);
    expect(site.browser.consoleErrors).toEqual([]);
  });
});
