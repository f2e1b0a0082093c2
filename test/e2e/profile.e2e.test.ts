import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DESKTOP, SITE, seriousAxeViolations, useSite, useSnapshotDb, type Cell } from './site.ts';

// The region profile in Chromium on the built site (dist/, demo snapshot): the numbers on screen are the numbers in
// the Parquet files (computed here with @duckdb/node-api, independently of the app's SQL), the region picker and
// the breadcrumb change the URL and the numbers, back restores, nothing leaves the origin, no console error, and
// axe-core finds no serious or critical violation. Screenshots: test-results/screenshots/profile-*.png.
// Build first: npm run build:data -- --if-missing && npx vite build.

const db = useSnapshotDb();
const site = useSite({ viewport: DESKTOP });

const nf = (n: number, digits = 0) => new Intl.NumberFormat('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
const shown = (n: Cell, digits = 0) => (n === null ? 'disembunyikan' : nf(Number(n), digits));

/** What the page should show as key figures for a region, straight from the Parquet files. */
async function expected(region: string) {
  const { year } = await db.one('SELECT max(year)::INTEGER AS year FROM violence_totals');
  const v = await db.one(`SELECT t.victims::INTEGER AS victims, t.cases::INTEGER AS cases, t.suppressed,
      t.victims * 100000.0 / r.child_population AS rate
    FROM violence_totals t JOIN regions r USING (region_code) WHERE t.year = $year AND t.region_code = $region`, { year: Number(year), region });
  const l = await db.one(`SELECT count(*)::INTEGER AS n FROM lksa WHERE $region = '00' OR region_code = $region OR province_code = $region`, { region });
  return {
    year: Number(year),
    victims: shown(v.victims ?? null),
    cases: shown(v.cases ?? null),
    rate: v.suppressed ? 'disembunyikan' : shown(v.rate as number, 1),
    lksa: nf(Number(l.n)),
  };
}

const figure = (page: Page, id: string) => page.locator(`[data-figure="${id}"] .figure-value`);

/** Waits until every key figure has loaded (no "Memuat…") for the region in the title. */
async function settled(page: Page, name: string): Promise<void> {
  await page.waitForFunction((n) => {
    const title = document.querySelector('h2.profile-title')?.textContent;
    const values = [...document.querySelectorAll('[data-figure] .figure-value')].map((e) => e.textContent ?? '');
    const busy = document.querySelectorAll('.profile [aria-busy="true"]').length;
    return title === n && values.length >= 5 && values.every((v) => v && !v.startsWith('Memuat')) && busy === 0;
  }, name, { timeout: 120_000 });
}

async function expectFigures(page: Page, region: string): Promise<void> {
  const want = await expected(region);
  expect(await figure(page, 'violence-victims').textContent()).toBe(want.victims);
  expect(await figure(page, 'violence-cases').textContent()).toBe(want.cases);
  expect(await figure(page, 'violence-victim-rate').textContent()).toBe(want.rate);
  expect(await figure(page, 'lksa-institutions').textContent()).toBe(want.lksa);
  expect(await page.locator('[data-figure="violence-victims"] .figure-label').textContent()).toContain(String(want.year));
}

describe('region profile in the browser', () => {
  describe('Kota Bandung, opened from its link', () => {
    beforeAll(async () => {
      await site.page.goto(`${site.origin}/?v=profile&r=32.73`);
      await settled(site.page, 'Kota Bandung');
    }, 180_000);

    it('shows the key figures the Parquet files give', async () => {
      await expectFigures(site.page, '32.73');
    });

    it('shows the KLA category of its latest evaluation', async () => {
      const kla = await db.one(`SELECT category FROM kla WHERE region_code = '32.73' ORDER BY year DESC LIMIT 1`);
      const klaLabel: Record<string, string> = { tidak_ada: 'Belum berpredikat', pratama: 'Pratama', madya: 'Madya', nindya: 'Nindya', utama: 'Utama', kla: 'KLA' };
      expect(await figure(site.page, 'kla-category').textContent()).toBe(kla.category === undefined ? 'tidak ada data' : klaLabel[String(kla.category)]);
    });

    it('has the breadcrumb Indonesia › Jawa Barat › Kota Bandung', async () => {
      expect(await site.page.locator('.profile-breadcrumb li').allTextContents()).toEqual(['Indonesia', 'Jawa Barat', 'Kota Bandung']);
    });

    it('ranks its share of accredited LKSA among Jawa Barat\'s kab/kota as SQL does', async () => {
      // A rank computed independently: the share of accredited LKSA (higher is better) among Jawa Barat's kab/kota.
      const rank = await db.one(`WITH s AS (
          SELECT r.region_code, 100.0 * count(l.lksa_id) FILTER (WHERE l.accreditation IN ('A', 'B', 'C')) / nullif(count(l.lksa_id), 0) AS share
          FROM regions r LEFT JOIN lksa l ON l.region_code = r.region_code
          WHERE r.level = 'regency' AND r.province_code = '32' GROUP BY r.region_code)
        SELECT (SELECT count(*) FROM s WHERE share > (SELECT share FROM s WHERE region_code = '32.73'))::INTEGER + 1 AS rank,
               (SELECT count(*) FROM s WHERE share IS NOT NULL)::INTEGER AS n,
               (SELECT share FROM s WHERE region_code = '32.73') AS share`);
      const rankCell = site.page.locator('tr[data-indicator="lksa-accredited-share"] td[data-rank="same-province"]');
      if (rank.share === null) expect(await rankCell.textContent()).toBe('tidak diperingkat: tidak ada data');
      else expect(await rankCell.textContent()).toMatch(new RegExp(`^peringkat ${rank.rank} dari ${rank.n}\\b`));
    });

    it('shows the caveat on reporting vs prevalence', async () => {
      await expect.poll(() => site.page.getByText(/menunjukkan pelaporan sama besarnya dengan kejadian/).first().isVisible()).toBe(true);
    });

    it('lists Kota Bandung\'s LKSA institutions in its table', async () => {
      const lksa = await db.one(`SELECT count(*)::INTEGER AS n FROM lksa WHERE region_code = '32.73'`);
      expect(await site.page.locator('.profile-lksa .data-table-wrap tbody tr').count()).toBe(Math.min(Number(lksa.n), 25));
    });

    it('looks right (screenshot) and passes axe-core without serious or critical violations', async () => {
      await site.page.screenshot({ path: join(SITE.shots, 'profile-regency.png'), fullPage: true });
      expect(await seriousAxeViolations(site.page, 'main')).toEqual([]);
    }, 180_000);
  });

  describe('Jawa Barat, chosen in the picker (type, arrow down, Enter)', () => {
    beforeAll(async () => {
      const page = site.page;
      const picker = page.getByRole('combobox', { name: 'Pilih wilayah' });
      await picker.fill('jawa barat');
      // The first option offered is Jawa Barat (a wait, not expect.poll: that is for tests, not hooks).
      await page.getByRole('option').first().filter({ hasText: 'Jawa Barat' }).waitFor({ timeout: 30_000 });
      await picker.press('ArrowDown');
      await picker.press('Enter');
      await settled(page, 'Jawa Barat');
    }, 180_000);

    it('goes into the URL', () => {
      expect(new URL(site.page.url()).searchParams.get('r')).toBe('32');
    });

    it('shows the province\'s key figures the Parquet files give', async () => {
      await expectFigures(site.page, '32');
    });

    it('ranks the province among the 38 (or says why not)', async () => {
      expect(await site.page.locator('tr[data-indicator="violence-victim-rate"] td[data-rank="provinces"]').textContent()).toMatch(/^peringkat \d+ dari 38\b|^tidak diperingkat/);
    });

    it('looks right (screenshot) and passes axe-core without serious or critical violations', async () => {
      await site.page.screenshot({ path: join(SITE.shots, 'profile-province.png'), fullPage: true });
      expect(await seriousAxeViolations(site.page, 'main')).toEqual([]);
    }, 180_000);
  });

  describe('back', () => {
    beforeAll(async () => {
      await site.page.goBack();
      await settled(site.page, 'Kota Bandung');
    }, 180_000);

    it('restores Kota Bandung in the URL', () => {
      expect(new URL(site.page.url()).searchParams.get('r')).toBe('32.73');
    });

    it('restores Kota Bandung\'s key figures', async () => {
      await expectFigures(site.page, '32.73');
    });
  });

  describe('Indonesia, through the breadcrumb', () => {
    beforeAll(async () => {
      await site.page.locator('.profile-breadcrumb').getByRole('button', { name: 'Indonesia' }).click();
      await settled(site.page, 'Indonesia');
    }, 180_000);

    it('leaves the region out of the URL (\'00\' is the default, not written)', () => {
      expect(new URL(site.page.url()).searchParams.get('r')).toBeNull();
    });

    it('shows the national key figures the Parquet files give', async () => {
      await expectFigures(site.page, '00');
    });

    it('shows the provinces\' spread instead of ranks', async () => {
      expect(await site.page.locator('[data-rank]').count()).toBe(0);
      expect(await site.page.locator('tr[data-indicator="violence-victim-rate"] td').nth(2).textContent()).toMatch(/\(.+\) \/ .+ \/ .+ \(.+\)/);
    });

    it('looks right (screenshot) and passes axe-core without serious or critical violations', async () => {
      await site.page.screenshot({ path: join(SITE.shots, 'profile-national.png'), fullPage: true });
      expect(await seriousAxeViolations(site.page, 'main')).toEqual([]);
    }, 180_000);
  });

  it('made no request to another origin and logged no console error', () => {
    expect(site.browser.external).toEqual([]);
    expect(site.browser.consoleErrors).toEqual([]);
  });
});
