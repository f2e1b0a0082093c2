import { useEffect, useId, useMemo, useState } from 'react';
import { indicator as indicatorOf } from '../../../domain/indicators.ts';
import { MISSING_STYLE, SUPPRESSED_STYLE } from '../../../domain/palettes.ts';
import type { Lang, Subject } from '../../../state/url.ts';
import { fetchBoundaries } from '../../components/maplibre-setup.ts';
import { t } from '../../i18n.ts';
import { indicatorYear, type IndicatorRow, type RegionInfo } from '../../region/model.ts';
import { classifyRows, fillStates, formatValueWithUnit, legendEntries } from '../../indicator/shading.ts';
import { featuresOf, projectMap, type BoundaryFeature } from './geo.ts';
import { mapIndicatorId, mapScope } from './model.ts';
import { tx } from './text.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';

/** Drawing box of the map (CSS px at 96 dpi: the report's 180 mm text width). */
const WIDTH = 680;

/**
 * The report's static choropleth: plain SVG elements (vector, no WebGL), coloured by the interactive map's
 * classification and palettes (src/app/views/map/transform.ts), boundaries from the same files. Calls onDone once
 * drawn (or once it knows it cannot be).
 */
export function ReportMap({ lang, subject, region, byCode, rowsOf, onDone, queryError }: {
  lang: Lang; subject: Subject; region: RegionInfo; byCode: ReadonlyMap<string, RegionInfo>;
  rowsOf: (id: string) => readonly IndicatorRow[] | undefined; onDone: () => void;
  /** The map indicator's query failed (what it threw): the map cannot be drawn. */
  queryError?: (id: string) => unknown;
}) {
  const scope = mapScope(region);
  const indicator = indicatorOf(mapIndicatorId(subject, region.level));
  const rows = rowsOf(indicator.id);
  const [geo, setGeo] = useState<{ features: BoundaryFeature[] } | { error: string } | null>(null);
  const hatchId = `report-hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;

  useEffect(() => {
    let current = true;
    fetchBoundaries(scope.level).then(
      (fc) => { if (current) setGeo({ features: fc.features as BoundaryFeature[] }); },
      (e: unknown) => { if (current) setGeo({ error: e instanceof Error ? e.message : String(e) }); },
    );
    return () => { current = false; };
  }, [scope.level]);

  const drawn = useMemo(() => {
    if (!geo || 'error' in geo || !rows) return null;
    const year = indicatorYear(indicator, rows, null, scope.level);
    const levelRows = rows.filter((r) => r.year === year && r.level === scope.level);
    const classes = classifyRows(indicator, levelRows, 'quantile');
    const features = featuresOf(geo.features, scope.province);
    const projected = projectMap(features, WIDTH, scope.level === 'province' ? 300 : 430);
    const states = fillStates(projected.regions.map((r) => r.code), levelRows, classes);
    const legend = legendEntries(indicator, classes, states, lang);
    const byRegion = new Map(levelRows.map((r) => [r.region_code, r]));
    const valueOf = (code: string) => {
      const r = byRegion.get(code);
      if (r?.suppressed) return t(lang, 'suppressed');
      return r?.value === null || r?.value === undefined ? t(lang, 'missing') : formatValueWithUnit(indicator, r.value, lang);
    };
    return { year, projected, states, legend, valueOf };
  }, [geo, rows, indicator, scope.level, scope.province, lang]);

  const failed = geo !== null && 'error' in geo ? geo.error : null;
  const queryFailed = queryError?.(indicator.id) ?? null;
  useEffect(() => { if (drawn || failed || queryFailed) onDone(); }, [drawn, failed, queryFailed, onDone]);

  if (queryFailed) return <LoadFailure lang={lang} error={queryFailed} />;
  if (failed) return <p className="error">{tx(lang, 'mapFailed', { error: failed })}</p>;
  if (!drawn) return <p className="meta" aria-busy="true">{tx(lang, 'loading')}</p>;

  const provinceName = scope.province ? byCode.get(scope.province)?.name ?? scope.province : '';
  const caption = tx(lang, 'mapCaption', {
    indicator: indicator.title[lang],
    level: scope.level === 'province' ? tx(lang, 'mapLevelProvinces') : tx(lang, 'mapLevelRegencies', { province: provinceName }),
    year: drawn.year ?? tx(lang, 'registryRef'),
  });
  const highlight = scope.highlight ? drawn.projected.regions.find((r) => r.code === scope.highlight) : undefined;
  const { hatch } = SUPPRESSED_STYLE;
  return (
    <figure className="report-figure report-map" data-map-level={scope.level} data-map-indicator={indicator.id} data-regions={drawn.projected.regions.length}>
      <figcaption>{caption}</figcaption>
      <svg
        className="report-map-svg" viewBox={drawn.projected.viewBox} role="img" aria-label={caption}
        style={{ aspectRatio: `${drawn.projected.width} / ${drawn.projected.height}` }}
      >
        <defs>
          <pattern id={hatchId} width={hatch.spacing} height={hatch.spacing} patternUnits="userSpaceOnUse" patternTransform={`rotate(${hatch.angle})`}>
            <rect width={hatch.spacing} height={hatch.spacing} fill={hatch.background} />
            <line x1="0" y1="0" x2="0" y2={hatch.spacing} stroke={hatch.line} strokeWidth={hatch.lineWidth} />
          </pattern>
        </defs>
        {drawn.projected.regions.map((r) => {
          const s = drawn.states.get(r.code);
          const kind = s?.kind ?? 'missing';
          return (
            <path
              key={r.code} d={r.d} data-region={r.code} data-fill={kind}
              fill={kind === 'suppressed' ? `url(#${hatchId})` : s?.fill ?? MISSING_STYLE.fill}
              stroke={kind === 'missing' ? MISSING_STYLE.outline : '#ffffff'} strokeWidth={0.6}
            >
              <title>{`${r.name}: ${drawn.valueOf(r.code)}`}</title>
            </path>
          );
        })}
        {highlight && <path d={highlight.d} fill="none" stroke="#111111" strokeWidth={2.2} data-highlight={highlight.code} />}
      </svg>
      <ul className="legend report-legend" aria-label={tx(lang, 'mapLegend')}>
        {drawn.legend.map((e) => (
          <li key={`${e.kind}-${e.label}`}>
            <span
              className={`swatch${e.kind === 'suppressed' ? ' swatch-suppressed' : e.kind === 'missing' ? ' swatch-missing' : ''}`}
              style={{ background: e.color }} aria-hidden="true"
            />
            {e.label} ({e.count})
          </li>
        ))}
      </ul>
      <p className="meta">
        {tx(lang, 'mapClassNote')}
        {highlight && region.level === 'regency' ? ` ${tx(lang, 'mapHighlight', { region: region.name })}` : ''}
      </p>
    </figure>
  );
}

