// Pure geometry of the report's static map: boundaries (GeoJSON features from the same TopoJSON files as the
// interactive map, simplified by src/app/landing/render-svg.ts) projected to SVG path data. No DOM: the view renders
// the paths as React elements (no SVG string is ever inserted as HTML).
import { geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export type BoundaryFeature = Feature<Geometry, { kode: string; nama: string; kode_prov?: string }>;

export interface ProjectedRegion {
  code: string;
  name: string;
  d: string;
}

export interface ProjectedMap {
  /** viewBox "x y w h", cropped to the drawn regions plus a margin. */
  viewBox: string;
  width: number;
  height: number;
  regions: ProjectedRegion[];
}

/** The features a map scope draws: every feature, or the kab/kota of one province (by kode_prov or the code prefix). */
export function featuresOf(features: readonly BoundaryFeature[], province: string | null): BoundaryFeature[] {
  if (province === null) return [...features];
  return features.filter((f) => (f.properties.kode_prov ?? f.properties.kode.slice(0, 2)) === province);
}

/**
 * Projects features (Mercator, fitted into width x height) to path data with 1 decimal, and crops the viewBox to
 * what was drawn, so a tall province does not leave a wide empty frame. Features without a path are left out.
 */
export function projectMap(features: readonly BoundaryFeature[], width: number, height: number, margin = 4): ProjectedMap {
  const collection: FeatureCollection<Geometry, BoundaryFeature['properties']> = { type: 'FeatureCollection', features: [...features] };
  const projection = geoMercator().fitSize([width - 2 * margin, height - 2 * margin], collection);
  const path = geoPath(projection).digits(1);
  const regions = features
    .map((f) => ({ code: f.properties.kode, name: f.properties.nama, d: path(f) ?? '' }))
    .filter((r) => r.d !== '');
  const [[x0, y0], [x1, y1]] = features.length > 0 ? path.bounds(collection) : [[0, 0], [width, height]];
  const w = Math.max(1, x1 - x0) + 2 * margin;
  const h = Math.max(1, y1 - y0) + 2 * margin;
  const r = (n: number) => Math.round(n * 10) / 10;
  return { viewBox: `${r(x0 - margin)} ${r(y0 - margin)} ${r(w)} ${r(h)}`, width: r(w), height: r(h), regions };
}
