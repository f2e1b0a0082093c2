import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DESKTOP, SITE, seriousAxeViolations, useSite, useSnapshotDb, type Cell } from './site.ts';

// The KLA page in Chromium on the built site (dist/, demo snapshot): the category bars, the Sankey of movements,
// the cluster charts and the province roll-up render with data; the numbers on screen (headline, data tables, the
// roll-up) equal those computed here with @duckdb/node-api straight from kla.parquet (independently of the app's
// SQL); the year and pair selects change what is shown; nothing leaves the origin, no console error, and axe-core
// finds no serious or critical violation. Screenshot: test-results/screenshots/kla.png.
// Build first: npm run build:data -- --if-missing && npx vite build.

const CHARTS = ['kla-categories', 'kla-movements', 'kla-clusters', 'kla-clusters-province'];
const CATEGORIES = ['pratama', 'madya', 'nindya', 'utama', 'kla', 'tidak_ada'];

const db = useSnapshotDb();
const site = useSite({ viewport: DESKTOP });

const nf = (n: Cell | undefined, digits = 0) => (n === null || n === undefined ? '–' : new Intl.NumberFormat('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Number(n)));
const pct = (n: Cell | undefined) => (n === null || n === undefined ? '–' : `${nf(n, 1)}%`);

/** Waits until the headline and every chart are drawn for the evaluation year (and pair) in the titles. */
async function settled(page: Page, year: number, pair: [number, number]): Promise<void> {
  await page.waitForFunction(({ year, pair, charts }) => {
    const h = document.querySelector('#kla-headline')?.textContent ?? '';
    const m = document.querySelector('[data-section="kla-movements"] h3')?.textContent ?? '';
    const values = [...document.querySelectorAll('[data-figure] .figure-value')].map((e) => e.textContent ?? '');
    const drawn = charts.every((id) => (document.querySelector(`[data-section="${id}"] .chart svg`)?.querySelectorAll('path').length ?? 0) > 3);
    const rows = document.querySelectorAll('[data-section="kla-provinces"] .data-table tbody tr').length;
    const busy = document.querySelectorAll('.kla-page [role="status"]').length;
    return h.endsWith(String(year)) && m.endsWith(`${pair[0]} → ${pair[1]}`) && values.length === 5 && values.every((v) => v && v !== '…')
      && drawn && rows > 0 && busy === 0 && document.querySelector('[data-summary="movements"]') !== null;
  }, { year, pair, charts: CHARTS }, { timeout: 120_000 });
}

/** The rows of a data table (a chart's, by data-table, or any table by selector): data-key -> cell texts. */
async function table(page: Page, selector: string): Promise<Record<string, string[]>> {
  return page.evaluate((sel) => Object.fromEntries([...document.querySelectorAll(`${sel} tbody tr`)].map((tr) =>
    [tr.getAttribute('data-key') ?? '', [...tr.children].map((c) => c.textContent ?? '')])), selector);
}

const figure = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .figure-value`).textContent();

async function expectYear(page: Page, year: number, pair: [number, number]): Promise<void> {
  // Headline.
  const [h] = await db.rows(`SELECT count(*)::INTEGER AS evaluated, count(*) FILTER (WHERE category <> 'tidak_ada')::INTEGER AS awarded,
      round(100.0 * count(*) FILTER (WHERE category <> 'tidak_ada') / count(*), 1) AS pct, round(avg(score), 1) AS avg,
      (SELECT count(*) FROM regions WHERE level = 'regency')::INTEGER - count(*)::INTEGER AS missing
    FROM kla WHERE year = $year`, { year });
  expect(await figure(page, 'evaluated')).toBe(nf(h!.evaluated));
  expect(await figure(page, 'awarded')).toBe(nf(h!.awarded));
  expect(await figure(page, 'awarded-pct')).toBe(pct(h!.pct));
  expect(await figure(page, 'average-score')).toBe(nf(h!.avg, 1));
  expect(await figure(page, 'not-evaluated')).toBe(nf(h!.missing));

  // Categories per evaluation year: columns Pratama .. KLA, no category, evaluated.
  const cats = await db.rows(`SELECT year, category, count(*)::INTEGER AS n FROM kla GROUP BY ALL`);
  const years = (await db.rows('SELECT DISTINCT year FROM kla ORDER BY year')).map((r) => Number(r.year));
  const catTable = await table(page, 'table[data-table="kla-categories"]');
  expect(Object.keys(catTable)).toEqual(years.map(String));
  for (const y of years) {
    const n = (c: string) => cats.find((r) => r.year === y && r.category === c)?.n ?? 0;
    expect(catTable[String(y)]).toEqual([String(y), ...CATEGORIES.map((c) => nf(n(c))), nf(CATEGORIES.reduce((s, c) => s + Number(n(c)), 0))]);
  }

  // Movements between the two evaluations of the pair.
  const moves = await db.rows(`SELECT a.category AS f, b.category AS t, count(*)::INTEGER AS n
    FROM (SELECT * FROM kla WHERE year = $a) a FULL JOIN (SELECT * FROM kla WHERE year = $b) b USING (region_code) GROUP BY ALL`, { a: pair[0], b: pair[1] });
  const moveTable = await table(page, 'table[data-table="kla-movements"]');
  expect(Object.keys(moveTable).sort()).toEqual(moves.map((m) => `${m.f}>${m.t}`).sort());
  for (const m of moves) expect(moveTable[`${m.f}>${m.t}`]![2]).toBe(nf(m.n));
  // The Sankey draws one node label per category and year with its count, e.g. "Madya 2025: 125".
  const labels = await page.locator('[data-section="kla-movements"] .chart svg text').allTextContents();
  const codes = Object.fromEntries((await db.rows(`SELECT code, label_id FROM codes WHERE vocabulary = 'kla_category'`)).map((r) => [r.code, r.label_id]));
  for (const [side, y] of [['f', pair[0]], ['t', pair[1]]] as const) {
    for (const code of CATEGORIES) {
      const n = moves.filter((m) => m[side] === code).reduce((s, m) => s + Number(m.n), 0);
      if (n > 0) expect(labels).toContain(`${String(codes[code])} ${y}: ${nf(n)}`);
    }
  }

  // Province roll-up (DataTable).
  const provinces = await db.rows(`SELECT r.region_code, r.name, count(k.region_code)::INTEGER AS evaluated,
      count(*) FILTER (WHERE k.category <> 'tidak_ada')::INTEGER AS awarded,
      round(100.0 * count(*) FILTER (WHERE k.category <> 'tidak_ada') / nullif(count(k.region_code), 0), 1) AS pct,
      round(avg(k.score), 1) AS avg,
      ${CATEGORIES.map((c) => `count(*) FILTER (WHERE k.category = '${c}')::INTEGER AS ${c}`).join(', ')}
    FROM regions r LEFT JOIN kla k ON k.province_code = r.region_code AND k.year = $year
    WHERE r.level = 'province' GROUP BY ALL ORDER BY r.region_code`, { year });
  const rollup = await table(page, '[data-section="kla-provinces"] .data-table');
  expect(Object.keys(rollup)).toHaveLength(38);
  for (const p of provinces) {
    expect(rollup[String(p.region_code)]).toEqual([String(p.name), nf(p.evaluated), nf(p.awarded), pct(p.pct), nf(p.avg, 1), ...CATEGORIES.map((c) => nf(p[c]!))]);
  }

  // Cluster averages: Indonesia's row of the province heatmap's table.
  const [national] = await db.rows(`SELECT ${['score_institutional', 'score_cluster_1', 'score_cluster_2', 'score_cluster_3', 'score_cluster_4', 'score_cluster_5'].map((c) => `round(avg(${c}), 1) AS ${c}`).join(', ')}, count(*)::INTEGER AS n FROM kla WHERE year = $year`, { year });
  const clusterTable = await table(page, 'table[data-table="kla-clusters-province"]');
  expect(clusterTable['00']).toEqual(['Indonesia', nf(national!.n), ...Object.entries(national!).filter(([k]) => k !== 'n').map(([, v]) => nf(v, 1))]);
}

describe('KLA page in the browser', () => {
  let years: number[];
  let latest: number;
  let previous: number;
  beforeAll(async () => {
    years = (await db.rows('SELECT DISTINCT year FROM kla ORDER BY year')).map((r) => Number(r.year));
    latest = years[years.length - 1]!;
    previous = years[years.length - 2]!;
  });

  it('has at least three evaluation years in the snapshot to compare', () => {
    expect(years.length).toBeGreaterThanOrEqual(3);
  });

  describe('opened on the latest evaluation', () => {
    beforeAll(async () => {
      await site.page.goto(`${site.origin}/?v=kla`);
      await settled(site.page, latest, [previous, latest]);
    }, 180_000);

    it('shows the headline, categories, movements, roll-up and cluster averages kla.parquet gives for it', async () => {
      await expectYear(site.page, latest, [previous, latest]);
    });

    it('names the stacked bars\' series with the official thresholds', async () => {
      const legend = await site.page.locator('[data-section="kla-categories"] .chart svg text').allTextContents();
      expect(legend).toEqual(expect.arrayContaining(['Pratama (500-600)', 'Madya (601-700)', 'Nindya (701-800)', 'Utama (801-900)', 'KLA (901-1000)', 'Belum berpredikat (di bawah 500)']));
    });

    it('looks right (screenshot) and passes axe-core without serious or critical violations', async () => {
      await site.page.screenshot({ path: join(SITE.shots, 'kla.png'), fullPage: true });
      expect(await seriousAxeViolations(site.page, 'main')).toEqual([]);
    }, 180_000);
  });

  describe('another evaluation year, chosen in the year select', () => {
    let chosen: number;
    let pair: [number, number];
    beforeAll(async () => {
      chosen = years[years.length - 3]!;
      const before = years[years.length - 4] ?? null;
      pair = before === null ? [previous, latest] : [before, chosen];
      await site.page.getByRole('combobox', { name: 'Tahun evaluasi', exact: true }).selectOption(String(chosen));
      await settled(site.page, chosen, pair);
    }, 180_000);

    it('goes into the URL', () => {
      expect(new URL(site.page.url()).searchParams.get('kla')).toBe(String(chosen));
    });

    it('shows that year\'s figures, the movements of the pair ending there', async () => {
      await expectYear(site.page, chosen, pair);
    });
  });

  describe('the pair select set back to the latest two evaluations', () => {
    let chosen: number;
    beforeAll(async () => {
      chosen = years[years.length - 3]!;
      await site.page.getByRole('combobox', { name: 'Evaluasi yang dibandingkan', exact: true }).selectOption(String(latest));
      await settled(site.page, chosen, [previous, latest]);
    }, 180_000);

    it('shows the chosen year\'s figures with the movements between the latest two', async () => {
      await expectYear(site.page, chosen, [previous, latest]);
    });

    it('passes axe-core without serious or critical violations', async () => {
      expect(await seriousAxeViolations(site.page, 'main')).toEqual([]);
    }, 180_000);
  });

  it('made no request to another origin and logged no console error', () => {
    expect(site.browser.external).toEqual([]);
    expect(site.browser.consoleErrors).toEqual([]);
  });
});
