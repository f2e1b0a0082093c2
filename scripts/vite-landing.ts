import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { Topology } from 'topojson-specification';
import { MISSING_STYLE } from '../src/domain/palettes.ts';
import { escapeHtml } from '../src/app/format.ts';
import { t } from '../src/app/i18n.ts';
import { classifyRows, fillStates, formatValueWithUnit, legendEntries } from '../src/app/indicator/shading.ts';
import { landingResult } from '../src/app/indicator/landing-result.ts';
import { renderLandingHtml, type LandingData, type LegendEntry, type LandingSnapshotInfo } from '../src/app/landing/landing-html.ts';

// Bakes the first paint into index.html (build and dev): the snapshot's headline figures and a static SVG map of
// the default indicator (victims per 100,000 children by province, latest year), plus the slice itself as JSON.

/** The first paint is in the app's default language. */
const LANG = 'id';

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

/**
 * Colours, tooltips and legend by the interactive map's own shading (src/app/indicator/shading.ts: the same classes,
 * palette and words) for the landing slice's rows, which the pipeline made through the app's indicator path.
 */
function colours(landing: LandingData): { styleOf: (code: string, name: string) => { fill: string; pattern?: 'suppressed'; title: string }; legend: LegendEntry[] } {
  const found = landingResult(landing);
  if (!found) throw new Error(`landing: the slice's indicator "${landing.indicator}" is not in the catalogue, or the slice has no rows`);
  const { indicator, rows } = found;
  const classes = classifyRows(indicator, rows, 'quantile');
  const states = fillStates(rows.map((r) => r.region_code), rows, classes);
  const byCode = new Map(rows.map((r) => [r.region_code, r]));
  const styleOf = (code: string, name: string) => {
    const state = states.get(code);
    const r = byCode.get(code);
    if (state?.kind === 'suppressed') return { fill: state.fill, pattern: 'suppressed' as const, title: `${name}: ${t(LANG, 'suppressed')}` };
    if (!state || state.kind === 'missing' || !r || r.value === null) return { fill: MISSING_STYLE.fill, title: `${name}: ${t(LANG, 'missing')}` };
    return { fill: state.fill, title: `${name}: ${formatValueWithUnit(indicator, r.value, LANG)}` };
  };
  const legend: LegendEntry[] = legendEntries(indicator, classes, states, LANG)
    .map((e) => ({ color: e.color, label: e.label, ...(e.kind === 'value' ? {} : { pattern: e.kind }) }));
  return { styleOf, legend };
}
