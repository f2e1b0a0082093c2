import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ExpressionSpecification, FilterSpecification, GeoJSONFeature, Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import { MISSING_STYLE, SUPPRESSED_STYLE } from '../../domain/palettes.ts';
import { INDONESIA_BOUNDS, baseStyle, fetchBoundaries, loadMaplibre, type Boundaries, type BoundaryLevel } from './maplibre-setup.ts';
import { TooltipBox, showTooltip, type TooltipContent } from './Tooltip.tsx';

// A choropleth of provinces or kab/kota with MapLibre GL (lazy-loaded). Colours come in as a fill per region code and
// are applied with feature-state (no re-creating the map or re-sending the data); switching level swaps the source.
// Withheld regions get a hatch pattern layer, missing ones white with a grey outline.

export interface RegionFill {
  kind: 'value' | 'suppressed' | 'missing';
  fill: string;
}

export interface ChoroplethProps {
  level: BoundaryLevel;
  /** Drill-down: show only this province's kab/kota (others in grey as context) and fit the map to it. */
  province: string | null;
  /** Fill per region code; null while the data loads (nothing is painted). */
  fills: ReadonlyMap<string, RegionFill> | null;
  /** Identifies what `fills` shows; written to data-painted once the map has drawn it. */
  paintKey: string;
  /** Accessible name of the map. */
  label: string;
  /** Shown in the map's corner (follows the language, unlike MapLibre's own control). */
  attribution: string;
  /** Names of the zoom buttons. */
  zoomLabels: { zoomIn: string; zoomOut: string };
  tooltip: (code: string, name: string) => TooltipContent;
  onRegionClick: (code: string, level: BoundaryLevel) => void;
  /** After the map has drawn `paintKey` (first: the first time ever). */
  onPainted?: (info: { key: string; ms: number; first: boolean }) => void;
  onError?: (message: string) => void;
}

const SOURCE = 'regions';
const OUTLINE_SOURCE = 'province-outline';
const HATCH = SUPPRESSED_STYLE.hatch.id;
const DATA_LAYERS = ['regions-fill', 'regions-hatch', 'regions-line', 'regions-hover'] as const;
const ALL_LAYERS = ['regions-context', ...DATA_LAYERS, 'province-outline-line'] as const;

/** The hatch tile drawn on a canvas (same geometry as palettes.hatchSvg), at the device pixel ratio. */
function hatchImage(pixelRatio: number): ImageData {
  const { background, line, spacing, lineWidth } = SUPPRESSED_STYLE.hatch;
  const size = Math.round(spacing * 2 * pixelRatio);
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = line;
  ctx.lineWidth = lineWidth * pixelRatio;
  ctx.beginPath();
  for (const [x0, y0, x1, y1] of [[0, size, size, 0], [-size / 2, size / 2, size / 2, -size / 2], [size / 2, size * 1.5, size * 1.5, size / 2]] as const) {
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
  }
  ctx.stroke();
  return ctx.getImageData(0, 0, size, size);
}

const kind: ExpressionSpecification = ['feature-state', 'kind'];

function addRegionLayers(map: MlMap, level: BoundaryLevel): void {
  const thin = level === 'province' ? 0.7 : 0.3;
  map.addLayer({ id: 'regions-context', type: 'fill', source: SOURCE, paint: { 'fill-color': '#e9e6df' } });
  map.addLayer({
    id: 'regions-fill', type: 'fill', source: SOURCE,
    paint: { 'fill-color': ['coalesce', ['feature-state', 'fill'], MISSING_STYLE.fill] },
  });
  map.addLayer({
    id: 'regions-hatch', type: 'fill', source: SOURCE,
    paint: { 'fill-pattern': HATCH, 'fill-opacity': ['case', ['==', kind, 'suppressed'], 1, 0] },
  });
  map.addLayer({
    id: 'regions-line', type: 'line', source: SOURCE,
    paint: {
      'line-color': ['case', ['==', kind, 'missing'], MISSING_STYLE.outline, ['==', kind, 'suppressed'], SUPPRESSED_STYLE.outline, '#ffffff'],
      'line-width': ['case', ['==', kind, 'missing'], MISSING_STYLE.outlineWidth, ['==', kind, 'suppressed'], Math.max(thin, 0.6), thin],
    },
  });
  map.addLayer({
    id: 'regions-hover', type: 'line', source: SOURCE,
    paint: { 'line-color': '#111827', 'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2.5, 0] },
  });
  if (map.getSource(OUTLINE_SOURCE)) {
    map.addLayer({ id: 'province-outline-line', type: 'line', source: OUTLINE_SOURCE, paint: { 'line-color': '#3f4854', 'line-width': 0.9, 'line-opacity': 0.8 } });
  }
}

function removeRegionLayers(map: MlMap): void {
  for (const id of ALL_LAYERS) if (map.getLayer(id)) map.removeLayer(id);
  if (map.getSource(SOURCE)) map.removeSource(SOURCE);
  if (map.getSource(OUTLINE_SOURCE)) map.removeSource(OUTLINE_SOURCE);
}

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** [west, south, east, north] of the features of one province (by kode_prov), or null. */
function provinceBounds(data: Boundaries, province: string): [number, number, number, number] | null {
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

export function ChoroplethMap(props: ChoroplethProps) {
  const { level, province, fills, paintKey, label, attribution, zoomLabels } = props;
  const wrapRef = useRef<HTMLDivElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MlMap | null>(null);
  const [installed, setInstalled] = useState<{ level: BoundaryLevel; data: Boundaries } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  // Callbacks and values the map's own event handlers read: kept current without re-registering handlers.
  const live = useRef(props);
  const installedRef = useRef(installed);
  useLayoutEffect(() => {
    live.current = props;
    installedRef.current = installed;
  });
  const paintedOnce = useRef(false);

  // Create the map once.
  useEffect(() => {
    let disposed = false;
    let created: MlMap | null = null;
    let hovered: string | null = null;
    fetchBoundaries(live.current.level).catch(() => undefined); // start the download while MapLibre loads (memoised)
    loadMaplibre().then((ml) => {
      if (disposed || !containerRef.current) return;
      const m = new ml.Map({
        container: containerRef.current,
        style: baseStyle(),
        bounds: INDONESIA_BOUNDS,
        fitBoundsOptions: { padding: 12 },
        attributionControl: false,
        canvasContextAttributes: { preserveDrawingBuffer: true },
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        renderWorldCopies: false,
        minZoom: 2,
        maxZoom: 11,
        locale: { 'Map.Title': label },
      });
      created = m;
      m.touchZoomRotate.disableRotation();
      m.keyboard.disableRotation();
      m.on('error', (e) => {
        const message = e.error instanceof Error ? e.error.message : String(e.error);
        setFailed(message);
        live.current.onError?.(message);
      });
      m.on('load', () => {
        if (disposed) return;
        const pr = Math.max(1, Math.round(window.devicePixelRatio || 1));
        m.addImage(HATCH, hatchImage(pr), { pixelRatio: pr });
        setMap(m);
      });

      const setHover = (code: string | null) => {
        if (hovered === code) return;
        if (hovered !== null && m.getSource(SOURCE)) m.setFeatureState({ source: SOURCE, id: hovered }, { hover: false });
        hovered = code;
        if (code !== null && m.getSource(SOURCE)) m.setFeatureState({ source: SOURCE, id: code }, { hover: true });
      };
      const featureAt = (e: MapMouseEvent): GeoJSONFeature | undefined => {
        if (!m.getLayer('regions-fill')) return undefined;
        return m.queryRenderedFeatures(e.point, { layers: ['regions-fill'] })[0];
      };
      m.on('mousemove', (e) => {
        const f = featureAt(e);
        const tip = tipRef.current;
        const code = f ? String(f.properties.kode) : null;
        setHover(code);
        m.getCanvas().style.cursor = code ? 'pointer' : '';
        if (!tip) return;
        if (!f || code === null) { showTooltip(tip, null); return; }
        const canvas = m.getCanvas();
        showTooltip(tip, live.current.tooltip(code, String(f.properties.nama ?? code)), e.point.x, e.point.y,
          { width: canvas.clientWidth, height: canvas.clientHeight });
      });
      const leave = () => {
        setHover(null);
        if (tipRef.current) showTooltip(tipRef.current, null);
      };
      m.on('mouseout', leave);
      m.on('movestart', leave);
      m.on('click', (e) => {
        const f = featureAt(e);
        const current = installedRef.current;
        if (!f || !current) return;
        leave();
        live.current.onRegionClick(String(f.properties.kode), current.level);
      });
      m.on('sourcedata', (e) => { if (e.sourceId === SOURCE && e.sourceDataType === 'metadata') hovered = null; });
    }, (e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      if (!disposed) setFailed(message);
      live.current.onError?.(message);
    });
    return () => {
      disposed = true;
      created?.remove();
      setMap(null);
      setInstalled(null);
    };
    // The map lives as long as the component; everything else is applied by the effects below.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  // Keep the accessible name current (it names indicator, level and year).
  useEffect(() => { map?.getCanvas().setAttribute('aria-label', label); }, [map, label]);

  // Install the boundaries of the level: swap the source and its layers.
  useEffect(() => {
    if (!map) return;
    let stale = false;
    Promise.all([fetchBoundaries(level), level === 'regency' ? fetchBoundaries('province') : null]).then(([data, outline]) => {
      if (stale) return;
      removeRegionLayers(map);
      map.addSource(SOURCE, { type: 'geojson', data, promoteId: 'kode' });
      if (outline) map.addSource(OUTLINE_SOURCE, { type: 'geojson', data: outline });
      addRegionLayers(map, level);
      setInstalled({ level, data });
    }, (e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      if (!stale) setFailed(message);
      live.current.onError?.(message);
    });
    return () => { stale = true; };
  }, [map, level]);

  // Drill-down: filter to the province's kab/kota and fit the map to it; back to Indonesia otherwise.
  useEffect(() => {
    if (!map || !installed) return;
    const filter: FilterSpecification | null = installed.level === 'regency' && province !== null ? ['==', ['get', 'kode_prov'], province] : null;
    for (const id of DATA_LAYERS) if (map.getLayer(id)) map.setFilter(id, filter);
    const bounds = filter && province ? provinceBounds(installed.data, province) : null;
    map.fitBounds(bounds ?? INDONESIA_BOUNDS, { padding: bounds ? 28 : 12, duration: reducedMotion() ? 0 : 450 });
  }, [map, installed, province]);

  // Recolour with feature-state, then report once the map has drawn it.
  useEffect(() => {
    if (!map || !installed || !fills || installed.level !== level) return;
    const t0 = performance.now();
    for (const f of installed.data.features) {
      const code = f.properties.kode;
      const s = fills.get(code) ?? { kind: 'missing' as const, fill: MISSING_STYLE.fill };
      map.setFeatureState({ source: SOURCE, id: code }, { fill: s.fill, kind: s.kind });
    }
    let done = false;
    const onIdle = () => {
      if (done) return;
      done = true;
      const ms = Math.round(performance.now() - t0);
      const wrap = wrapRef.current;
      if (wrap) { wrap.dataset.painted = paintKey; wrap.dataset.paintMs = String(ms); }
      const first = !paintedOnce.current;
      paintedOnce.current = true;
      live.current.onPainted?.({ key: paintKey, ms, first });
    };
    map.once('idle', onIdle);
    map.triggerRepaint();
    return () => { done = true; map.off('idle', onIdle); };
  }, [map, installed, fills, level, paintKey]);

  return (
    <div ref={wrapRef} className="choropleth" data-state={failed ? 'error' : map ? 'ready' : 'loading'} data-level={installed?.level ?? ''}>
      <div ref={containerRef} className="choropleth-canvas" />
      <TooltipBox ref={tipRef} />
      <div className="choropleth-zoom">
        <button type="button" aria-label={zoomLabels.zoomIn} title={zoomLabels.zoomIn} disabled={!map} onClick={() => map?.zoomIn()}>+</button>
        <button type="button" aria-label={zoomLabels.zoomOut} title={zoomLabels.zoomOut} disabled={!map} onClick={() => map?.zoomOut()}>−</button>
      </div>
      <p className="choropleth-attrib">{attribution}</p>
      {failed && <p role="alert" className="error choropleth-error">{failed}</p>}
    </div>
  );
}
