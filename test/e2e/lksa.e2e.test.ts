import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../../src/pipeline/sql-files.ts';
import { buildSnapshot } from '../../src/pipeline/build.ts';
import { INDONESIA_BOUNDS } from '../../src/app/components/maplibre-setup.ts';
import { copyValidRaw, REFERENCE_DATE, tempDir } from '../helpers.ts';
import { currentSnapshot, DESKTOP, openSite, SITE, seriousAxeViolations, useSite, useSnapshotDb, type Site } from './site.ts';

/** A count as the page shows it in Bahasa Indonesia (2.238). */
const idNumber = (n: unknown) => new Intl.NumberFormat('id-ID').format(Number(n));

// The LKSA compliance page in Chromium on the built site (dist/, demo snapshot; PANTAU_DIST to test another build):
// it renders with data; the overview figures equal those computed here with @duckdb/node-api straight from the
// snapshot's lksa.parquet (independent SQL, not the page's query files); a filter goes into the URL and the table
// count equals SQL's count; the map canvas draws the institutions; a kab/kota opens its profile; nothing leaves the
// origin; no console error; axe-core finds no serious or critical violation. Screenshot:
// test-results/screenshots/lksa.png. Then the same build with a tampered fixture snapshot in which an institution is
// called `<img src=x onerror=alert(1)><b>Panti</b> & "Co"`: the page shows exactly that text, in the table and in
// the map's hover label, and creates no element from it and opens no dialog.
// Build first: npm run build:data -- --if-missing && npx vite build.

// The reference values come from the repository's snapshot (public/data), which the first test proves is the one
// the build serves.
const PUBLIC = currentSnapshot(join(REPO_ROOT, 'public'));
const EVIL = '<img src=x onerror=alert(1)><b>Panti</b> & "Co"';

const db = useSnapshotDb(['lksa'], PUBLIC.dir);
const site = useSite({ viewport: DESKTOP });

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const nf = (n: number, digits = 0) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
const pct = (n: number) => `${nf(n, 1)}%`;

/** The page's figures: key -> { value (data-value), text (what is shown), national (comparison text) }. */
async function figures(page: Page): Promise<Record<string, { value: string; text: string; national: string | null }>> {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll<HTMLElement>('[data-figure]')].map((el) => [
    el.dataset.figure!,
    { value: el.dataset.value ?? '', text: el.querySelector('.figure-value')?.textContent ?? '', national: el.querySelector('.lksa-national')?.textContent ?? null },
  ])));
}

/** Waits until the institution list shows `n` rows' worth of matches (the query for the current filters is done). */
async function matching(page: Page): Promise<number> {
  await page.waitForSelector('[data-testid="lksa-matching"]:not([data-value=""])', { timeout: 60_000 });
  return Number(await page.getAttribute('[data-testid="lksa-matching"]', 'data-value'));
}

/**
 * Moves the pointer and returns once the page has handled that mousemove: a listener on the document, added before
 * the move, hears it after MapLibre's own (on the map's canvas container, where the event starts), so the hover label
 * is already shown or hidden by then.
 */
async function pointerHandled(page: Page, x: number, y: number): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __moved?: Promise<void> };
    w.__moved = new Promise((resolve) => document.addEventListener('mousemove', () => resolve(), { once: true }));
  });
  await page.mouse.move(x, y);
  await page.evaluate(() => (window as unknown as { __moved: Promise<void> }).__moved);
}

/** Independent figures from the Parquet file: Indonesia ('00') or one province. */
async function expectedFigures(area: string) {
  const [r] = await db.rows(`
    SELECT count(*)::INTEGER AS n,
      round(100.0 * count(*) FILTER (WHERE accreditation <> 'belum') / count(*), 1) AS accredited_pct,
      round(100.0 * count(*) FILTER (WHERE licence_status = 'berlaku' AND licence_expiry >= DATE '${REFERENCE_DATE}') / count(*), 1) AS licence_valid_pct,
      round(sum(children_in_care) FILTER (WHERE NOT children_suppressed) / sum(caregivers) FILTER (WHERE NOT children_suppressed), 1) AS ratio,
      round(100.0 * count(*) FILTER (WHERE last_inspection > DATE '${REFERENCE_DATE}' - INTERVAL 12 MONTH) / count(*), 1) AS inspected_pct,
      round(100.0 * count(*) FILTER (WHERE finding_exploitation_risk OR finding_trafficking_risk OR finding_no_licence OR finding_no_care_plan
        OR finding_caregiver_ratio OR finding_documents_incomplete OR finding_violence) / count(*), 1) AS finding_pct
    FROM lksa WHERE $area = '00' OR province_code = $area`, { area });
  return {
    institutions: Number(r!.n),
    accredited_pct: Number(r!.accredited_pct),
    licence_valid_pct: Number(r!.licence_valid_pct),
    children_per_caregiver: Number(r!.ratio),
    inspected_12m_pct: Number(r!.inspected_pct),
    with_finding_pct: Number(r!.finding_pct),
  };
}

function shownAs(key: string, v: number): string {
  if (key === 'institutions') return nf(v);
  if (key === 'children_per_caregiver') return nf(v, 1);
  return pct(v);
}

describe('the LKSA page (demo snapshot)', () => {
  it('serves the snapshot the reference values are computed from', () => {
    expect(sha(join(SITE.dist, 'data', PUBLIC.id, 'lksa.parquet'))).toBe(sha(join(PUBLIC.dir, 'lksa.parquet')));
  });

  it('renders with data', async () => {
    const page = site.page;
    await page.goto(`${site.origin}/?v=lksa`);
    await page.waitForSelector('[data-figure="institutions"]', { timeout: 120_000 });
    expect(await page.textContent('h2')).toBe('Kepatuhan LKSA');
    expect(Object.keys(await figures(page))).toEqual(['institutions', 'accredited_pct', 'licence_valid_pct', 'children_per_caregiver', 'inspected_12m_pct', 'with_finding_pct']);
    const n = await matching(page);
    expect(n).toBeGreaterThan(1000);
    expect(await page.locator('.data-table tbody tr').count()).toBe(Math.min(n, 600)); // the table shows its first rows
    await page.waitForSelector('[data-chart] svg', { timeout: 30_000 });
    expect(await page.locator('[data-breakdown] tbody tr').count()).toBe(4 + 5 + 7);
  }, 180_000);

  it('shows the overview figures DuckDB computes from lksa.parquet, for Indonesia and for a province', async () => {
    const page = site.page;
    const national = await expectedFigures('00');
    let shown = await figures(page);
    for (const [key, v] of Object.entries(national)) {
      expect(Number(shown[key]!.value), key).toBe(v);
      expect(shown[key]!.text, key).toBe(shownAs(key, v));
      expect(shown[key]!.national, key).toBeNull();
    }
    // Jawa Barat through the scope select: the URL says so, the figures are the province's, Indonesia beside them.
    await page.selectOption('.lksa-scope select', '32');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('r') === '32');
    await page.waitForFunction(() => document.querySelector('#lksa-overview-heading')?.textContent?.includes('Jawa Barat'));
    const province = await expectedFigures('32');
    await page.waitForFunction((n) => document.querySelector<HTMLElement>('[data-figure="institutions"]')?.dataset.value === String(n), province.institutions);
    shown = await figures(page);
    for (const [key, v] of Object.entries(province)) {
      expect(Number(shown[key]!.value), key).toBe(v);
      expect(shown[key]!.text, key).toBe(shownAs(key, v));
      expect(shown[key]!.national, key).toBe(`Indonesia: ${shownAs(key, national[key as keyof typeof national])}`);
    }
    // The grade breakdown of the province adds up to its institutions.
    // (The breakdown comes from its own query, which may answer after the headline figures: wait for it.)
    const gradeSum = () => page.$$eval('[data-breakdown="grade"] tbody td[data-value]:first-of-type',
      (tds) => tds.reduce((a, td) => a + Number((td as HTMLElement).dataset.value), 0));
    await expect.poll(gradeSum, { timeout: 30_000 }).toBe(province.institutions);
  }, 120_000);

  it('a filter goes into the URL and the table shows as many institutions as SQL counts', async () => {
    const page = site.page;
    await page.selectOption('.lksa-scope select', '');
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('p'));
    await page.selectOption('select[name="accreditation"]', 'belum');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('akr') === 'belum');
    const [belum] = await db.rows("SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE lat IS NULL OR lng IS NULL)::INTEGER AS nocoord FROM lksa WHERE accreditation = 'belum'");
    await page.waitForFunction((n) => document.querySelector<HTMLElement>('[data-testid="lksa-matching"]')?.dataset.value === String(n), belum!.n);
    expect(await page.textContent('.table-count')).toBe(`${idNumber(belum!.n)} / ${idNumber(belum!.n)}`);
    expect(await page.$$eval('.data-table tbody tr td:nth-child(3)', (tds) => [...new Set(tds.map((td) => td.textContent))])).toEqual(['Belum terakreditasi']);
    // The map shows the same institutions: those with coordinates, the others counted.
    await page.waitForFunction((n) => document.querySelector<HTMLElement>('[data-testid="lksa-map-counts"]')?.dataset.withoutCoordinates === String(n), belum!.nocoord);
    expect(Number(await page.getAttribute('[data-testid="lksa-map-counts"]', 'data-on-map'))).toBe(Number(belum!.n) - Number(belum!.nocoord));

    // A finding and a name search narrow it further; both are bound values in the URL.
    await page.selectOption('select[name="finding"]', 'risiko_tppo');
    await page.fill('.table-search input', 'demo m');
    await page.waitForFunction(() => { const q = new URLSearchParams(location.search); return q.get('temuan') === 'risiko_tppo' && q.get('q') === 'demo m'; });
    const [narrow] = await db.rows("SELECT count(*)::INTEGER AS n FROM lksa WHERE accreditation = 'belum' AND finding_trafficking_risk AND contains(lower(name), 'demo m')");
    await page.waitForFunction((n) => document.querySelector<HTMLElement>('[data-testid="lksa-matching"]')?.dataset.value === String(n), narrow!.n);
    expect(await page.textContent('.table-count')).toBe(`${idNumber(narrow!.n)} / ${idNumber(narrow!.n)}`);

    // Sorting goes into the URL too.
    await page.click('.data-table thead th:nth-child(6) button');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('s') === '-children');

    await page.click('.lksa-filters button');
    await page.waitForFunction(() => { const q = new URLSearchParams(location.search); return !q.has('akr') && !q.has('temuan') && !q.has('q'); });
    const [all] = await db.rows('SELECT count(*)::INTEGER AS n FROM lksa');
    await page.waitForFunction((n) => document.querySelector<HTMLElement>('[data-testid="lksa-matching"]')?.dataset.value === String(n), all!.n);
  }, 120_000);

  it('draws the institutions on the map canvas', async () => {
    const page = site.page;
    await page.waitForSelector('.lksa-map-canvas[data-map-status="ready"][data-rendered]', { timeout: 90_000 });
    const canvas = await page.$eval('.lksa-map-canvas canvas', (c) => ({ w: (c as HTMLCanvasElement).width, h: (c as HTMLCanvasElement).height }));
    expect(canvas.w).toBeGreaterThan(300);
    expect(canvas.h).toBeGreaterThan(200);
    // The dots are redrawn after the filters of the previous test were cleared: wait for the full set.
    await expect.poll(async () => Number(await page.getAttribute('.lksa-map-canvas', 'data-rendered')), { timeout: 30_000 }).toBeGreaterThan(1000);
    expect(await page.locator('.lksa-map .legend li').count()).toBe(4);
  });

  it('looks right (screenshot) and passes axe-core without serious or critical violations', async () => {
    const page = site.page;
    // Nothing of the page still loading (figures, breakdowns, table, the map's dots) before the picture and the audit.
    await page.waitForFunction(() => document.querySelector('.lksa-map-canvas[data-map-status="ready"][data-rendered]') !== null
      && document.querySelector('main [aria-busy="true"], main p[role="status"], .lksa-map-overlay') === null, undefined, { timeout: 60_000 });
    await page.screenshot({ path: join(SITE.shots, 'lksa.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 3600 } });
    expect(await seriousAxeViolations(page, 'main')).toEqual([]);
  }, 240_000); // axe-core over a 600-row table and an SVG chart takes a while on a busy machine

  it('a kab/kota in the table opens its profile', async () => {
    const page = site.page;
    const first = page.locator('.data-table tbody tr').first();
    const key = await first.getAttribute('data-key');
    const [row] = await db.rows('SELECT region_code FROM lksa WHERE lksa_id = $id', { id: key });
    await first.locator('th button').click();
    await page.waitForFunction((r) => { const q = new URLSearchParams(location.search); return q.get('v') === 'profile' && q.get('r') === r; }, row!.region_code);
  });

  it('sent no request to another origin and logged no console error', () => {
    expect(site.browser.external).toEqual([]);
    expect(site.browser.consoleErrors).toEqual([]);
  });
});

describe('the LKSA page with a hostile institution name (tampered fixture snapshot)', () => {
  const scratch = tempDir('pantau-e2e-lksa-xss-');
  let xss: Site | undefined;
  const dialogs: string[] = [];

  beforeAll(async () => {
    // The fixture's T-004 (Aceh, alone on the map) renamed; the CSV field quoted, its quotes doubled.
    const raw = copyValidRaw(scratch.dir);
    const csv = readFileSync(join(raw, 'lksa.csv'), 'utf8');
    expect(csv).toContain('LKSA-T-004,LKSA Uji Anggrek,');
    writeFileSync(join(raw, 'lksa.csv'), csv.replace('LKSA-T-004,LKSA Uji Anggrek,', `LKSA-T-004,"${EVIL.replace(/"/g, '""')}",`));
    const dir = join(scratch.dir, 'site');
    cpSync(SITE.dist, dir, { recursive: true });
    rmSync(join(dir, 'data'), { recursive: true, force: true });
    await buildSnapshot({ rawDir: raw, outDir: join(dir, 'data'), snapshotId: 'xss', k: 5, referenceDate: REFERENCE_DATE, synthetic: true });
    xss = await openSite({ dir, viewport: DESKTOP });
    xss.page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  }, 180_000);

  afterAll(async () => {
    await xss?.close();
    scratch.cleanup();
  });

  it('shows the name as text in the table and creates no element from it', async () => {
    const page = xss!.page;
    await page.goto(`${xss!.origin}/?v=lksa`);
    expect(await matching(page)).toBe(6);
    const cell = page.locator('.data-table tbody tr[data-key="LKSA-T-004"] td').first();
    expect(await cell.textContent()).toBe(EVIL);
    expect(await cell.evaluate((td) => td.children.length)).toBe(0);
    expect(await page.getByText(EVIL, { exact: true }).count()).toBeGreaterThanOrEqual(1);
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"], main img, main b').length)).toBe(0);
  }, 120_000);

  it('shows the name as text in the map\'s hover label', async () => {
    const page = xss!.page;
    await page.waitForSelector('.lksa-map-canvas[data-map-status="ready"][data-rendered]', { timeout: 60_000 });
    // Where T-004 (97.44 E, 3.16 N) is drawn: the map fits Indonesia's bounds (padding 16) in Web Mercator, 512 px tiles.
    await page.locator('.lksa-map-canvas').scrollIntoViewIfNeeded();
    const box = (await page.locator('.lksa-map-canvas').boundingBox())!;
    const mx = (lng: number) => (180 + lng) / 360;
    const my = (lat: number) => (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360;
    const [w, s, e, n] = INDONESIA_BOUNDS;
    const scale = Math.min((box.width - 32) / (mx(e) - mx(w)), (box.height - 32) / (my(s) - my(n)));
    const cx = (mx(w) + mx(e)) / 2;
    const cy = (my(n) + my(s)) / 2;
    const x = box.x + box.width / 2 + (mx(97.44) - cx) * scale;
    const y = box.y + box.height / 2 + (my(3.16) - cy) * scale;
    const tip = page.locator('.lksa-map-tip');
    // Search a few pixels around the computed point, in case of rounding.
    let found = false;
    for (const [dx, dy] of [[0, 0], [1, 0], [-1, 0], [0, 1], [0, -1], [2, 2], [-2, -2], [2, -2], [-2, 2], [3, 0], [-3, 0], [0, 3], [0, -3]] as const) {
      await pointerHandled(page, x + dx, y + dy);
      if (await tip.isVisible()) { found = true; break; }
    }
    expect(found).toBe(true);
    expect(await tip.textContent()).toBe(EVIL);
    expect(await tip.evaluate((el) => el.children.length)).toBe(0);
    await page.locator('.lksa-map').screenshot({ path: join(SITE.shots, 'lksa-xss.png') });
  });

  it('opened no dialog, ran no injected code, made no request elsewhere and logged no error', async () => {
    expect(dialogs).toEqual([]);
    expect(await xss!.page.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
    expect(xss!.server.requests.filter((p) => p === '/x' || p.endsWith('/x'))).toEqual([]);
    expect(xss!.browser.external).toEqual([]);
    expect(xss!.browser.consoleErrors).toEqual([]);
  });
});
