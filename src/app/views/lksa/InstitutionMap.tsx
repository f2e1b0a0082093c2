// The map of institutions: province outlines and one circle per institution with coordinates, coloured by
// accreditation. Loaded lazily (its own chunk), and MapLibre itself on demand through maplibre-setup.ts.
// Institution names are data: the hover label is set with textContent, never as HTML.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GeoJSONSource, Map as MlMap, MapLayerMouseEvent } from 'maplibre-gl';
import type { Lang } from '../../../state/url.ts';
import { baseStyle, fetchBoundaries, INDONESIA_BOUNDS, loadMaplibre, type Boundaries } from '../../components/maplibre-setup.ts';
import { formatNumber } from '../../format.ts';
import { bboxOf, institutionPoints } from './map-features.ts';
import type { InstitutionRow } from './institutions.ts';
import type { Segment } from './breakdowns.ts';
import { TEXT, fill } from './text.ts';

interface Props {
  lang: Lang;
  rows: readonly InstitutionRow[];
  /** The chosen province (outlined and zoomed to), or null for Indonesia. */
  province: string | null;
  /** Accreditation grades with their labels and colours, for the legend. */
  grades: readonly Pick<Segment, 'code' | 'label' | 'colour'>[];
}

type Status = 'loading' | 'ready' | 'error';

function boundsOf(boundaries: Boundaries | null, province: string | null): [number, number, number, number] {
  if (!boundaries || !province) return INDONESIA_BOUNDS;
  const feature = boundaries.features.find((f) => f.properties.kode === province);
  return (feature && bboxOf(feature.geometry)) ?? INDONESIA_BOUNDS;
}

export default function InstitutionMap({ lang, rows, province, grades }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const map = useRef<MlMap | null>(null);
  const boundaries = useRef<Boundaries | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  const { points, withoutCoordinates } = useMemo(() => institutionPoints(rows), [rows]);
  const latest = useRef({ points, province });
  latest.current = { points, province };

  const onMap = useMemo(() => {
    const counts = new Map<string, number>();
    for (const f of points.features) counts.set(f.properties.accreditation, (counts.get(f.properties.accreditation) ?? 0) + 1);
    return counts;
  }, [points]);

  useEffect(() => {
    let disposed = false;
    let instance: MlMap | null = null;
    Promise.all([loadMaplibre(), fetchBoundaries('province')]).then(([ml, provinces]) => {
      if (disposed || !container.current) return;
      boundaries.current = provinces;
      const m = new ml.Map({
        container: container.current,
        style: baseStyle(),
        bounds: boundsOf(provinces, latest.current.province),
        fitBoundsOptions: { padding: 16 },
        attributionControl: false,
        canvasContextAttributes: { preserveDrawingBuffer: true }, // the figure's PNG export reads the canvas
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        renderWorldCopies: false,
      });
      instance = m;
      map.current = m;
      m.touchZoomRotate.disableRotation();
      m.addControl(new ml.NavigationControl({ showCompass: false }), 'top-right');
      m.on('load', () => {
        if (disposed) return;
        m.addSource('provinces', { type: 'geojson', data: provinces });
        m.addLayer({ id: 'province-fill', type: 'fill', source: 'provinces', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.9 } });
        m.addLayer({ id: 'province-line', type: 'line', source: 'provinces', paint: { 'line-color': '#8a96a3', 'line-width': 0.7 } });
        m.addLayer({
          id: 'province-selected', type: 'line', source: 'provinces',
          filter: ['==', ['get', 'kode'], latest.current.province ?? ''],
          paint: { 'line-color': '#1c2430', 'line-width': 2 },
        });
        m.addSource('lksa', { type: 'geojson', data: latest.current.points });
        m.addLayer({
          id: 'lksa-points', type: 'circle', source: 'lksa',
          paint: {
            'circle-color': ['get', 'colour'],
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, 3, 6, 4.5, 10, 7],
            'circle-stroke-color': '#1c2430',
            'circle-stroke-width': 0.4,
          },
        });
        const show = (e: MapLayerMouseEvent) => {
          const el = tip.current;
          const features = e.features ?? [];
          if (!el || features.length === 0) return;
          const name = String(features[0]!.properties?.name ?? '');
          el.textContent = features.length > 1 ? `${name} (+${features.length - 1})` : name;
          el.style.left = `${e.point.x + 12}px`;
          el.style.top = `${e.point.y + 12}px`;
          el.hidden = false;
          m.getCanvas().style.cursor = 'pointer';
        };
        const hide = () => {
          if (tip.current) tip.current.hidden = true;
          m.getCanvas().style.cursor = '';
        };
        m.on('mousemove', 'lksa-points', show);
        m.on('mouseleave', 'lksa-points', hide);
        // How many institution dots the map has drawn, once it settles (a status for tests and tools, not for display).
        m.on('idle', () => {
          if (container.current) container.current.dataset.rendered = String(m.queryRenderedFeatures({ layers: ['lksa-points'] }).length);
        });
        setStatus('ready');
      });
    }).catch(() => { if (!disposed) setStatus('error'); });
    return () => {
      disposed = true;
      instance?.remove();
      map.current = null;
    };
  }, []);

  // New filter results: new points.
  useEffect(() => {
    if (status !== 'ready') return;
    (map.current?.getSource('lksa') as GeoJSONSource | undefined)?.setData(points);
  }, [points, status]);

  // Another province: outline it and zoom to it.
  useEffect(() => {
    const m = map.current;
    if (status !== 'ready' || !m) return;
    m.setFilter('province-selected', ['==', ['get', 'kode'], province ?? '']);
    m.fitBounds(boundsOf(boundaries.current, province), { padding: 16, duration: 0 });
  }, [province, status]);

  return (
    <figure className="lksa-map">
      <div className="lksa-map-frame">
        <div ref={container} className="lksa-map-canvas" data-map-status={status} />
        <div ref={tip} className="lksa-map-tip" hidden role="tooltip" />
        {status === 'loading' && <p className="lksa-map-overlay" role="status">{TEXT.loadingMap[lang]}</p>}
        {status === 'error' && <p className="lksa-map-overlay error" role="alert">{TEXT.mapFailed[lang]}</p>}
      </div>
      <figcaption>
        <span className="lksa-map-caption">{TEXT.mapLabel[lang]}. {TEXT.mapHelp[lang]}</span>
        <ul className="legend" aria-label={TEXT.legend[lang]}>
          {grades.map((g) => (
            <li key={g.code}>
              <span className="lksa-dot" style={{ background: g.colour }} aria-hidden="true" />
              {g.label} ({formatNumber(lang, onMap.get(g.code) ?? 0)})
            </li>
          ))}
        </ul>
        <span className="meta" data-testid="lksa-map-counts" data-on-map={points.features.length} data-without-coordinates={withoutCoordinates}>
          {fill(TEXT.mapOnMap[lang], { n: formatNumber(lang, points.features.length) })}{' '}
          {withoutCoordinates > 0 && fill(TEXT.mapNoCoordinates[lang], { n: formatNumber(lang, withoutCoordinates) })}
        </span>
      </figcaption>
    </figure>
  );
}
