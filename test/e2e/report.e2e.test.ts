import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DESKTOP, SITE, seriousAxeViolations, useSite, useSnapshotDb, type Cell } from './site.ts';

// The printable report in Chromium on the built site (demo snapshot): the report says when it is ready
// (data-ready="true" once every query, the map and every chart are done), page.pdf() prints it to A4
// (test-results/report-*.pdf), and poppler checks the PDF: A4 pages, more than one, the section headings in order,
// the key figures equal to @duckdb/node-api SQL on the snapshot's Parquet files, the watermark on every page, the
// snapshot id, no app navigation. Pages are rendered to test-results/screenshots/report-*-N.png to be looked at.
// Also: nothing leaves the origin, no console error, no serious or critical axe-core violation on the screen version.
// Build first: npx vite build (PANTAU_DIST points at another build folder).

const { manifest } = SITE.snapshot;
const db = useSnapshotDb();
const site = useSite({ viewport: DESKTOP });

type Lang = 'id' | 'en';
const nf = (lang: Lang, n: number, digits = 0) =>
  new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
const withheldWord = (lang: Lang) => (lang === 'id' ? 'disembunyikan' : 'withheld');

/** The key figures a report should show for a region, straight from the Parquet files (independent of the app's SQL). */
async function expectedFigures(region: string, lang: Lang) {
  const { year } = await db.one('SELECT max(year)::INTEGER AS year FROM violence_totals');
  const figures = async (code: string) => {
    const v = await db.one(`SELECT t.victims::INTEGER AS victims, t.cases::INTEGER AS cases, t.suppressed,
        t.victims * 100000.0 / r.child_population AS rate
      FROM violence_totals t JOIN regions r USING (region_code) WHERE t.year = $year AND t.region_code = $code`, { year: Number(year), code });
    const l = await db.one(`SELECT count(*)::INTEGER AS n FROM lksa WHERE $code = '00' OR region_code = $code OR province_code = $code`, { code });
    const shown = (n: Cell, d = 0) => (n === null || n === undefined ? withheldWord(lang) : nf(lang, Number(n), d));
    return {
      'violence-victims': shown(v.victims ?? null),
      'violence-cases': shown(v.cases ?? null),
      'violence-victim-rate': v.suppressed ? withheldWord(lang) : shown(v.rate ?? null, 1),
      'lksa-institutions': nf(lang, Number(l.n)),
    };
  };
  return { year: Number(year), own: await figures(region), national: await figures('00') };
}

/** Opens a report and waits until it says it is ready. */
async function openReport(page: Page, query: string): Promise<void> {
  await page.goto(`${site.origin}/?${query}`);
  await page.waitForSelector('.report[data-ready="true"]', { timeout: 150_000 });
}

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' });

interface Pdf { pages: string[]; all: string; info: string; file: string }

/** Prints the page to A4 PDF, renders the pages to PNG (50 dpi) and returns the text of each page. */
async function printPdf(page: Page, name: string): Promise<Pdf> {
  const file = join(SITE.results, `report-${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', printBackground: true });
  const info = run('pdfinfo', [file]);
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const pages = Array.from({ length: count }, (_, i) => run('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-']));
  for (const f of readdirSync(SITE.shots)) if (f.startsWith(`report-${name}-`) && f.endsWith('.png')) rmSync(join(SITE.shots, f));
  run('pdftoppm', ['-r', '50', '-png', file, join(SITE.shots, `report-${name}`)]);
  return { pages, all: run('pdftotext', [file, '-']), info, file };
}

/** The text with whitespace collapsed (pdftotext breaks lines and spreads columns). */
const flat = (s: string) => s.replace(/\s+/g, ' ');

function expectA4(pdf: Pdf): void {
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts(?: \(A4\))?/m.exec(pdf.info);
  expect(size, pdf.info).not.toBeNull();
  expect(Math.abs(Number(size![1]) - 595.28)).toBeLessThan(1.5);
  expect(Math.abs(Number(size![2]) - 841.89)).toBeLessThan(1.5);
  expect(pdf.pages.length).toBeGreaterThan(1);
}

/** The headings appear in the PDF in this order. */
function expectInOrder(text: string, headings: string[]): void {
  const t = flat(text);
  let at = 0;
  for (const h of headings) {
    const i = t.indexOf(h, at);
    expect(i, `"${h}" after position ${at}`).toBeGreaterThanOrEqual(0);
    at = i + h.length;
  }
}

/**
 * The lines of large rotated text on a page (the watermark): pdftotext splits rotated text into single glyphs, so the
 * glyph boxes (pdftotext -bbox) taller than any body text are grouped by their distance across the -35° baseline and
 * read along it.
 */
function watermarkLines(file: string, page: number): string[] {
  const xml = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-']);
  const angle = (35 * Math.PI) / 180;
  const glyphs = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5]! }))
    .filter((g) => g.y1 - g.y0 > 30)
    .map((g) => {
      const cx = (g.x0 + g.x1) / 2;
      const cy = (g.y0 + g.y1) / 2;
      return { text: g.text, cx, across: cx * Math.sin(angle) + cy * Math.cos(angle) };
    })
    .sort((a, b) => a.across - b.across);
  const lines: Array<typeof glyphs> = [];
  for (const g of glyphs) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(g.across - last[last.length - 1]!.across) < 20) last.push(g);
    else lines.push([g]);
  }
  return lines.map((l) => l.sort((a, b) => a.cx - b.cx).map((g) => g.text).join(''));
}

function expectWatermarkEverywhere(pdf: Pdf): void {
  if (!manifest.synthetic) return;
  pdf.pages.forEach((_, i) => {
    expect(watermarkLines(pdf.file, i + 1), `watermark on page ${i + 1}`).toEqual(['DATASINTETIS', 'SYNTHETICDATA']);
  });
}

/** Nothing of the app's shell in the PDF: navigation, language switch, status bar, footer. */
function expectNoShell(pdf: Pdf): void {
  const t = flat(pdf.all);
  for (const s of ['Konsol SQL', 'SQL console', 'Profil wilayah', 'Region profile', 'Navigasi utama', 'Mesin kueri', 'Query engine', 'Cetak / Print', 'Print / Cetak']) {
    expect(t, s).not.toContain(s);
  }
}

async function expectFigures(page: Page, pdf: Pdf, region: string, lang: Lang, ids: string[]): Promise<void> {
  const want = await expectedFigures(region, lang);
  const firstPages = flat(pdf.pages.slice(0, 2).join('\n'));
  for (const id of ids) {
    const key = id as keyof typeof want.own;
    expect(await page.locator(`[data-figure="${id}"] [data-value]`).textContent(), id).toBe(want.own[key]);
    expect(firstPages, `${id} = ${want.own[key]} in the PDF`).toContain(want.own[key]);
    if (region !== '00') {
      const nat = `Indonesia: ${want.national[key]}`;
      expect(await page.locator(`[data-figure="${id}"] [data-national]`).textContent()).toBe(nat);
      expect(firstPages).toContain(nat);
    }
  }
  expect(await page.locator('[data-figure="violence-victims"]').textContent()).toContain(String(want.year));
}

const FIGURES = ['violence-victims', 'violence-cases', 'violence-victim-rate', 'lksa-institutions'];

describe('printable report in the browser', () => {
  describe('Jawa Barat, all subjects: an A4 PDF with the figures of the snapshot, the watermark on every page', () => {
    beforeAll(async () => { await openReport(site.page, 'v=report&r=32&subj=all'); }, 180_000);

    it('is titled for Jawa Barat', async () => {
      expect(await site.page.locator('.report .report-title').textContent()).toBe('Laporan perlindungan anak: Jawa Barat');
    });

    it('draws every chart as SVG and no canvas', async () => {
      const page = site.page;
      const charts = page.locator('.report .report-chart');
      expect(await charts.count()).toBeGreaterThanOrEqual(4);
      expect(await page.locator('.report .report-chart svg').count()).toBe(await charts.count());
      expect(await page.locator('canvas').count()).toBe(0);
    });

    it('draws the map as SVG paths of Jawa Barat\'s kab/kota, with a table row for each', async () => {
      const kabkota = await db.one(`SELECT count(*)::INTEGER AS n FROM regions WHERE level = 'regency' AND province_code = '32'`);
      expect(await site.page.locator('.report-map-svg path[data-region]').count()).toBe(Number(kabkota.n));
      expect(await site.page.locator('.report-subtable tbody tr').count()).toBe(Number(kabkota.n));
    });

    it('enables Print once ready', async () => {
      expect(await site.page.getByRole('button', { name: 'Cetak / Print' }).isEnabled()).toBe(true); // disabled until ready
    });

    it('looks right on screen (screenshot) and passes axe-core without serious or critical violations', async () => {
      await site.page.screenshot({ path: join(SITE.shots, 'report-screen-province.png'), fullPage: true });
      expect(await seriousAxeViolations(site.page, 'main')).toEqual([]);
    }, 180_000);

    describe('printed to PDF', () => {
      let pdf: Pdf;
      beforeAll(async () => { pdf = await printPdf(site.page, 'province'); }, 180_000);

      it('has A4 pages, more than one', () => {
        expectA4(pdf);
      });

      it('has the sections in order', () => {
        expectInOrder(pdf.all, [
          'Laporan perlindungan anak: Jawa Barat', 'Angka kunci', 'Peta', 'Kekerasan terhadap anak',
          'LKSA (lembaga kesejahteraan sosial anak)', 'Kabupaten/Kota Layak Anak (KLA)', 'Kabupaten/kota di Jawa Barat',
          'Metodologi dan catatan', 'Sumber dan lisensi', 'Sitasi',
        ]);
      });

      it('names the snapshot and its reference date', () => {
        expect(flat(pdf.all)).toContain(`Snapshot ${manifest.snapshot_id}`);
        expect(flat(pdf.pages[0]!)).toMatch(/Tanggal acuan/);
      });

      it('states the reporting caveat, the estimated denominator, the disclosure rule, the KLA thresholds and the licence', () => {
        expect(flat(pdf.all)).toContain('menunjukkan pelaporan sama besarnya dengan kejadian'); // the reporting caveat
        expect(flat(pdf.all)).toContain('ESTIMASI'); // the estimated child denominator
        expect(flat(pdf.all)).toContain('Angka anak dan angka kasus 1 sampai 4 tidak dipublikasikan'); // the manifest's disclosure rule
        expect(flat(pdf.all)).toMatch(/Pratama: 500-600 poin/); // KLA thresholds
        expect(flat(pdf.all)).toContain('CC BY 4.0');
      });

      it('carries the watermark on every page', () => {
        expectWatermarkEverywhere(pdf);
      });

      it('prints none of the app\'s shell', () => {
        expectNoShell(pdf);
      });

      it('shows and prints the key figures of the snapshot, Indonesia\'s beside them', async () => {
        await expectFigures(site.page, pdf, '32', 'id', FIGURES);
      });

      it('numbers the pages (the @page margin boxes)', () => {
        expect(flat(pdf.pages[0]!)).toMatch(new RegExp(`\\b1 ?/ ?${pdf.pages.length}\\b`));
      });
    });

    it('made no request to another origin and logged no console error', () => {
      expect(site.browser.external).toEqual([]);
      expect(site.browser.consoleErrors).toEqual([]);
    });
  });

  describe('Kota Bandung (a kab/kota): its figures, its province\'s kab/kota on the map with itself outlined', () => {
    beforeAll(async () => { await openReport(site.page, 'v=report&r=32.73&subj=all'); }, 180_000);

    it('is titled for Kota Bandung', async () => {
      expect(await site.page.locator('.report .report-title').textContent()).toBe('Laporan perlindungan anak: Kota Bandung');
    });

    it('outlines Kota Bandung on its province\'s map and marks its row in the kab/kota table', async () => {
      expect(await site.page.locator('.report-map-svg [data-highlight="32.73"]').count()).toBe(1);
      expect(await site.page.locator('.report-subtable tr.report-marked').getAttribute('data-code')).toBe('32.73');
    });

    it('shows the score of its latest KLA evaluation', async () => {
      const kla = await db.one(`SELECT year, round(score, 1) AS score FROM kla WHERE region_code = '32.73' ORDER BY year DESC LIMIT 1`);
      if (kla.year !== undefined) expect(await site.page.locator(`.report-kla-history tr[data-kla-year="${kla.year}"] td.num`).textContent()).toBe(nf('id', Number(kla.score), 1));
    });

    describe('printed to PDF', () => {
      let pdf: Pdf;
      beforeAll(async () => { pdf = await printPdf(site.page, 'regency'); }, 180_000);

      it('has A4 pages, more than one', () => {
        expectA4(pdf);
      });

      it('has the sections in order, its KLA history among them', () => {
        expectInOrder(pdf.all, ['Laporan perlindungan anak: Kota Bandung', 'Angka kunci', 'Peta', 'Kekerasan terhadap anak', 'Riwayat evaluasi KLA, Kota Bandung', 'Metodologi dan catatan', 'Sitasi']);
      });

      it('carries the watermark on every page', () => {
        expectWatermarkEverywhere(pdf);
      });

      it('prints none of the app\'s shell', () => {
        expectNoShell(pdf);
      });

      it('names the snapshot', () => {
        expect(flat(pdf.all)).toContain(`Snapshot ${manifest.snapshot_id}`);
      });

      it('shows and prints the key figures of the snapshot, Indonesia\'s beside them', async () => {
        await expectFigures(site.page, pdf, '32.73', 'id', FIGURES);
      });
    });

    it('passes axe-core without serious or critical violations', async () => {
      expect(await seriousAxeViolations(site.page, 'main')).toEqual([]);
    }, 180_000);

    it('made no request to another origin and logged no console error', () => {
      expect(site.browser.external).toEqual([]);
      expect(site.browser.consoleErrors).toEqual([]);
    });
  });

  describe('Indonesia in English, violence only', () => {
    beforeAll(async () => { await openReport(site.page, 'v=report&subj=violence&lang=en'); }, 180_000);

    it('is titled in English for Indonesia', async () => {
      expect(await site.page.locator('.report .report-title').textContent()).toBe('Report on violence against children: Indonesia');
    });

    it('maps the 38 provinces', async () => {
      expect(await site.page.locator('.report-map-svg path[data-region]').count()).toBe(38);
    });

    it('leaves out the subjects not asked for (no LKSA section)', async () => {
      expect(await site.page.locator('#report-lksa').count()).toBe(0);
    });

    describe('printed to PDF', () => {
      let pdf: Pdf;
      beforeAll(async () => { pdf = await printPdf(site.page, 'national-en'); }, 180_000);

      it('has A4 pages, more than one', () => {
        expectA4(pdf);
      });

      it('has the English sections in order, and not the Indonesian ones', () => {
        expectInOrder(pdf.all, ['Report on violence against children: Indonesia', 'Key figures', 'Map', 'Violence against children', 'Provinces of Indonesia', 'Methodology and caveats', 'Sources and licence', 'Citation']);
        expect(flat(pdf.all)).not.toContain('Metodologi dan catatan');
      });

      it('carries the watermark on every page', () => {
        expectWatermarkEverywhere(pdf);
      });

      it('prints none of the app\'s shell', () => {
        expectNoShell(pdf);
      });

      it('names the snapshot', () => {
        expect(flat(pdf.all)).toContain(`Snapshot ${manifest.snapshot_id}`);
      });

      it('shows and prints the violence key figures of the snapshot in English formats', async () => {
        await expectFigures(site.page, pdf, '00', 'en', ['violence-victims', 'violence-cases', 'violence-victim-rate']);
      });
    });

    it('passes axe-core without serious or critical violations', async () => {
      expect(await seriousAxeViolations(site.page, 'main')).toEqual([]);
    }, 180_000);

    it('made no request to another origin and logged no console error', () => {
      expect(site.browser.external).toEqual([]);
      expect(site.browser.consoleErrors).toEqual([]);
    });
  });
});
