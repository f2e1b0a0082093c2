// MapLibre GL, loaded on demand (its own chunk): never import 'maplibre-gl' statically from code the shell loads eagerly.
// Everything here stays on the app's own origin: no tiles, glyphs, sprites or external styles.
import type { FeatureCollection, Geometry } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';

export type MaplibreModule = typeof import('maplibre-gl');
export type BoundaryLevel = 'province' | 'regency';

/** Properties every boundary feature carries (codes are strings: "11", "11.01"). */
export interface BoundaryProps {
  kode: string;
  nama: string;
  kode_prov: string;
  lat: number;
  lng: number;
}
export type Boundaries = FeatureCollection<Geometry, BoundaryProps>;

/** Where the boundaries live (relative to the page) and the TopoJSON object inside each file. */
export const BOUNDARY_FILES: Readonly<Record<BoundaryLevel, { file: string; object: string }>> = {
  province: { file: 'geo/provinces.topojson', object: 'provinsi' },
  regency: { file: 'geo/regencies.topojson', object: 'kabkota' },
};

/** The attribution the boundary licence asks for. */
export const BOUNDARY_ATTRIBUTION = 'Batas wilayah: cahyadsn/wilayah_boundaries (MIT), disederhanakan.';

let maplibre: Promise<MaplibreModule> | null = null;

/** The MapLibre module with its worker URL set (the bundled worker 404s otherwise); loaded once. */
export function loadMaplibre(): Promise<MaplibreModule> {
  maplibre ??= Promise.all([
    import('maplibre-gl'),
    import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
    import('maplibre-gl/dist/maplibre-gl.css'),
  ]).then(([mod, worker]) => {
    mod.setWorkerUrl((worker as { default: string }).default);
    return mod;
  });
  maplibre.catch(() => { maplibre = null; }); // a failed load (offline chunk) may be retried
  return maplibre;
}

const boundaries = new Map<BoundaryLevel, Promise<Boundaries>>();

/** The boundaries of a level as GeoJSON (decoded from TopoJSON once per level). */
export function fetchBoundaries(level: BoundaryLevel): Promise<Boundaries> {
  let p = boundaries.get(level);
  if (!p) {
    const { file, object } = BOUNDARY_FILES[level];
    const url = typeof document === 'undefined' ? `./${file}` : new URL(file, document.baseURI).href;
    p = Promise.all([fetch(url), import('topojson-client')]).then(async ([res, topojson]) => {
      if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
      const topology = (await res.json()) as Parameters<typeof topojson.feature>[0];
      const obj = topology.objects[object];
      if (!obj) throw new Error(`${file}: no object "${object}"`);
      const fc = topojson.feature(topology, obj) as unknown as Boundaries;
      if (fc.type !== 'FeatureCollection') throw new Error(`${file}: "${object}" is not a collection`);
      return fc;
    });
    p.catch(() => boundaries.delete(level));
    boundaries.set(level, p);
  }
  return p;
}

/** An inline style with a background only: sources and layers are added by each map. */
export function baseStyle(background = '#d8e0e7'): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': background } }],
  };
}

/** Indonesia's extent [west, south, east, north], for the initial camera. */
export const INDONESIA_BOUNDS: [number, number, number, number] = [94.9, -11.1, 141.1, 6.2];
