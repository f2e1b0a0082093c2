// What ChoroplethMap.tsx draws, decided without MapLibre, the DOM or React (tested in Node): the layer sets and their
// layers, which set the chosen level and province show, the camera, and the feature-state changes a new set of fills
// needs. The component only applies these to the map.
import type { AddLayerObject, ExpressionSpecification, GeoJSONSourceSpecification } from 'maplibre-gl';
import { MISSING_STYLE, SUPPRESSED_STYLE } from '../../domain/palettes.ts';
import { INDONESIA_BOUNDS, type Boundaries, type BoundaryLevel } from './maplibre-setup.ts';

/** How a region is coloured: its class colour, withheld (hatched) or missing (white, outlined). */
export interface RegionFill {
  kind: 'value' | 'suppressed' | 'missing';
  fill: string;
}

/** The id of the hatch image (drawn by the component on a canvas). */
export const HATCH = SUPPRESSED_STYLE.hatch.id;
/** The grey of the provinces around a drilled province. */
export const CONTEXT_FILL = '#e9e6df';
export const LEVELS: readonly BoundaryLevel[] = ['province', 'regency'];
/** What the map shows: one level's regions, or the kab/kota of one province ('drill') over the provinces in grey. */
export type LayerSet = BoundaryLevel | 'drill';
export const LAYER_SETS: readonly LayerSet[] = ['province', 'regency', 'drill'];
/** The source of a set's boundaries (features identified by their code: feature-state by code). */
export const sourceOf = (set: LayerSet) => `regions-${set}`;
export const fillLayerOf = (set: LayerSet) => `regions-${set}-fill`;
const lineLayerOf = (set: LayerSet) => `regions-${set}-line`;
export const CONTEXT_LAYER = 'context-fill';
export const PROVINCE_OUTLINE_LAYER = 'province-outline-line';
/** The layers of a set, bottom to top (kab/kota sets also draw the province outlines on top). */
export const layersOf = (set: LayerSet): string[] => [
  ...(set === 'drill' ? [CONTEXT_LAYER] : []),
  fillLayerOf(set), lineLayerOf(set), ...(set === 'province' ? [] : [PROVINCE_OUTLINE_LAYER]),
];
/** The level of the regions a set shows. */
export const levelOf = (set: LayerSet): BoundaryLevel => (set === 'province' ? 'province' : 'regency');
/** The withheld regions of the level shown (only those: hatched on top of the fills, below the outlines). */
export const HATCH_SOURCE = 'suppressed';
export const HATCH_LAYER = 'suppressed-hatch';
/** The region under the pointer (only that one: outlined on top of everything). */
export const HOVER_SOURCE = 'hover';
export const HOVER_LAYER = 'hover-line';
/**
 * Tiles are cut up to this zoom and over-zoomed beyond it: zooming in past it lays out no new tiles (the boundaries
 * are simplified anyway; at z7 a tile unit is ~40 m). Not lower: an over-zoomed tile is laid out and drawn whole for
 * every tile it stands in for (maxzoom 3 made a drill-down slower, not faster).
 */
export const SOURCE_MAXZOOM = 7;
export const EMPTY: Boundaries = { type: 'FeatureCollection', features: [] };

/** A GeoJSON source of boundaries; `promote` identifies features by their code (for feature-state). */
export const geojsonSource = (data: Boundaries, promote = false): GeoJSONSourceSpecification =>
  ({ type: 'geojson', data, maxzoom: SOURCE_MAXZOOM, ...(promote ? { promoteId: 'kode' } : {}) });

/** A layer to add, below the first of `before` the map already has (on top when none). */
export interface LayerPlan {
  layer: AddLayerObject;
  before: readonly string[];
}

/** The layers every level shares (their sources start empty): the hatch of withheld regions and the hover outline. */
export const SHARED_LAYERS: readonly AddLayerObject[] = [
  { id: HATCH_LAYER, type: 'fill', source: HATCH_SOURCE, paint: { 'fill-pattern': HATCH, 'fill-antialias': false } },
  { id: HOVER_LAYER, type: 'line', source: HOVER_SOURCE, paint: { 'line-color': '#111827', 'line-width': 2.5 } },
];

const kind: ExpressionSpecification = ['feature-state', 'kind'];

/**
 * A set's layers in the order they are added, all hidden (shown by visibility): fills below the hatch, outlines above
 * it and below the province outlines (added with the kab/kota, before any drill-down), as in the all-kab/kota view.
 */
export function setLayers(set: LayerSet): LayerPlan[] {
  const source = sourceOf(set);
  const layout = { visibility: 'none' as const };
  const thin = set === 'province' ? 0.7 : 0.3;
  const plans: LayerPlan[] = [
    {
      layer: {
        id: fillLayerOf(set), type: 'fill', source, layout,
        paint: { 'fill-color': ['coalesce', ['feature-state', 'fill'], MISSING_STYLE.fill], 'fill-antialias': false },
      },
      before: [HATCH_LAYER],
    },
    {
      layer: {
        id: lineLayerOf(set), type: 'line', source, layout,
        paint: {
          'line-color': ['case', ['==', kind, 'missing'], MISSING_STYLE.outline, ['==', kind, 'suppressed'], SUPPRESSED_STYLE.outline, '#ffffff'],
          'line-width': ['case', ['==', kind, 'missing'], MISSING_STYLE.outlineWidth, ['==', kind, 'suppressed'], Math.max(thin, 0.6), thin],
        },
      },
      before: [PROVINCE_OUTLINE_LAYER, HOVER_LAYER],
    },
  ];
  if (set === 'drill') {
    plans.push({
      layer: { id: CONTEXT_LAYER, type: 'fill', source: sourceOf('province'), layout, paint: { 'fill-color': CONTEXT_FILL, 'fill-antialias': false } },
      before: [fillLayerOf('drill')],
    });
  }
  if (set === 'regency') {
    plans.push({
      layer: {
        id: PROVINCE_OUTLINE_LAYER, type: 'line', source: sourceOf('province'), layout,
        paint: { 'line-color': '#3f4854', 'line-width': 0.9, 'line-opacity': 0.8 },
      },
      before: [HOVER_LAYER],
    });
  }
  return plans;
}

/** The visibility of every layer of every set when `set` is shown. */
export function layerVisibility(set: LayerSet): Array<[string, 'visible' | 'none']> {
  const visible = new Set(layersOf(set));
  return [...new Set(LAYER_SETS.flatMap(layersOf))].map((id) => [id, visible.has(id) ? 'visible' : 'none']);
}

/**
 * What the map shows for the chosen level and province: nothing until that level's boundaries are on the map; the
 * drill set when a province is chosen at kab/kota level.
 */
export function viewOf(level: BoundaryLevel, province: string | null, loaded: boolean): { shown: BoundaryLevel | null; drilled: string | null; set: LayerSet | null } {
  const shown = loaded ? level : null;
  const drilled = shown === 'regency' && province !== null ? province : null;
  return { shown, drilled, set: shown === null ? null : drilled !== null ? 'drill' : shown };
}

/** The features of `data` that pass `keep` (as a new collection, for a small source). */
export function subset(data: Boundaries, keep: (f: Boundaries['features'][number]) => boolean): Boundaries {
  return { type: 'FeatureCollection', features: data.features.filter(keep) };
}

/** The kab/kota of one province: all the drill source holds. */
export const provinceRegencies = (data: Boundaries, province: string): Boundaries => subset(data, (f) => f.properties.kode_prov === province);

/** [west, south, east, north] of the features of one province (by kode_prov), or null. */
export function provinceBounds(data: Boundaries, province: string): [number, number, number, number] | null {
  let w = Infinity; let s = Infinity; let e = -Infinity; let n = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const x = c[0] as number; const y = c[1] as number;
      if (x < w) w = x; if (x > e) e = x; if (y < s) s = y; if (y > n) n = y;
      return;
    }
    for (const child of c) visit(child);
  };
  for (const f of data.features) {
    if (f.properties.kode_prov !== province && f.properties.kode !== province) continue;
    if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}

/**
 * Where the camera goes: the drilled province (kab/kota outside it are grey context), else Indonesia. `key` changes
 * only with the level or province, so the camera does not move when the other level's boundaries arrive.
 */
export function cameraOf(shown: BoundaryLevel, province: string | null, data: Boundaries): { key: string; bounds: [number, number, number, number]; padding: number } {
  const bounds = shown === 'regency' && province !== null ? provinceBounds(data, province) : null;
  return { key: `${shown}|${province ?? ''}`, bounds: bounds ?? INDONESIA_BOUNDS, padding: bounds ? 28 : 12 };
}

/** A region without a fill: missing. */
const MISSING: RegionFill = { kind: 'missing', fill: MISSING_STYLE.fill };

/**
 * The feature-state to send for `fills` over `features`: only the regions whose state differs from `last` (the state
 * last sent per code, as `fill|kind`), and the withheld regions (for the hatch source).
 */
export function fillChanges(
  features: Boundaries, fills: ReadonlyMap<string, RegionFill>, last: ReadonlyMap<string, string>,
): { changes: Array<{ code: string; state: RegionFill; key: string }>; withheld: Set<string> } {
  const changes: Array<{ code: string; state: RegionFill; key: string }> = [];
  const withheld = new Set<string>();
  for (const f of features.features) {
    const code = f.properties.kode;
    const state = fills.get(code) ?? MISSING;
    if (state.kind === 'suppressed') withheld.add(code);
    const key = `${state.fill}|${state.kind}`;
    if (last.get(code) !== key) changes.push({ code, state, key });
  }
  return { changes, withheld };
}

/** Identifies the hatch source's content: it is re-cut only when the set of withheld regions changes. */
export const hatchKey = (set: LayerSet, withheld: ReadonlySet<string>): string => `${set}|${[...withheld].join(',')}`;

/** The text of an error thrown or reported by MapLibre or a boundary download. */
export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
