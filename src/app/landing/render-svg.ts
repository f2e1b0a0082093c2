import { geoMercator, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { escapeHtml } from '../format.ts';

// Renders a choropleth as a static SVG string, at build time (Node) for the first paint, with no DOM.

export interface RegionStyle {
  fill: string;
  /** 'suppressed' draws a hatch over the fill. */
  pattern?: 'suppressed';
  /** Accessible name: region and value. */
  title: string;
}

export interface SvgMapOptions {
  width: number;
  height: number;
  /** Share of points kept by topological simplification (first paint wants few bytes). */
  keep: number;
  styleOf: (code: string, name: string) => RegionStyle;
  label: string;
}

type Props = { kode: string; nama: string };

/** The features of a TopoJSON object, simplified so that `keep` of the points stay (topology preserved). */
export function simplifiedFeatures(topology: Topology, object: string, keep: number): Array<Feature<Geometry, Props>> {
  const pre = presimplify(topology as Parameters<typeof presimplify>[0]);
  const weights: number[] = [];
  for (const arc of pre.arcs) for (const p of arc) if (Number.isFinite(p[2])) weights.push(p[2] as number);
  weights.sort((a, b) => b - a);
  const minWeight = weights[Math.min(weights.length - 1, Math.floor(weights.length * keep))] ?? 0;
  const simple = simplify(pre, minWeight) as unknown as Topology;
  const fc = feature(simple, simple.objects[object] as GeometryCollection<Props>) as FeatureCollection<Geometry, Props>;
  return fc.features;
}

/** An SVG choropleth of the features, every region a path with a <title>. */
export function renderSvgMap(features: Array<Feature<Geometry, Props>>, o: SvgMapOptions): string {
  const collection: FeatureCollection<Geometry, Props> = { type: 'FeatureCollection', features };
  const projection = geoMercator().fitSize([o.width, o.height], collection);
  const path = geoPath(projection).digits(1);
  const paths = features.map((f) => {
    const s = o.styleOf(f.properties.kode, f.properties.nama);
    const d = path(f) ?? '';
    const hatch = s.pattern === 'suppressed' ? `<path d="${d}" fill="url(#hatch)" stroke="none"/>` : '';
    return `<g data-region="${escapeHtml(f.properties.kode)}"><title>${escapeHtml(s.title)}</title><path d="${d}" fill="${escapeHtml(s.fill)}" stroke="#ffffff" stroke-width="0.5"/>${hatch}</g>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${o.width} ${o.height}" role="img" aria-label="${escapeHtml(o.label)}" class="landing-map">`
    + '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#555" stroke-width="1.5"/></pattern></defs>'
    + paths.join('') + '</svg>';
}
