import { describe, expect, it } from 'vitest';
import { MISSING_STYLE } from '../../src/domain/palettes.ts';
import { INDONESIA_BOUNDS, type Boundaries } from '../../src/app/components/maplibre-setup.ts';
import {
  CONTEXT_LAYER, EMPTY, HATCH_LAYER, HOVER_LAYER, PROVINCE_OUTLINE_LAYER, SHARED_LAYERS, cameraOf, errorText, fillChanges, geojsonSource,
  hatchKey, layerVisibility, layersOf, levelOf, provinceBounds, provinceRegencies, setLayers, viewOf, type RegionFill,
} from '../../src/app/components/choropleth-model.ts';

// What the choropleth draws, decided without MapLibre (src/app/components/choropleth-model.ts): the layer sets, the
// set shown, the camera and the feature-state changes.

const square = (x: number, y: number, d = 1) => ({
  type: 'Polygon' as const, coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]],
});
const feature = (kode: string, kode_prov: string, x: number, y: number) => ({
  type: 'Feature' as const, properties: { kode, nama: `R ${kode}`, kode_prov, lat: y, lng: x }, geometry: square(x, y),
});
const REGENCIES: Boundaries = {
  type: 'FeatureCollection',
  features: [feature('11.01', '11', 95, 2), feature('11.02', '11', 97, 4), feature('32.01', '32', 106, -7)],
};

describe('choropleth model: what is shown', () => {
  it('shows nothing until the level\'s boundaries are loaded, then the level or the drilled province', () => {
    expect(viewOf('province', null, false)).toEqual({ shown: null, drilled: null, set: null });
    expect(viewOf('province', '11', true)).toEqual({ shown: 'province', drilled: null, set: 'province' });
    expect(viewOf('regency', null, true)).toEqual({ shown: 'regency', drilled: null, set: 'regency' });
    expect(viewOf('regency', '11', true)).toEqual({ shown: 'regency', drilled: '11', set: 'drill' });
    expect(viewOf('regency', '11', false)).toEqual({ shown: null, drilled: null, set: null });
  });

  it('has the layers of each set bottom to top, and shows one set\'s only', () => {
    expect(layersOf('province')).toEqual(['regions-province-fill', 'regions-province-line']);
    expect(layersOf('regency')).toEqual(['regions-regency-fill', 'regions-regency-line', PROVINCE_OUTLINE_LAYER]);
    expect(layersOf('drill')).toEqual([CONTEXT_LAYER, 'regions-drill-fill', 'regions-drill-line', PROVINCE_OUTLINE_LAYER]);
    expect(levelOf('drill')).toBe('regency');
    const visibility = Object.fromEntries(layerVisibility('drill'));
    expect(visibility).toEqual({
      'regions-province-fill': 'none', 'regions-province-line': 'none', 'regions-regency-fill': 'none', 'regions-regency-line': 'none',
      [PROVINCE_OUTLINE_LAYER]: 'visible', [CONTEXT_LAYER]: 'visible', 'regions-drill-fill': 'visible', 'regions-drill-line': 'visible',
    });
  });

  it('adds a set\'s layers hidden, fills below the hatch and outlines below the province outlines or the hover', () => {
    expect(SHARED_LAYERS.map((l) => l.id)).toEqual([HATCH_LAYER, HOVER_LAYER]);
    const regency = setLayers('regency');
    expect(regency.map((p) => [p.layer.id, p.before])).toEqual([
      ['regions-regency-fill', [HATCH_LAYER]],
      ['regions-regency-line', [PROVINCE_OUTLINE_LAYER, HOVER_LAYER]],
      [PROVINCE_OUTLINE_LAYER, [HOVER_LAYER]],
    ]);
    for (const p of [...regency, ...setLayers('province'), ...setLayers('drill')]) {
      expect((p.layer as { layout?: { visibility?: string } }).layout?.visibility).toBe('none');
    }
    expect(setLayers('drill').map((p) => p.layer.id)).toEqual(['regions-drill-fill', 'regions-drill-line', CONTEXT_LAYER]);
    // The context of a drill-down is the provinces' source, painted grey.
    expect(setLayers('drill')[2]!.layer).toMatchObject({ source: 'regions-province', type: 'fill' });
    // Province outlines are thicker than kab/kota ones.
    const width = (set: 'province' | 'regency') => (setLayers(set)[1]!.layer as { paint: { 'line-width': unknown[] } }).paint['line-width'].at(-1);
    expect(width('province')).toBe(0.7);
    expect(width('regency')).toBe(0.3);
  });

  it('identifies boundary features by code for feature-state; the small sources start empty', () => {
    expect(geojsonSource(REGENCIES, true)).toMatchObject({ type: 'geojson', promoteId: 'kode', maxzoom: 7 });
    expect(geojsonSource(EMPTY)).not.toHaveProperty('promoteId');
    expect(EMPTY.features).toEqual([]);
  });
});

describe('choropleth model: drill-down and camera', () => {
  it('keeps only the drilled province\'s kab/kota', () => {
    expect(provinceRegencies(REGENCIES, '11').features.map((f) => f.properties.kode)).toEqual(['11.01', '11.02']);
    expect(provinceRegencies(REGENCIES, '99').features).toEqual([]);
  });

  it('bounds a province by its kab/kota (or itself), null when it has none', () => {
    expect(provinceBounds(REGENCIES, '11')).toEqual([95, 2, 98, 5]);
    expect(provinceBounds(REGENCIES, '32')).toEqual([106, -7, 107, -6]);
    expect(provinceBounds(REGENCIES, '99')).toBeNull();
  });

  it('fits the drilled province, else Indonesia; the key follows level and province only', () => {
    expect(cameraOf('regency', '11', REGENCIES)).toEqual({ key: 'regency|11', bounds: [95, 2, 98, 5], padding: 28 });
    expect(cameraOf('regency', null, REGENCIES)).toEqual({ key: 'regency|', bounds: INDONESIA_BOUNDS, padding: 12 });
    expect(cameraOf('province', '11', REGENCIES)).toEqual({ key: 'province|11', bounds: INDONESIA_BOUNDS, padding: 12 });
    expect(cameraOf('regency', '99', REGENCIES)).toEqual({ key: 'regency|99', bounds: INDONESIA_BOUNDS, padding: 12 });
  });
});

describe('choropleth model: fills', () => {
  const fills = new Map<string, RegionFill>([
    ['11.01', { kind: 'value', fill: '#123456' }],
    ['11.02', { kind: 'suppressed', fill: '#9e9e9e' }],
  ]);

  it('sends every region the first time, a region without a fill as missing, and lists the withheld', () => {
    const { changes, withheld } = fillChanges(REGENCIES, fills, new Map());
    expect(changes).toEqual([
      { code: '11.01', state: { kind: 'value', fill: '#123456' }, key: '#123456|value' },
      { code: '11.02', state: { kind: 'suppressed', fill: '#9e9e9e' }, key: '#9e9e9e|suppressed' },
      { code: '32.01', state: { kind: 'missing', fill: MISSING_STYLE.fill }, key: `${MISSING_STYLE.fill}|missing` },
    ]);
    expect([...withheld]).toEqual(['11.02']);
  });

  it('sends only what changed since the last fills', () => {
    const last = new Map(fillChanges(REGENCIES, fills, new Map()).changes.map((c) => [c.code, c.key]));
    expect(fillChanges(REGENCIES, fills, last).changes).toEqual([]);
    const next = new Map(fills).set('11.01', { kind: 'value', fill: '#abcdef' });
    expect(fillChanges(REGENCIES, next, last).changes.map((c) => c.code)).toEqual(['11.01']);
  });

  it('re-cuts the hatch only when the set or its withheld regions change', () => {
    expect(hatchKey('regency', new Set(['11.02', '32.01']))).toBe('regency|11.02,32.01');
    expect(hatchKey('drill', new Set())).toBe('drill|');
  });

  it('writes an error as its message', () => {
    expect(errorText(new Error('geo/regencies.topojson: HTTP 404'))).toBe('geo/regencies.topojson: HTTP 404');
    expect(errorText('failed')).toBe('failed');
  });
});
