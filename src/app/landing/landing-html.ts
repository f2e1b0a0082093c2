import type { Topology } from 'topojson-specification';
import { escapeHtml, formatChange, formatNumber, formatPercent } from '../format.ts';
import { renderSvgMap, simplifiedFeatures, type RegionStyle } from './render-svg.ts';

// The first paint: headline figures and a province map as plain HTML + SVG, baked into index.html at build time
// from the snapshot's landing slice, so that nothing waits for JavaScript, the engine, MapLibre or ECharts.

export type Value = string | number | boolean | null;
export type Row = Record<string, Value>;

/** What the first paint reads of the landing slice (src/pipeline/landing.ts). */
export interface LandingData {
  year: number;
  level: string;
  indicator: string;
  map: Row[];
  violence_headline: Row | null;
}

export interface LandingSnapshotInfo {
  snapshot_id: string;
  synthetic: boolean;
  synthetic_notice: { id: string; en: string } | null;
}

export interface LegendEntry { color: string; label: string; pattern?: 'suppressed' | 'missing' }

export interface LandingRenderInput {
  landing: LandingData;
  snapshot: LandingSnapshotInfo;
  provinces: Topology;
  styleOf: (code: string, name: string) => RegionStyle;
  legend: LegendEntry[];
}

const num = (row: Row | null, key: string): number | null => {
  const v = row?.[key];
  return typeof v === 'number' ? v : null;
};

/** The static landing as an HTML string (Bahasa Indonesia: the default language). */
export function renderLandingHtml(input: LandingRenderInput): string {
  const { landing } = input;
  const h = landing.violence_headline;
  const figure = (value: string, label: string) =>
    `<div class="figure"><div class="figure-value">${escapeHtml(value)}</div><div class="figure-label">${escapeHtml(label)}</div></div>`;
  const svg = renderSvgMap(simplifiedFeatures(input.provinces, 'provinsi', 0.12), {
    width: 960, height: 400, keep: 0.12, styleOf: input.styleOf,
    label: `Peta korban kekerasan per 100.000 anak menurut provinsi, ${landing.year}`,
  });
  const legend = input.legend.map((e) =>
    `<li><span class="swatch${e.pattern ? ` swatch-${e.pattern}` : ''}" style="background:${escapeHtml(e.color)}"></span>${escapeHtml(e.label)}</li>`).join('');
  return [
    '<div id="landing" class="landing">',
    '<header class="app-header"><div><h1>Pantau Anak</h1><p class="tagline">Pemantauan perlindungan anak di Indonesia</p></div></header>',
    '<main class="landing-main">',
    `<h2>Kekerasan terhadap anak ${landing.year}</h2>`,
    '<div class="figures">',
    figure(formatNumber('id', num(h, 'victims')), 'Anak korban'),
    figure(formatNumber('id', num(h, 'cases')), 'Kasus'),
    figure(formatNumber('id', num(h, 'rate_per_100k'), 1), 'Korban per 100.000 anak'),
    figure(formatChange('id', num(h, 'change_pct')), 'Perubahan dari tahun sebelumnya'),
    figure(formatPercent('id', num(h, 'sexual_share_pct')), 'Porsi kekerasan seksual'),
    '</div>',
    `<figure id="landing-map" class="landing-figure">${svg}<figcaption><ul class="legend">${legend}</ul>`,
    '<p class="caveat">Korban per 100.000 anak (penyebut 0-17 adalah estimasi). Kasus tercatat mencerminkan pelaporan sekaligus kejadian. Peta interaktif dimuat…</p></figcaption></figure>',
    '</main>',
    '</div>',
  ].join('');
}
