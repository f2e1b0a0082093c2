import { memo, useCallback, useContext, useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { pickState, useStore } from '../../../state/store.ts';
import { encodeState, provinceOfRegion, type Lang, type MapLevel } from '../../../state/url.ts';
import type { Indicator } from '../../../domain/indicators.ts';
import type { IndicatorRow } from '../../../domain/indicators/rows.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { useIndicator } from '../../hooks/use-indicator.ts';
import { landingResult } from '../../indicator/landing-result.ts';
import { useSnapshot } from '../../hooks/use-snapshot.ts';
import { t, tl } from '../../i18n.ts';
import { formatNumber } from '../../format.ts';
import { ChoroplethMap } from '../../components/ChoroplethMap.tsx';
import { EmbedContext, Figure } from '../../components/Figure.tsx';
import { subjectSource } from '../../components/figure-export.ts';
import { Legend } from '../../components/Legend.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import type { TooltipContent } from '../../components/Tooltip.tsx';
import { TEXT, fill } from './text.ts';
import { DISCLOSURE_CONTROL, classifyRows, fillStates, formatValueWithUnit, legendEntries } from '../../indicator/shading.ts';
import {
  DEFAULT_INDICATOR_ID, effectiveView, indicatorGroups, levelOptions, resolveIndicator, showsFraction, tableRows, valueText, type TableRow,
} from './transform.ts';
import './map.css';
import { LoadFailure } from '../../components/LoadFailure.tsx';

const SUBJECT_LABEL = { violence: TEXT.subjectViolence, lksa: TEXT.subjectLksa, kla: TEXT.subjectKla } as const;

// Memoised: a change of a control re-renders the view, and only the parts whose props changed render again (their
// callbacks and derived props are kept stable below).
const MapMemo = memo(ChoroplethMap);
const LegendMemo = memo(Legend);
const TableMemo = memo(DataTable) as typeof DataTable;
const rowKey = (r: TableRow) => r.code;
const NO_ITEMS: never[] = [];
const NO_YEARS: number[] = [];
const NO_ROWS: IndicatorRow[] = [];

/** The map explorer: a choropleth of an indicator by province or kab/kota, its legend, and the same numbers as a table. */
export default function MapView({ lang }: { lang: Lang }) {
  const s = useStore(useShallow((st) => ({
    indicator: st.indicator, year: st.year, level: st.level, province: provinceOfRegion(st.region), classes: st.classes, sort: st.sort, search: st.search,
  })));
  const set = useStore((st) => st.set);
  // The snapshot arrives through an external store (rendered synchronously): deferred, the view's render with the
  // landing slice runs as a transition, in slices, not as one long task during the page's start.
  const snap = useDeferredValue(useSnapshot());
  // The landing slice is optional: without it (landing.json missing) the map waits for the engine.
  const landing = snap.status === 'ready' ? snap.snapshot.landing : null;
  const landingYear = landing?.year ?? null;

  const { indicator: chosen, known } = resolveIndicator(s.indicator);
  // The level to ask for: the chosen one when the indicator has it (its levels from the data once known, else from the
  // catalogue). The province drill filters the display only: the classes stay national, so colours compare across
  // provinces.
  const [knownLevels, setKnownLevels] = useState<{ id: string; levels: ReadonlySet<string> } | null>(null);
  const options = useMemo(() => levelOptions(chosen, knownLevels?.id === chosen.id ? knownLevels.levels : null), [chosen, knownLevels]);
  const view = effectiveView(s.level, s.province, options);
  // No prefetch: measured with bench:app (demo, 2 cores), prefetching the other level and years made interactions
  // slower (p50/p95 120/334 ms against 78/213 ms without): DuckDB-WASM runs one query at a time, so a view request
  // waited behind a running guess.
  const data = useIndicator(chosen, { year: s.year, level: view.level });
  const regions = useQuery('map/regions');
  const answered = data.result;
  useEffect(() => {
    if (data.status === 'ready' && answered && answered.indicator.timeAxis !== 'none') {
      setKnownLevels({ id: answered.indicator.id, levels: new Set(answered.coverage.map((c) => c.level)) });
    }
  }, [data.status, answered]);

  // Until the engine answers, the default view is drawn from the snapshot's landing slice (the same path's rows).
  const seed = useMemo(() => (landing ? landingResult(landing) : null), [landing]);
  const seeded = data.result === null && seed !== null && chosen.id === seed.indicator.id
    && view.level === seed.filter.level && (s.year === null || s.year === seed.year);
  // What is drawn: the answer to the current request; while a new one loads, the last answer (marked busy) or the
  // landing slice. Everything drawn (indicator, year, level) is read from the answer, never from the controls.
  const shown = data.result ?? (seeded ? seed : null);
  const loaded = data.status === 'ready';
  const ready = shown !== null;
  const indicator = shown?.indicator ?? chosen;
  const level = (shown?.filter.level ?? view.level) as MapLevel;
  const province = level === 'regency' ? view.province : null;
  const year = shown?.year ?? null;
  const years = shown?.years ?? NO_YEARS;
  const rows = shown?.rows ?? NO_ROWS;

  // Region names: the landing slice names the provinces at once; the regions query names everything.
  const names = useMemo(() => new Map([
    ...(landing?.names ? Object.entries(landing.names) : []),
    ...regions.rows.map((r) => [String(r.region_code), String(r.name)] as const),
  ]), [landing, regions.rows]);

  const classification = useMemo(() => classifyRows(indicator, rows, s.classes), [indicator, rows, s.classes]);
  const fills = useMemo(() => fillStates(rows.map((r) => r.region_code), rows, classification), [rows, classification]);
  const shownRows = useMemo(() => (province ? rows.filter((r) => r.region_code.slice(0, 2) === province) : rows), [rows, province]);
  const shownFills = useMemo(() => (province ? new Map([...fills].filter(([code]) => code.slice(0, 2) === province)) : fills),
    [fills, province]);
  const legend = useMemo(() => legendEntries(indicator, classification, shownFills, lang), [indicator, classification, shownFills, lang]);
  const table = useMemo(() => tableRows(shownRows, names), [shownRows, names]);

  const provinceName = view.province ? (names.get(view.province) ?? view.province) : null;
  const levelText = level === 'province' ? tl(lang, TEXT.provincesLevel)
    : province && provinceName ? `${tl(lang, TEXT.regenciesLevel)}, ${provinceName}` : tl(lang, TEXT.regenciesLevel);
  const yearText = year === null ? tl(lang, TEXT.allYears) : String(year);
  const title = tl(lang, indicator.title);
  const regencyAvailable = options.find((o) => o.level === 'regency')?.available ?? false;

  // ---- Map callbacks ----
  const tooltip = useCallback((code: string, featureName: string): TooltipContent => {
    const r = rows.find((x) => x.region_code === code);
    const value = r?.suppressed ? `${t(lang, 'suppressed')} (${tl(lang, DISCLOSURE_CONTROL)})`
      : !r || r.value === null ? t(lang, 'missing') : formatValueWithUnit(indicator, r.value, lang);
    return { title: names.get(code) ?? featureName, lines: [value, `${title} · ${yearText}`] };
  }, [rows, lang, indicator, names, title, yearText]);

  // In an embed the map is all there is: a region's profile opens in the full app, in a new tab.
  const embedded = useContext(EmbedContext) !== null;
  const onRegionClick = useCallback((code: string, level: MapLevel) => {
    if (level === 'province' && regencyAvailable) set({ region: code, level: 'regency' });
    else if (embedded) window.open(`${window.location.pathname}${encodeState({ ...pickState(useStore.getState()), view: 'profile', region: code, embed: null })}`, '_blank', 'noopener');
    else set({ view: 'profile', region: code });
  }, [regencyAvailable, set, embedded]);

  // ---- Table ----
  const fraction = showsFraction(indicator, shownRows) ? indicator.fraction : undefined;
  const columns = useMemo(() => tableColumns(indicator, lang, { suppressed: t(lang, 'suppressed'), missing: t(lang, 'missing') }, fraction),
    [indicator, lang, fraction]);

  const v = {
    ready, indicator, level, province, year, years, yearText, levelText, title, fills, legend, table, columns,
    classKind: classification.kind, tooltip, onRegionClick, paintKey: `${indicator.id}|${year ?? '-'}|${level}|${s.classes}|${province ?? '-'}`,
  };

  // ---- First paint: the static landing figure until the interactive map has drawn its data ----
  const [painted, setPainted] = useState(false);
  const [mapError, setMapError] = useState<string | null>(null);
  const landingHost = useRef<HTMLDivElement>(null);
  const landingMatches = chosen.id === DEFAULT_INDICATOR_ID && view.level === 'province'
    && view.province === null && (s.year === null || s.year === landingYear);
  const [hasLanding, setHasLanding] = useState(false);
  useLayoutEffect(() => {
    const figure = document.getElementById('landing-map');
    if (!figure) { setHasLanding(false); return; }
    if (painted) { figure.remove(); setHasLanding(false); return; }
    if (landingHost.current && figure.parentElement !== landingHost.current) landingHost.current.appendChild(figure);
    setHasLanding(true);
  }, [painted]);
  const onPainted = useCallback((info: { first: boolean; ms: number }) => {
    if (!info.first) return;
    performance.mark('pantau:map-idle');
    setPainted(true);
  }, []);

  const showLanding = !painted && hasLanding && landingMatches;
  // MapLibre costs seconds of main-thread work on a mid-range phone. While the static first-paint map is on screen
  // (with a native tooltip per region), it loads when the user reaches for the map or changes any control.
  const [wanted, setWanted] = useState(() => document.getElementById('landing-map') === null);
  const choices = `${s.indicator}|${s.year}|${s.level}|${s.classes}|${s.province}`;
  const firstChoices = useRef(choices);
  useEffect(() => { if (choices !== firstChoices.current || !landingMatches) setWanted(true); }, [choices, landingMatches]);
  const want = useCallback(() => setWanted(true), []);

  const zoomLabels = useMemo(() => ({ zoomIn: tl(lang, TEXT.zoomIn), zoomOut: tl(lang, TEXT.zoomOut) }), [lang]);
  const countLabel = useCallback((n: number) => fill(tl(lang, n === 1 ? TEXT.legendCountOne : TEXT.legendCount), { n: formatNumber(lang, n) }), [lang]);
  const notes = useMemo(() => [
    t(lang, 'suppressedExplained'),
    t(lang, 'missingExplained'),
    ...(v.classKind === 'classes' ? [tl(lang, TEXT.legendClassNote)] : []),
  ], [lang, v.classKind]);
  const figureLegend = useMemo(() => (v.ready ? v.legend.map((e) => ({ colour: e.color, label: e.label, ...(e.kind === 'value' ? {} : { pattern: e.kind }) })) : []),
    [v.ready, v.legend]);
  const onSort = useCallback((sort: { column: string; dir: 'asc' | 'desc' }) => set({ sort }), [set]);
  const onSearch = useCallback((search: string) => set({ search }, { replace: true }), [set]);
  const vClick = v.onRegionClick;
  const vLevel = v.level;
  const onRowClick = useCallback((r: TableRow) => vClick(r.code, vLevel), [vClick, vLevel]);

  const ids = { year: useId(), levelReason: useId(), indicatorInfo: useId() };
  const yearIndex = v.year === null ? -1 : v.years.indexOf(v.year);

  return (
    <div className="map-view" data-source={loaded ? 'query' : seeded ? 'landing' : 'loading'} aria-busy={data.status === 'loading'}>
      <h2>{tl(lang, TEXT.heading)}</h2>

      <div className="map-controls">
        <div className="control control-indicator">
          <label htmlFor={`${ids.indicatorInfo}-select`}>{tl(lang, TEXT.indicator)}</label>
          <select id={`${ids.indicatorInfo}-select`} value={chosen.id} aria-describedby={ids.indicatorInfo}
            onChange={(e) => set({ indicator: e.target.value, year: null })}>
            {indicatorGroups().map((g) => (
              <optgroup key={g.subject} label={tl(lang, SUBJECT_LABEL[g.subject])}>
                {g.indicators.map((i) => <option key={i.id} value={i.id}>{tl(lang, i.title)}</option>)}
              </optgroup>
            ))}
          </select>
        </div>

        <div className="control control-year">
          <label htmlFor={ids.year}>{tl(lang, TEXT.year)}</label>
          {v.years.length > 1 || (ready && v.years.length > 0) ? (
            <div className="year-slider">
              <span className="year-end" aria-hidden="true">{v.years[0]}</span>
              <input id={ids.year} type="range" min={0} max={Math.max(0, v.years.length - 1)} step={1} value={Math.max(0, yearIndex)}
                aria-valuetext={v.yearText} disabled={v.years.length < 2}
                onChange={(e) => { const y = v.years[Number(e.target.value)]; if (y !== undefined) set({ year: y }, { replace: true }); }} />
              <span className="year-end" aria-hidden="true">{v.years[v.years.length - 1]}</span>
              <output htmlFor={ids.year} className="year-value" aria-live="polite">{v.yearText}</output>
            </div>
          ) : (
            <p id={ids.year} className="meta year-none">
              {indicator.timeAxis === 'none' ? tl(lang, TEXT.noYear)
                : year !== null ? <><strong className="year-value">{year}</strong>{data.status === 'error' ? null : <> · {tl(lang, TEXT.loadingYears)}</>}</>
                  : data.status === 'error' ? tl(lang, TEXT.noOtherYears) : t(lang, 'loading')}
            </p>
          )}
        </div>

        <fieldset className="control control-level">
          <legend>{tl(lang, TEXT.level)}</legend>
          {options.map((o) => (
            <label key={o.level} className={o.available ? undefined : 'disabled'}>
              <input type="radio" name="map-level" value={o.level} checked={view.level === o.level} disabled={!o.available}
                aria-describedby={o.reason ? `${ids.levelReason}-${o.level}` : undefined}
                onChange={() => set({ level: o.level })} />
              {tl(lang, o.level === 'province' ? TEXT.province : TEXT.regency)}
              {o.reason && <span id={`${ids.levelReason}-${o.level}`} className="level-reason">{tl(lang, o.reason)}</span>}
            </label>
          ))}
        </fieldset>

        <fieldset className="control control-classes">
          <legend>{tl(lang, TEXT.classes)}</legend>
          {v.classKind === 'classes' ? (['quantile', 'jenks'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="map-classes" value={m} checked={s.classes === m} onChange={() => set({ classes: m })} />
              {tl(lang, m === 'quantile' ? TEXT.quantile : TEXT.jenks)}
            </label>
          )) : <p className="meta">{tl(lang, v.classKind === 'categories' ? TEXT.classesCategorical : TEXT.classesAroundZero)}</p>}
        </fieldset>
      </div>

      <section id={ids.indicatorInfo} className="indicator-info" aria-label={title}>
        <p><strong>{tl(lang, TEXT.definition)}:</strong> {tl(lang, indicator.definition)}</p>
        <p><strong>{tl(lang, TEXT.unit)}:</strong> {tl(lang, indicator.unit)}</p>
        {indicator.caveats.length > 0 && (
          <div className="caveats">
            <strong>{tl(lang, TEXT.caveats)}:</strong>
            <ul>{indicator.caveats.map((c) => <li key={c.id}>{tl(lang, c)}</li>)}</ul>
          </div>
        )}
        {!known && <p className="notice">{fill(tl(lang, TEXT.unknownIndicator), { id: s.indicator })}</p>}
        {view.switched && <p className="notice">{fill(tl(lang, TEXT.levelSwitched), { level: levelText })}</p>}
      </section>

      <nav className="map-breadcrumb" aria-label={tl(lang, TEXT.breadcrumb)}>
        <ol>
          <li>
            {view.province
              ? <button type="button" className="link" title={tl(lang, TEXT.backToIndonesia)} onClick={() => set({ region: '00', level: 'province' })}>{t(lang, 'indonesia')}</button>
              : <span aria-current="location">{t(lang, 'indonesia')}</span>}
          </li>
          {view.province && provinceName && (
            <li>
              <span aria-current="location">{provinceName}</span>{' '}
              <button type="button" className="profile-action" onClick={() => set({ view: 'profile', region: view.province! })}>
                {fill(tl(lang, TEXT.openProfileOf), { region: provinceName })}
              </button>
            </li>
          )}
        </ol>
      </nav>

      {data.status === 'error' && <LoadFailure lang={lang} error={data.cause} />}

      <Figure id="map-explorer" kind="map" lang={lang} title={v.title} subtitle={`${v.levelText}, ${v.yearText}`} showTitle={false}
        source={`${subjectSource(v.indicator.subject, v.indicator.childPopulation === true, lang)}; ${t(lang, 'boundaryAttribution')}`}
        legend={figureLegend}>
      <div className="map-main">
        <div className="map-stage" onPointerEnter={want} onTouchStart={want} onFocus={want}>
          {wanted && <MapMemo
            level={v.level}
            province={v.province}
            fills={v.ready ? v.fills : null}
            paintKey={v.paintKey}
            label={fill(tl(lang, TEXT.mapLabel), { indicator: v.title, level: v.levelText, year: v.yearText })}
            attribution={t(lang, 'boundaryAttribution')}
            zoomLabels={zoomLabels}
            tooltip={v.tooltip}
            onRegionClick={v.onRegionClick}
            onPainted={onPainted}
            onError={setMapError}
          />}
          {!painted && (
            <div className="map-overlay" data-landing={showLanding ? 'shown' : 'hidden'}>
              <div ref={landingHost} className="landing-host" hidden={!showLanding} />
              {showLanding && !wanted && (
                <button type="button" className="map-activate" onClick={want}>{tl(lang, TEXT.activateMap)}</button>
              )}
              {!showLanding && !mapError && (
                <div className="map-skeleton" role="status">
                  <span>{ready ? tl(lang, TEXT.loadingMap) : tl(lang, TEXT.loadingData)}</span>
                </div>
              )}
            </div>
          )}
          {mapError && <p role="alert" className="error">{tl(lang, TEXT.mapFailed)}</p>}
          <p className="map-help meta">{tl(lang, embedded ? TEXT.mapHelpEmbed : TEXT.mapHelp)}</p>
        </div>

        <aside className="map-side">
          <LegendMemo
            title={`${tl(lang, TEXT.legend)}: ${v.title}${v.year !== null ? `, ${v.year}` : ''}`}
            items={v.ready ? v.legend : NO_ITEMS}
            countLabel={countLabel}
            notes={notes}
          />
        </aside>
      </div>
      </Figure>

      <section className="map-table" aria-busy={!ready}>
        {!ready && data.status !== 'error' && <p role="status" className="meta">{tl(lang, TEXT.loadingData)}</p>}
        <TableMemo<TableRow>
          lang={lang}
          caption={fill(tl(lang, TEXT.table), { indicator: `${v.title} (${tl(lang, v.indicator.unit)})`, level: v.levelText, year: v.yearText })}
          rows={v.table}
          columns={v.columns}
          rowKey={rowKey}
          sort={s.sort}
          onSort={onSort}
          search={s.search}
          onSearch={onSearch}
          onRowClick={onRowClick}
        />
        {v.indicator.format !== 'category' && <p className="meta">{t(lang, 'rankRule')}</p>}
        <p className="meta">
          <a href={`?v=data&t=indicator:${indicator.id}${year !== null ? `&y=${year}` : ''}`} data-testid="data-behind"
            onClick={(e) => { e.preventDefault(); set({ view: 'data', table: `indicator:${indicator.id}`, year, filters: {} }); }}>
            {tl(lang, TEXT.dataBehind)}
          </a>
        </p>
      </section>
    </div>
  );
}

/** The table's columns: region (a button), code, rank, value, and numerator/denominator where they mean something. */
function tableColumns(indicator: Indicator, lang: Lang, words: { suppressed: string; missing: string },
  fraction: { numerator: { id: string; en: string }; denominator: { id: string; en: string } } | undefined): Array<Column<TableRow>> {
  const count = (v: number | null) => (v === null ? '–' : formatNumber(lang, v, Number.isInteger(v) ? 0 : 1));
  const cols: Array<Column<TableRow>> = [
    { key: 'name', label: tl(lang, TEXT.region), value: (r) => r.name },
    { key: 'code', label: lang === 'id' ? 'Kode' : 'Code', value: (r) => r.code },
  ];
  if (indicator.format !== 'category') cols.push({ key: 'rank', label: `${tl(lang, TEXT.rank)} (${t(lang, 'rankHighest')})`, value: (r) => r.rank, numeric: true, render: (r) => (r.rank === null ? '–' : formatNumber(lang, r.rank)) });
  cols.push({
    key: 'value', label: `${tl(lang, TEXT.value)} (${tl(lang, indicator.unit)})`, value: (r) => r.value, numeric: indicator.format !== 'category',
    render: (r) => valueText(indicator, r, lang, words),
  });
  if (fraction) {
    cols.push({ key: 'numerator', label: tl(lang, fraction.numerator), value: (r) => r.numerator, numeric: true, render: (r) => count(r.numerator) });
    cols.push({ key: 'denominator', label: tl(lang, fraction.denominator), value: (r) => r.denominator, numeric: true, render: (r) => count(r.denominator) });
  }
  return cols;
}
