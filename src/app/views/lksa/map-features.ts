// The LKSA map's GeoJSON: institutions as points coloured by accreditation, and the bounding box to zoom to.
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { ACCREDITATION_COLOURS, OTHER_COLOUR } from './colours.ts';
import type { InstitutionRow } from './institutions.ts';

export interface PointProps { id: string; name: string; accreditation: string; colour: string }

/** Institutions with coordinates as GeoJSON points (colour by accreditation), and how many have none. */
export function institutionPoints(rows: readonly InstitutionRow[]): { points: FeatureCollection<Point, PointProps>; withoutCoordinates: number } {
  const features: Array<Feature<Point, PointProps>> = [];
  let withoutCoordinates = 0;
  for (const r of rows) {
    if (r.lat === null || r.lng === null || Math.abs(r.lat) > 90 || Math.abs(r.lng) > 180) { withoutCoordinates++; continue; }
    features.push({
      type: 'Feature',
      id: features.length,
      geometry: { type: 'Point', coordinates: [r.lng, r.lat] },
      properties: { id: r.lksa_id, name: r.name, accreditation: r.accreditation, colour: ACCREDITATION_COLOURS[r.accreditation] ?? OTHER_COLOUR },
    });
  }
  return { points: { type: 'FeatureCollection', features }, withoutCoordinates };
}

/** The bounding box [west, south, east, north] of a geometry; null when it has no coordinates. */
export function bboxOf(geometry: Geometry | null): [number, number, number, number] | null {
  let w = Infinity; let s = Infinity; let e = -Infinity; let n = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      w = Math.min(w, c[0]); e = Math.max(e, c[0]); s = Math.min(s, c[1]); n = Math.max(n, c[1]);
      return;
    }
    for (const x of c) visit(x);
  };
  const walk = (g: Geometry | null): void => {
    if (!g) return;
    if (g.type === 'GeometryCollection') g.geometries.forEach(walk);
    else visit(g.coordinates);
  };
  walk(geometry);
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
