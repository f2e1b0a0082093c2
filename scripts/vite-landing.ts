import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { Topology } from 'topojson-specification';
import { classify, classOf } from '../src/domain/classify.ts';
import { MISSING_STYLE, SUPPRESSED_STYLE, paletteFor } from '../src/domain/palettes.ts';
import { indicatorById } from '../src/domain/indicators.ts';
import { escapeHtml, formatNumber } from '../src/app/format.ts';
import { renderLandingHtml, type LandingData, type LegendEntry, type LandingSnapshotInfo } from '../src/app/landing/landing-html.ts';

// Bakes the first paint into index.html (build and dev): the snapshot's headline figures and a static SVG map of
// the default indicator (victims per 100,000 children by province, latest year), plus the slice itself as JSON.

const CLASSES = 5;
const SUPPRESSED_FILL = SUPPRESSED_STYLE.fill;
const MISSING_FILL = MISSING_STYLE.fill;

export function landingPlugin(publicDir: string): Plugin {
  return {
    name: 'pantau-landing',
    transformIndexHtml(html) {
      const indexPath = join(publicDir, 'data', 'index.json');
      const geoPath = join(publicDir, 'geo', 'provinces.topojson');
      if (!existsSync(indexPath) || !existsSync(geoPath)) return html; // no snapshot yet: the app still works, just later
      const { current } = JSON.parse(readFileSync(indexPath, 'utf8')) as { current: string };
      const dir = join(publicDir, 'data', current);
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as LandingSnapshotInfo & { landing: string };
      const landingPath = join(dir, manifest.landing || 'landing.json');
      // No landing slice: no baked first paint (the app draws the map once the engine answers), the banner still.
      const landing = existsSync(landingPath) ? JSON.parse(readFileSync(landingPath, 'utf8')) as LandingData : null;
      const provinces = JSON.parse(readFileSync(geoPath, 'utf8')) as Topology;
      const body = landing ? renderLandingHtml({ landing, snapshot: manifest, provinces, ...colours(landing) }) : '';
      // What the shell needs before any fetch (the synthetic-data notice), as inert JSON; '<' escaped so no text ends the script.
      const info = JSON.stringify({ snapshot_id: manifest.snapshot_id, synthetic: manifest.synthetic, synthetic_notice: manifest.synthetic_notice }).replace(/</g, '\\u003c');
      // The banner lives outside #root: it is painted once and never replaced (the shell only changes its language).
      const banner = manifest.synthetic && manifest.synthetic_notice
        ? `<div id="synthetic-banner" class="synthetic-banner" role="note">${escapeHtml(manifest.synthetic_notice.id)}</div>` : '';
      return html.replace('<div id="root"></div>', `${banner}<div id="root">${body}</div><script type="application/json" id="snapshot-info">${info}</script>`);
    },
  };
}

/** Colours by the same classification and palette as the interactive map's default view. */
function colours(landing: LandingData): { styleOf: (code: string, name: string) => { fill: string; pattern?: 'suppressed'; title: string }; legend: LegendEntry[] } {
  const indicator = indicatorById('violence-victim-rate');
  if (!indicator) throw new Error('landing: indicator violence-victim-rate is missing from the catalogue');
  const byCode = new Map(landing.violence_map.map((r) => [String(r.region_code), r]));
  const values = landing.violence_map.map((r) => r.rate_per_100k).filter((v): v is number => typeof v === 'number');
  const bounds = classify(values, 'quantile', CLASSES);
  const palette = paletteFor(indicator, Math.max(1, bounds.length - 1));
  const styleOf = (code: string, name: string) => {
    const r = byCode.get(code);
    const v = r?.rate_per_100k;
    if (r?.suppressed) return { fill: SUPPRESSED_FILL, pattern: 'suppressed' as const, title: `${name}: disembunyikan` };
    if (typeof v !== 'number') return { fill: MISSING_FILL, title: `${name}: tidak ada data` };
    return { fill: palette[classOf(v, bounds)] ?? MISSING_FILL, title: `${name}: ${formatNumber('id', v, 1)} per 100.000 anak` };
  };
  const legend: LegendEntry[] = palette.map((color, i) => ({
    color, label: `${formatNumber('id', bounds[i] ?? 0, 1)}–${formatNumber('id', bounds[i + 1] ?? 0, 1)}`,
  }));
  legend.push({ color: SUPPRESSED_FILL, label: 'disembunyikan', pattern: 'suppressed' }, { color: MISSING_FILL, label: 'tidak ada data', pattern: 'missing' });
  return { styleOf, legend };
}
