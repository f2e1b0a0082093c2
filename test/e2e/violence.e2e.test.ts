import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DESKTOP, SITE, seriousAxeViolations, useSite, useSnapshotDb, type Cell } from './site.ts';

// The violence page in Chromium on the built site (dist/, demo snapshot): every chart renders with data, the numbers
// on screen (headline and data tables) equal those computed here with @duckdb/node-api straight from the Parquet
// files (independently of the app's SQL), withheld cells read "disembunyikan" and are gaps, the region select
// changes the URL and the numbers, nothing leaves the origin, no console error, and axe-core finds no serious or
// critical violation. Screenshot: test-results/screenshots/violence.png.
// Build first: npm run build:data -- --if-missing && npx vite build.

const CHARTS = ['violence-type', 'violence-sex-age', 'violence-place', 'violence-perpetrator', 'violence-service', 'violence-trend'];

const db = useSnapshotDb();
const site = useSite({ viewport: DESKTOP });

const nf = (n: number, digits = 0) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
const count = (n: Cell | undefined, withheld: Cell | undefined) => (n === null || n === undefined ? (withheld ? 'disembunyikan' : '–') : nf(Number(n)));
const pct = (n: Cell | undefined, withheld: boolean) => (n === null || n === undefined ? (withheld ? 'disembunyikan' : '–') : `${nf(Number(n), 1)}%`);

/** Waits until the headline has loaded and every chart has drawn an SVG with shapes, for the region in the title. */
async function settled(page: Page, title: string): Promise<void> {
  await page.waitForFunction(({ title, charts }) => {
    const h = document.querySelector('#violence-headline')?.textContent ?? '';
    const values = [...document.querySelectorAll('[data-figure] .figure-value')].map((e) => e.textContent ?? '');
    const drawn = charts.every((id) => (document.querySelector(`[data-section="${id}"] .chart svg`)?.querySelectorAll('path').length ?? 0) > 3);
    const busy = document.querySelectorAll('.violence-page [role="status"]').length;
    return h.includes(title) && values.length === 3 && values.every((v) => v && v !== '…') && drawn && busy === 0;
  }, { title, charts: CHARTS }, { timeout: 120_000 });
}

/** The rows of a chart's data table: data-key -> cell texts. */
async function table(page: Page, id: string): Promise<Record<string, string[]>> {
  return page.evaluate((id) => Object.fromEntries([...document.querySelectorAll(`table[data-table="${id}"] tbody tr`)].map((tr) =>
    [tr.getAttribute('data-key') ?? '', [...tr.children].map((c) => c.textContent ?? '')])), id);
}

const figure = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .figure-value`).textContent();

/** Everything the page should show for a region and year, from the Parquet files. */
async function expectPage(page: Page, region: string, year: number): Promise<void> {
  const [total] = await db.rows(`SELECT victims::INTEGER AS victims, cases::INTEGER AS cases, suppressed,
      round(victims / cases, 2) AS per_case FROM violence_totals WHERE year = $year AND region_code = $region`, { year, region });
  expect(await figure(page, 'victims')).toBe(count(total!.victims, total!.suppressed));
  expect(await figure(page, 'cases')).toBe(count(total!.cases, total!.suppressed));
  expect(await figure(page, 'victims-per-case')).toBe(total!.per_case === null ? 'disembunyikan' : nf(Number(total!.per_case), 2));

  // By type: victims, cases and the share of all victims; labels from the codes table.
  const types = await db.rows(`SELECT t.violence_type AS code, c.label_id, t.victims::INTEGER AS victims, t.cases::INTEGER AS cases, t.suppressed,
      CASE WHEN t.suppressed OR tot.suppressed THEN NULL ELSE round(100.0 * t.victims / tot.victims, 1) END AS share
    FROM violence_by_type t JOIN codes c ON c.vocabulary = 'violence_type' AND c.code = t.violence_type
    JOIN violence_totals tot ON tot.year = t.year AND tot.region_code = t.region_code
    WHERE t.year = $year AND t.region_code = $region ORDER BY c.ord`, { year, region });
  expect(types.length).toBeGreaterThan(0);
  const typeTable = await table(page, 'violence-type');
  expect(Object.keys(typeTable)).toEqual(types.map((r) => r.code));
  for (const r of types) {
    expect(typeTable[String(r.code)]).toEqual([r.label_id, count(r.victims, r.suppressed), count(r.cases, r.suppressed), pct(r.share, r.suppressed === true || r.victims !== null)]);
  }

  // Services as shares of victims, including the social-protection referral summary.
  const services = await db.rows(`SELECT s.service AS code, c.label_id, s.victims::INTEGER AS victims, s.suppressed,
      CASE WHEN s.suppressed OR tot.suppressed THEN NULL ELSE round(100.0 * s.victims / tot.victims, 1) END AS share
    FROM violence_by_service s JOIN codes c ON c.vocabulary = 'service' AND c.code = s.service
    JOIN violence_totals tot ON tot.year = s.year AND tot.region_code = s.region_code
    WHERE s.year = $year AND s.region_code = $region`, { year, region });
  const serviceTable = await table(page, 'violence-service');
  expect(Object.keys(serviceTable).sort()).toEqual(services.map((r) => String(r.code)).sort());
  expect(Object.keys(serviceTable)).toContain('rujukan_perlindungan_sosial');
  for (const r of services) {
    expect(serviceTable[String(r.code)]).toEqual([r.label_id, count(r.victims, r.suppressed), pct(r.share, r.suppressed === true || r.victims !== null)]);
  }

  // Sex x age: one row per age group, one column per sex.
  const sexAge = await db.rows(`SELECT sex, age_group, victims::INTEGER AS victims, suppressed FROM violence_by_sex_age
    WHERE year = $year AND region_code = $region`, { year, region });
  const sexAgeTable = await table(page, 'violence-sex-age');
  for (const r of sexAge) {
    expect(sexAgeTable[String(r.age_group)]![r.sex === 'L' ? 1 : 2]).toBe(count(r.victims, r.suppressed));
  }

  // Place: every code present with its count.
  const places = await db.rows(`SELECT place AS code, victims::INTEGER AS victims, suppressed FROM violence_by_place WHERE year = $year AND region_code = $region`, { year, region });
  const placeTable = await table(page, 'violence-place');
  for (const r of places) expect(placeTable[String(r.code)]![1]).toBe(count(r.victims, r.suppressed));

  // The trend: every year of violence_totals for the region.
  const trend = await db.rows(`SELECT year, victims::INTEGER AS victims, cases::INTEGER AS cases, suppressed FROM violence_totals WHERE region_code = $region ORDER BY year`, { region });
  const trendTable = await table(page, 'violence-trend');
  expect(Object.keys(trendTable)).toEqual(trend.map((r) => String(r.year)));
  for (const r of trend) expect(trendTable[String(r.year)]!.slice(1, 3)).toEqual([count(r.victims, r.suppressed), count(r.cases, r.suppressed)]);
}

describe('violence page in the browser', () => {
  it('carries the region chosen on another page: from Kota Bandung\'s profile, Kekerasan and LKSA show Jawa Barat', async () => {
    const page = site.page;
    const [{ year }] = await db.rows('SELECT max(year)::INTEGER AS year FROM violence_totals') as [{ year: number }];
    await page.goto(`${site.origin}/?v=profile&r=32.73`);
    await page.waitForFunction(() => document.querySelector('h2.profile-title')?.textContent === 'Kota Bandung', undefined, { timeout: 60_000 });
    await page.getByRole('link', { name: 'Kekerasan', exact: true }).click();
    await settled(page, `Jawa Barat, ${year}`);
    expect(await page.getByRole('combobox', { name: 'Wilayah', exact: true }).inputValue()).toBe('32');
    await expectPage(page, '32', year);
    // A chart here, and its export's subtitle (made from the same label), name Jawa Barat, not Indonesia.
    expect(await page.locator('[data-section="violence-type"] .chart[role="img"]').getAttribute('aria-label')).toContain('Jawa Barat');
    await page.getByRole('link', { name: 'LKSA', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('#lksa-overview-heading')?.textContent?.includes('Jawa Barat'), undefined, { timeout: 60_000 });
    // Choosing a province here is the one choice: the profile then shows it.
    await page.selectOption('.lksa-scope select', '34');
    await page.getByRole('link', { name: 'Profil wilayah', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('h2.profile-title')?.textContent?.includes('Yogyakarta'), undefined, { timeout: 60_000 });
    expect(new URL(page.url()).searchParams.get('r')).toBe('34');
  });

  describe('Indonesia and a province from the snapshot, with withheld cells as gaps', () => {
    let year: number;
    /** A province with withheld cells in the type breakdown (but a published total). */
    let withheld: { region_code: string; name: string };
    beforeAll(async () => {
      [{ year }] = await db.rows('SELECT max(year)::INTEGER AS year FROM violence_totals') as [{ year: number }];
      const [w] = await db.rows(`SELECT t.region_code, r.name FROM violence_by_type t JOIN regions r USING (region_code)
        JOIN violence_totals tot ON tot.year = t.year AND tot.region_code = t.region_code
        WHERE t.year = $year AND t.level = 'province' AND t.suppressed AND NOT tot.suppressed
        GROUP BY ALL ORDER BY t.region_code LIMIT 1`, { year });
      withheld = w as typeof withheld;
    });

    describe('Indonesia, the latest year', () => {
      beforeAll(async () => {
        await site.page.goto(`${site.origin}/?v=violence`);
        await settled(site.page, `Indonesia, ${year}`);
      }, 180_000);

      it('shows the headline and every chart\'s table as the Parquet files give them', async () => {
        await expectPage(site.page, '00', year);
      });

      it('explains cases versus victims and states the reporting caveat', async () => {
        const page = site.page;
        await expect.poll(() => page.getByText(/Satu kasus dapat melibatkan beberapa anak/).isVisible()).toBe(true);
        await expect.poll(() => page.getByText(/mencerminkan pelaporan sekaligus kejadian/).first().isVisible()).toBe(true);
      });

      it('draws the type chart as SVG, one bar per published value in each of its two series', async () => {
        const typeBars = await site.page.locator('[data-section="violence-type"] .chart svg path[fill="#1b9e77"]').count();
        const published = await db.rows(`SELECT count(victims)::INTEGER AS n FROM violence_by_type WHERE year = $year AND region_code = '00'`, { year });
        expect(typeBars).toBeGreaterThanOrEqual(Number(published[0]!.n));
      });

      it('looks right (screenshot) and passes axe-core without serious or critical violations', async () => {
        await site.page.screenshot({ path: join(SITE.shots, 'violence.png'), fullPage: true });
        expect(await seriousAxeViolations(site.page, 'main')).toEqual([]);
      }, 180_000);
    });

    describe('a province with withheld cells, chosen in the region select', () => {
      beforeAll(async () => {
        expect(withheld).toBeDefined();
        await site.page.getByRole('combobox', { name: 'Wilayah', exact: true }).selectOption(String(withheld.region_code));
        await settled(site.page, `${String(withheld.name)}, ${year}`);
      }, 180_000);

      it('goes into the URL', () => {
        expect(new URL(site.page.url()).searchParams.get('r')).toBe(withheld.region_code);
      });

      it('shows the headline and every chart\'s table as the Parquet files give them', async () => {
        await expectPage(site.page, String(withheld.region_code), year);
      });

      it('reads withheld cells as "disembunyikan" and draws them as marked gaps, with a note', async () => {
        const page = site.page;
        const typeTable = await table(page, 'violence-type');
        expect(Object.values(typeTable).some((cells) => cells[1] === 'disembunyikan')).toBe(true);
        await expect.poll(() => page.locator('[data-section="violence-type"] .withheld-note').textContent()).toMatch(/^Celah pada grafik \(ditandai \*\) = angka disembunyikan, bukan nol: /);
        expect(await page.locator('[data-section="violence-type"] .chart svg text').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/ \*$/)]));
      });

      it('looks right (screenshot) and passes axe-core without serious or critical violations', async () => {
        await site.page.screenshot({ path: join(SITE.shots, 'violence-province.png'), fullPage: true });
        expect(await seriousAxeViolations(site.page, 'main')).toEqual([]);
      }, 180_000);
    });

    describe('an earlier year, chosen in the year select', () => {
      beforeAll(async () => {
        await site.page.getByRole('combobox', { name: 'Tahun', exact: true }).selectOption(String(year - 1));
        await settled(site.page, `${String(withheld.name)}, ${year - 1}`);
      }, 180_000);

      it('goes into the URL', () => {
        expect(new URL(site.page.url()).searchParams.get('y')).toBe(String(year - 1));
      });

      it('shows that year\'s headline and tables as the Parquet files give them', async () => {
        await expectPage(site.page, String(withheld.region_code), year - 1);
      });

      it('back restores the latest year', async () => {
        await site.page.goBack();
        await settled(site.page, `${String(withheld.name)}, ${year}`);
      }, 180_000);
    });
  });

  it('made no request to another origin and logged no console error', () => {
    expect(site.browser.external).toEqual([]);
    expect(site.browser.consoleErrors).toEqual([]);
  });
});
