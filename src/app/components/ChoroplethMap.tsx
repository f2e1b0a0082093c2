import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { GeoJSONFeature, GeoJSONSource, Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import { SUPPRESSED_STYLE } from '../../domain/palettes.ts';
import { INDONESIA_BOUNDS, baseStyle, fetchBoundaries, loadMaplibre, type Boundaries, type BoundaryLevel } from './maplibre-setup.ts';
import { TooltipBox, showTooltip, type TooltipContent } from './Tooltip.tsx';
import {
  EMPTY, HATCH, HATCH_SOURCE, HOVER_SOURCE, LEVELS, SHARED_LAYERS, cameraOf, errorText, fillChanges, fillLayerOf, geojsonSource,
  hatchKey, layerVisibility, levelOf, provinceRegencies, setLayers, sourceOf, subset, viewOf, type LayerSet, type RegionFill,
} from './choropleth-model.ts';

// A choropleth of provinces or kab/kota with MapLibre GL (lazy-loaded). Colours come in as a fill per region code and
// are applied with feature-state (no re-creating the map or re-sending the data). Each layer set (provinces, all
// kab/kota, the kab/kota of a drilled province) has its own source and layers, added once and then shown or hidden:
// switching level changes no filter and no layout (MapLibre re-lays out every tile on setFilter), only visibility and
// feature-state. A drill-down puts only that province's kab/kota in the drill source, over the provinces in grey as
// context: laying out and drawing 10-40 kab/kota at the new zoom instead of every kab/kota in view. The kab/kota
// boundaries are prefetched when the browser is idle after the first paint. Withheld regions are hatched, missing ones
// white with a grey outline.
//
// Every layer drawn over all boundaries costs a pass over all their vertices on every frame (measured with software
// WebGL at 884x418, all kab/kota: 184 ms a frame with the hatch and hover as layers over every feature and fills
// antialiased, 92 ms without them). So the fills are not antialiased (the outline layer draws every edge anyway), and
// the hatch and the hover outline have small sources of their own holding only the withheld regions and the region
// under the pointer.
//
// What to draw (layers, which set is shown, the camera, the feature-state changes) is decided in choropleth-model.ts;
// this component creates the map and applies it.

export type { RegionFill };

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

/** Adds the layers every level shares (their sources start empty): the hatch of withheld regions and the hover outline. */
function addShared(map: MlMap): void {
  map.addSource(HATCH_SOURCE, geojsonSource(EMPTY));
  map.addSource(HOVER_SOURCE, geojsonSource(EMPTY));
  for (const layer of SHARED_LAYERS) map.addLayer(layer);
}

/** Adds a set's source and layers (hidden: shown by showSet). */
function addSet(map: MlMap, set: LayerSet, data: Boundaries): void {
  map.addSource(sourceOf(set), geojsonSource(data, true));
  for (const { layer, before } of setLayers(set)) map.addLayer(layer, before.find((id) => map.getLayer(id)));
}

/** Shows the layers of one set and hides the others'. */
function showSet(map: MlMap, set: LayerSet): void {
  for (const [id, want] of layerVisibility(set)) {
    if (!map.getLayer(id)) continue;
    if (map.getLayoutProperty(id, 'visibility') !== want) map.setLayoutProperty(id, 'visibility', want);
  }
}

/** Runs `fn` when the browser is idle (soon, at the latest after `timeout` ms). */
function whenIdle(fn: () => void, timeout = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 200);
  return () => clearTimeout(id);
}

export function ChoroplethMap(props: ChoroplethProps) {
  const { level, province, fills, paintKey, label, attribution, zoomLabels } = props;
  const wrapRef = useRef<HTMLDivElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MlMap | null>(null);
  // The boundaries added to the map, per level (each level added once, then shown or hidden).
  const [sources, setSources] = useState<Partial<Record<BoundaryLevel, Boundaries>>>({});
  const [failed, setFailed] = useState<string | null>(null);
  const data = sources[level] ?? null;
  const { shown, drilled, set } = viewOf(level, province, data !== null);
  const drillData = useMemo(() => (drilled !== null && data ? provinceRegencies(data, drilled) : null), [data, drilled]);
  // Callbacks and values the map's own event handlers read: kept current without re-registering handlers.
  const live = useRef(props);
  const setRef = useRef(set);
  useLayoutEffect(() => {
    live.current = props;
    setRef.current = set;
  });
  const paintedOnce = useRef(false);
  // The feature-state last set per source and code (only changes are sent to MapLibre).
  const applied = useRef(new Map<string, Map<string, string>>());
  // The boundary features of each level added, by code (for the hover and hatch sources).
  const featuresRef = useRef<Partial<Record<BoundaryLevel, Map<string, Boundaries['features'][number]>>>>({});
  // The withheld regions last put in the hatch source ("set|codes").
  const hatched = useRef('');

  // Create the map once.
  useEffect(() => {
    let disposed = false;
    let created: MlMap | null = null;
    let hovered: string | null = null;
    const appliedStates = applied.current;
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
        // No symbols to fade in: without a fade, a new view is final (and 'idle') on its first complete frame.
        fadeDuration: 0,
        minZoom: 2,
        maxZoom: 11,
        locale: { 'Map.Title': label },
      });
      created = m;
      m.touchZoomRotate.disableRotation();
      m.keyboard.disableRotation();
      m.on('error', (e) => {
        const message = errorText(e.error);
        setFailed(message);
        live.current.onError?.(message);
      });
      m.on('load', () => {
        if (disposed) return;
        const pr = Math.max(1, Math.round(window.devicePixelRatio || 1));
        m.addImage(HATCH, hatchImage(pr), { pixelRatio: pr });
        addShared(m);
        setMap(m);
      });

      /** Outlines the region under the pointer: its own boundary (not the tile-clipped one) in the hover source. */
      const setHover = (next: { level: BoundaryLevel; code: string } | null) => {
        const key = next ? `${next.level}|${next.code}` : null;
        if (hovered === key) return;
        hovered = key;
        const feature = next ? featuresRef.current[next.level]?.get(next.code) : undefined;
        const source = m.getSource<GeoJSONSource>(HOVER_SOURCE);
        source?.setData(feature ? { type: 'FeatureCollection', features: [feature] } : EMPTY);
      };
      /** The region under the pointer, if it is shown with data (not a grey context region outside the drilled province). */
      const featureAt = (e: MapMouseEvent): { feature: GeoJSONFeature; level: BoundaryLevel } | undefined => {
        const current = setRef.current;
        if (current === null || !m.getLayer(fillLayerOf(current))) return undefined;
        const f = m.queryRenderedFeatures(e.point, { layers: [fillLayerOf(current)] })[0];
        return f ? { feature: f, level: levelOf(current) } : undefined;
      };
      m.on('mousemove', (e) => {
        const hit = featureAt(e);
        const tip = tipRef.current;
        const code = hit ? String(hit.feature.properties.kode) : null;
        setHover(hit && code !== null ? { level: hit.level, code } : null);
        m.getCanvas().style.cursor = code ? 'pointer' : '';
        if (!tip) return;
        if (!hit || code === null) { showTooltip(tip, null); return; }
        const canvas = m.getCanvas();
        showTooltip(tip, live.current.tooltip(code, String(hit.feature.properties.nama ?? code)), e.point.x, e.point.y,
          { width: canvas.clientWidth, height: canvas.clientHeight });
      });
      const leave = () => {
        setHover(null);
        if (tipRef.current) showTooltip(tipRef.current, null);
      };
      m.on('mouseout', leave);
      m.on('movestart', leave);
      m.on('click', (e) => {
        const hit = featureAt(e);
        if (!hit) return;
        leave();
        live.current.onRegionClick(String(hit.feature.properties.kode), hit.level);
      });
    }, (e: unknown) => {
      const message = errorText(e);
      if (!disposed) setFailed(message);
      live.current.onError?.(message);
    });
    return () => {
      disposed = true;
      created?.remove();
      setMap(null);
      setSources({});
      appliedStates.clear();
      featuresRef.current = {};
      hatched.current = '';
    };
    // The map lives as long as the component; everything else is applied by the effects below.
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  // Keep the accessible name current (it names indicator, level and year).
  useEffect(() => { map?.getCanvas().setAttribute('aria-label', label); }, [map, label]);

  // Add a level's boundaries the first time it is needed (the province outlines come with the kab/kota).
  const install = useCallback((m: MlMap, lvl: BoundaryLevel): Promise<void> => {
    return Promise.all([fetchBoundaries(lvl), lvl === 'regency' ? fetchBoundaries('province') : null]).then(([d, outline]) => {
      if (m.getSource(sourceOf(lvl))) return; // added meanwhile
      const added: Partial<Record<BoundaryLevel, Boundaries>> = {};
      if (outline && !m.getSource(sourceOf('province'))) { addSet(m, 'province', outline); added.province = outline; }
      addSet(m, lvl, d);
      if (lvl === 'regency') addSet(m, 'drill', EMPTY);
      added[lvl] = d;
      for (const [l, fc] of Object.entries(added) as Array<[BoundaryLevel, Boundaries]>) {
        featuresRef.current[l] = new Map(fc.features.map((f) => [f.properties.kode, f]));
      }
      setSources((s) => ({ ...s, ...added }));
    });
  }, []);
  useEffect(() => {
    if (!map || data) return;
    let stale = false;
    install(map, level).catch((e: unknown) => {
      const message = errorText(e);
      if (!stale) setFailed(message);
      live.current.onError?.(message);
    });
    return () => { stale = true; };
  }, [map, level, data, install]);

  // Once the map has painted, prefetch the other level's boundaries when the browser is idle: the first drill-down
  // then only shows layers that are already there.
  const [firstPaint, setFirstPaint] = useState(false);
  useEffect(() => {
    if (!map || !firstPaint) return;
    const missing = LEVELS.filter((l) => !map.getSource(sourceOf(l)));
    if (missing.length === 0) return;
    return whenIdle(() => { for (const l of missing) install(map, l).catch(() => undefined); }); // retried on use
  }, [map, firstPaint, install]);

  // A drill-down: the drill source gets that province's kab/kota (their feature-state is set afresh below).
  const drillIn = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!map || drilled === null || !drillData || drillIn.current === drilled) return;
    const source = map.getSource<GeoJSONSource>(sourceOf('drill'));
    if (!source) return;
    drillIn.current = drilled;
    applied.current.delete(sourceOf('drill'));
    source.setData(drillData);
  }, [map, drilled, drillData]);

  // Show the set's layers, hide the others'.
  useLayoutEffect(() => { if (map && set) showSet(map, set); }, [map, set]);

  // Drill-down: fit the map to the province (kab/kota outside it are grey context); back to Indonesia otherwise. Only
  // when the level or province changes (not when the other level's boundaries arrive: the user may have panned).
  // A jump, not a flight: the new view appears at once, and an animated camera would lay out and draw the tiles of
  // every zoom it passes through (a 450 ms flight made a drill-down ~0.7 s instead of ~0.3 s on a shared 2-core machine).
  const camera = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!map || !shown) return;
    const target = cameraOf(shown, province, data!);
    if (camera.current === target.key) return;
    camera.current = target.key;
    map.fitBounds(target.bounds, { padding: target.padding, duration: 0 });
  }, [map, shown, province, data]);

  // Recolour with feature-state (only what changed), then report once the map has drawn it.
  useEffect(() => {
    if (!map || !set || !data) return;
    if (!fills) {
      // Nothing to colour (no numbers yet, or the query failed): no hatch of another view's withheld regions either.
      if (hatched.current !== '') { hatched.current = ''; map.getSource<GeoJSONSource>(HATCH_SOURCE)?.setData(EMPTY); }
      return;
    }
    const features = set === 'drill' ? drillData : data;
    if (!features) return;
    const t0 = performance.now();
    const source = sourceOf(set);
    let last = applied.current.get(source);
    if (!last) { last = new Map(); applied.current.set(source, last); }
    const { changes, withheld } = fillChanges(features, fills, last);
    for (const { code, state, key } of changes) {
      last.set(code, key);
      map.setFeatureState({ source, id: code }, { fill: state.fill, kind: state.kind });
    }
    // The hatch source is re-cut only when the set of withheld regions changes (a year often withholds the same ones).
    const hatching = hatchKey(set, withheld);
    if (hatched.current !== hatching) {
      hatched.current = hatching;
      map.getSource<GeoJSONSource>(HATCH_SOURCE)?.setData(subset(features, (f) => withheld.has(f.properties.kode)));
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
      if (first) setFirstPaint(true);
      live.current.onPainted?.({ key: paintKey, ms, first });
    };
    map.once('idle', onIdle);
    map.triggerRepaint();
    return () => { done = true; map.off('idle', onIdle); };
  }, [map, set, shown, data, drillData, fills, paintKey]);

  return (
    <div ref={wrapRef} className="choropleth" data-state={failed ? 'error' : map ? 'ready' : 'loading'} data-level={shown ?? ''}>
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
