import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { SITE, seriousAxeViolations, useSite } from './site.ts';

// Exports and sharing in Chromium on a built site: a chart's SVG and PNG downloads carry title, source, snapshot id,
// reference date and the synthetic notice; the PNG decodes and is not blank; the map explorer's PNG holds the painted
// map; "Salin tautan" puts the URL in the clipboard; `?embed=<id>` shows one figure without the page around it (and
// no static landing map), with a link to the full view; an unknown id says so. Nothing leaves the origin, no console
// error, axe finds nothing serious on an embed. Screenshots: test-results/screenshots/embed-*.png; downloads:
// test-results/exports/. Build first: npx vite build (or PANTAU_DIST=<folder>).

const EXPORTS = join(SITE.results, 'exports');
const { manifest } = SITE.snapshot;
const referenceDate = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(manifest.reference_date));

const site = useSite();
beforeAll(async () => {
  await site.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  mkdirSync(EXPORTS, { recursive: true });
});

/** Waits until a chart figure has drawn its SVG. */
async function chartDrawn(page: Page, id: string): Promise<void> {
  await page.waitForFunction((id) => (document.querySelector(`[data-figure-id="${id}"] .chart svg`)?.querySelectorAll('path').length ?? 0) > 3,
    id, { timeout: 120_000 });
}

/** Clicks an export button of a figure and saves the download to test-results/exports/. */
async function exportFigure(page: Page, id: string, kind: 'png' | 'svg'): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.locator(`[data-figure-id="${id}"] button[data-export="${kind}"]`).click(),
  ]);
  const path = join(EXPORTS, download.suggestedFilename());
  await download.saveAs(path);
  return { download, bytes: readFileSync(path) };
}

/** The PNG's size from its IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes a PNG in the page (a canvas) and counts colours: distinct ones, and saturated pixels inside a box (fractions). */
async function pngColours(page: Page, bytes: Buffer, box = { x0: 0, y0: 0, x1: 1, y1: 1 }): Promise<{ width: number; height: number; distinct: number; saturated: number }> {
  return page.evaluate(async ({ b64, box }) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const distinct = new Set<number>();
    let saturated = 0;
    for (let y = 0; y < canvas.height; y += 2) {
      for (let x = 0; x < canvas.width; x += 2) {
        const i = (y * canvas.width + x) * 4;
        const r = data[i]!; const g = data[i + 1]!; const b = data[i + 2]!;
        distinct.add((r << 16) | (g << 8) | b);
        const inBox = x >= box.x0 * canvas.width && x < box.x1 * canvas.width && y >= box.y0 * canvas.height && y < box.y1 * canvas.height;
        if (inBox && Math.max(r, g, b) - Math.min(r, g, b) > 40) saturated += 1;
      }
    }
    return { width: canvas.width, height: canvas.height, distinct: distinct.size, saturated };
  }, { b64: bytes.toString('base64'), box });
}

/** The texts of an SVG's <text> elements, unescaped, joined by spaces (wrapped lines read as one). */
function svgTexts(svg: string): string {
  const un = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => un(m[1]!)).join(' ');
}

describe('exports and sharing', () => {
  describe('exports a chart as SVG and PNG with title, source, snapshot, date and the synthetic notice', () => {
    let title: string;
    /** The exported SVG's size as the browser draws it (the PNG is twice that). */
    let drawable: { w: number; h: number } | undefined;
    beforeAll(async () => {
      const page = site.page;
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${site.origin}/?v=violence`);
      await chartDrawn(page, 'violence-type');
      title = (await page.locator('#violence-type-title').textContent())!.trim();
    }, 180_000);

    it('captions the chart on the page: source line, snapshot, date, synthetic badge', async () => {
      expect(title.length).toBeGreaterThan(3);
      const caption = await site.page.locator('[data-figure-id="violence-type"] figcaption').textContent();
      expect(caption).toContain(manifest.snapshot_id);
      expect(caption).toContain(referenceDate);
      if (manifest.synthetic) expect(caption).toContain('DATA SINTETIS');
    });

    it('exports an SVG with the title, source, snapshot, date and notice, the chart inside, that the browser can draw', async () => {
      const page = site.page;
      const svg = await exportFigure(page, 'violence-type', 'svg');
      expect(svg.download.suggestedFilename()).toBe(`pantau-anak_violence-type_${manifest.snapshot_id}.svg`);
      const text = svg.bytes.toString('utf8');
      expect(text.startsWith('<svg')).toBe(true);
      const words = svgTexts(text);
      expect(words).toContain(title);
      expect(words).toContain('Sumber: SIMFONI-PPA');
      expect(words).toContain(`Snapshot ${manifest.snapshot_id}`);
      expect(words).toContain(referenceDate);
      if (manifest.synthetic) expect(words).toContain(manifest.synthetic_notice!.id);
      // The chart itself is inside (its bars), and the file is an image the browser can draw.
      expect((text.match(/<path\b/g) ?? []).length).toBeGreaterThan(10);
      drawable = await page.evaluate(async (svgText) => {
        const img = new Image();
        img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
        await img.decode();
        return { w: img.naturalWidth, h: img.naturalHeight };
      }, text);
      expect(drawable.w).toBeGreaterThan(300);
    });

    it('exports a PNG at twice the SVG\'s size, with the bars\' colours (not blank)', async () => {
      expect(drawable, 'the SVG export (the test before) gives the size').toBeDefined();
      const png = await exportFigure(site.page, 'violence-type', 'png');
      expect(png.download.suggestedFilename()).toBe(`pantau-anak_violence-type_${manifest.snapshot_id}.png`);
      const size = pngSize(png.bytes);
      expect(size.width).toBe(drawable!.w * 2);
      expect(size.height).toBe(drawable!.h * 2);
      const colours = await pngColours(site.page, png.bytes);
      expect(colours.distinct).toBeGreaterThan(8);
      expect(colours.saturated).toBeGreaterThan(100); // the bars
    });

    it('gives an embed snippet naming this figure and the page\'s state, and copies it', async () => {
      const page = site.page;
      await page.locator('[data-figure-id="violence-type"] button[data-export="embed"]').click();
      const snippet = await page.locator('[data-figure-id="violence-type"] textarea').inputValue();
      expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?v=violence&amp;embed=violence-type" title="[^"]+" width="\d+" height="\d+" loading="lazy"/);
      await page.locator('[data-figure-id="violence-type"] .export-figure-embed button').click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    });
  });

  it('copies the page link', async () => {
    const page = site.page;
    await page.goto(`${site.origin}/?v=kla&lang=en`);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.locator('.copy-link-status').textContent()).toBe('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.origin}/?v=kla&lang=en`);
    await page.goto(`${site.origin}/?v=violence`);
    await page.getByRole('button', { name: 'Salin tautan' }).click();
    await expect.poll(() => page.locator('.copy-link-status').textContent()).toBe('Tautan disalin');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.origin}/?v=violence`);
  });

  it('exports the map explorer as a PNG with the painted map', async () => {
    const page = site.page;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site.origin}/?v=map`);
    await page.hover('.map-stage'); // MapLibre loads when the user reaches for the map
    await page.waitForFunction(() => document.querySelector('.choropleth')?.getAttribute('data-painted'), undefined, { timeout: 120_000 });
    const png = await exportFigure(page, 'map-explorer', 'png');
    expect(png.download.suggestedFilename()).toBe(`pantau-anak_map-explorer_${manifest.snapshot_id}.png`);
    const size = pngSize(png.bytes);
    const canvas = await page.$eval('.choropleth canvas', (c) => ({ w: (c as HTMLCanvasElement).clientWidth, h: (c as HTMLCanvasElement).clientHeight }));
    expect(size.width).toBe((canvas.w + 32) * 2);
    expect(size.height).toBeGreaterThan(canvas.h * 2);
    // The map's colours are in the middle band of the image (not a blank canvas).
    const colours = await pngColours(page, png.bytes, { x0: 0.05, y0: 0.2, x1: 0.95, y1: 0.7 });
    expect(colours.saturated).toBeGreaterThan(2000);
    // Maps have no SVG export.
    expect(await page.locator('[data-figure-id="map-explorer"] button[data-export="svg"]').count()).toBe(0);
  });

  it('exports the LKSA institution map and a KLA chart', async () => {
    const page = site.page;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${site.origin}/?v=lksa`);
    await page.waitForSelector('.lksa-map-canvas[data-map-status="ready"][data-rendered]', { timeout: 120_000 });
    const png = await exportFigure(page, 'lksa-institution-map', 'png');
    expect(png.download.suggestedFilename()).toBe(`pantau-anak_lksa-institution-map_${manifest.snapshot_id}.png`);
    expect(pngSize(png.bytes).width).toBeGreaterThan(0);
    const colours = await pngColours(page, png.bytes, { x0: 0.05, y0: 0.15, x1: 0.95, y1: 0.75 });
    expect(colours.saturated).toBeGreaterThan(200); // the institution dots

    await page.goto(`${site.origin}/?v=kla`);
    await chartDrawn(page, 'kla-movements');
    const svg = await exportFigure(page, 'kla-movements', 'svg');
    expect(svgTexts(svg.bytes.toString('utf8'))).toContain('Evaluasi Kabupaten/Kota Layak Anak');
  });

  it('embeds one chart without the page around it', async () => {
    const page = site.page;
    await page.setViewportSize({ width: 800, height: 700 });
    await page.goto(`${site.origin}/?v=violence&embed=violence-type`);
    await chartDrawn(page, 'violence-type');
    expect(await page.locator('[data-figure-id]').count()).toBe(1);
    expect(await page.locator('.chart').count()).toBe(1);
    for (const chrome of ['.app-header', 'nav', '.app-footer', '.status-bar']) expect(await page.locator(chrome).count(), chrome).toBe(0);
    expect(await page.locator('#synthetic-banner:visible, #landing-map:visible, .landing-main:visible').count()).toBe(0);
    const figure = page.locator('#embed-root [data-figure-id="violence-type"]');
    expect(await figure.locator('h1').textContent()).toBeTruthy();
    if (manifest.synthetic) {
      expect(await page.locator('.embed-notice').textContent()).toBe(manifest.synthetic_notice!.id);
      expect(await figure.locator('figcaption').textContent()).toContain('DATA SINTETIS');
    }
    const link = figure.getByRole('link', { name: /Lihat di Pantau Anak/ });
    expect(await link.getAttribute('href')).toBe('/?v=violence');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    await page.screenshot({ path: join(SITE.shots, 'embed-violence.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Exports work in an embed too.
    const png = await exportFigure(page, 'violence-type', 'png');
    expect(pngSize(png.bytes).width).toBeGreaterThan(0);
  });

  it('embeds the map alone, without the static landing map', async () => {
    const page = site.page;
    await page.setViewportSize({ width: 900, height: 700 });
    await page.goto(`${site.origin}/?v=map&embed=map-explorer`);
    await page.waitForFunction(() => document.querySelector('.choropleth')?.getAttribute('data-painted'), undefined, { timeout: 120_000 });
    expect(await page.locator('[data-figure-id]').count()).toBe(1);
    expect(await page.locator('.app-header').count()).toBe(0);
    expect(await page.evaluate(() => document.getElementById('landing-map'))).toBeNull();
    expect(await page.locator('.map-controls:visible, .map-table:visible').count()).toBe(0);
    expect(await page.locator('#embed-root .legend-box').isVisible()).toBe(true);
    await page.screenshot({ path: join(SITE.shots, 'embed-map.png'), fullPage: true });
    const png = await exportFigure(page, 'map-explorer', 'png');
    writeFileSync(join(EXPORTS, 'embed-map-export.png'), png.bytes);
    const colours = await pngColours(page, png.bytes, { x0: 0.05, y0: 0.2, x1: 0.95, y1: 0.7 });
    expect(colours.saturated).toBeGreaterThan(2000);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('in an embed, promises no table below and opens a kab/kota profile in the full app, in a new tab', async () => {
    const page = site.page;
    await page.setViewportSize({ width: 900, height: 700 });
    await page.goto(`${site.origin}/?v=map&l=regency&p=34&embed=map-explorer`);
    await page.waitForFunction(() => document.querySelector('.choropleth')?.getAttribute('data-painted')?.includes('|regency|'), undefined, { timeout: 120_000 });
    const help = await page.locator('#embed-root .map-help').textContent();
    expect(help).toContain('tab baru');
    expect(help).not.toContain('Tabel di bawah');
    const box = (await page.locator('#embed-root .choropleth canvas').boundingBox())!;
    const [opened] = await Promise.all([
      page.context().waitForEvent('page', { timeout: 30_000 }),
      page.mouse.click(box.x + box.width / 2, box.y + box.height / 2),
    ]);
    const url = new URL(opened.url());
    expect(url.searchParams.get('v')).toBe('profile');
    expect(url.searchParams.get('r')).toMatch(/^34\.\d\d$/);
    expect(url.searchParams.has('embed')).toBe(false);
    await opened.close();
    // The embed itself stays on the map.
    expect(await page.locator('#embed-root .choropleth').count()).toBe(1);
  });

  it('says so when the embedded figure is unknown', async () => {
    const page = site.page;
    await page.goto(`${site.origin}/?v=violence&embed=no-such-figure`);
    const alert = page.locator('[data-embed-unknown]');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('no-such-figure');
    expect(await page.locator('[data-figure-id]').count()).toBe(0);
    await page.screenshot({ path: join(SITE.shots, 'embed-unknown.png') });
  });

  it('sent nothing to another origin and logged no console error', () => {
    expect(site.browser.external).toEqual([]);
    expect(site.browser.consoleErrors).toEqual([]);
  });
});
