import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { indicator as indicatorOf, type IndicatorLevel } from '../../../domain/indicators.ts';
import { yearsOf } from '../../../domain/indicators/rows.ts';
import { useIndicators } from '../../hooks/use-indicator.ts';
import type { Manifest } from '../../../db/snapshot.ts';
import { useStore } from '../../../state/store.ts';
import { SUBJECTS, type Lang, type Subject } from '../../../state/url.ts';
import { Chart } from '../../components/Chart.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { t } from '../../i18n.ts';
import { useQuery } from '../../hooks/use-query.ts';
import { useSnapshot } from '../../hooks/use-snapshot.ts';
import { klaCategoryOption, klaClusterOption, trendOption, type TrendLine } from '../../region/charts.ts';
import { toRegions, trendSeries, type IndicatorRow, type RegionInfo } from '../../region/model.ts';
import { cellText, shortDate, spreadText, standingText } from '../../region/present.ts';
import { klaCategoryTable, klaHistory, lksaSummary } from '../../region/sections.ts';
import { countBarsOption } from './charts.ts';
import {
  allDone, caveatsOf, citation, indicatorIdsOf, keyFigure, keyFigureIds, kindOf, klaThresholdLines, reportTitle,
  SUBJECT_NAME, subjectsOf, subjectSummaries, subjectTitle, subRegionColumns, subRegionsOf, subRegionTable, type ReportSubject,
} from './model.ts';
import { ReportMap } from './ReportMap.tsx';
import { IndicatorTableHead, KlaCountsTable, KlaHistoryTable } from '../../region/tables.tsx';
import { TEXT, tx } from './text.ts';
import './report.css';
import { LoadFailure } from '../../components/LoadFailure.tsx';

/**
 * The printable report: a region (Indonesia, a province or a kab/kota: state.region) and a subject (state.subject)
 * as an A4 document: title, snapshot facts, key figures with Indonesia's values, a static SVG map, charts (ECharts,
 * SVG renderer), tables, methodology, sources, a citation, and a watermark on every printed page when the snapshot
 * is synthetic. The root carries data-ready="true" once every query, the map and every chart are done.
 */
export default function ReportView({ lang }: { lang: Lang }) {
  const code = useStore((s) => s.region);
  const subject = useStore((s) => s.subject);
  const set = useStore((s) => s.set);
  const snap = useSnapshot();
  const manifest = snap.status === 'ready' ? snap.snapshot.manifest : null;
  const regionsQ = useQuery('profile/regions');
  const regions = useMemo(() => toRegions(regionsQ.rows), [regionsQ.rows]);
  const byCode = useMemo(() => new Map(regions.map((r) => [r.code, r])), [regions]);
  const region = byCode.get(code);

  useEffect(() => {
    if (region) document.title = `${reportTitle(lang, subject, region.name)} · Pantau Anak`;
  }, [region, lang, subject]);

  if (regionsQ.status === 'error') return <Failed lang={lang} error={regionsQ.cause} />;
  if (regions.length === 0 || !manifest) return <p role="status">{tx(lang, 'loading')}</p>;

  return (
    <div className="report-view">
      <Controls lang={lang} subject={subject} region={region ?? null} regions={regions} onChange={set} />
      {!region && <p role="alert" className="error">{tx(lang, 'unknownRegion', { code })}</p>}
      {region && (
        <ReportDocument
          key={`${region.code}|${subject}|${lang}`}
          lang={lang} subject={subject} region={region} regions={regions} byCode={byCode} manifest={manifest}
        />
      )}
    </div>
  );
}

// ---- Controls (screen only) ----

function Controls({ lang, subject, region, regions, onChange }: {
  lang: Lang; subject: Subject; region: RegionInfo | null; regions: readonly RegionInfo[];
  onChange: (patch: { region?: string; subject?: Subject }) => void;
}) {
  const provinces = regions.filter((r) => r.level === 'province');
  const province = region === null ? '00' : region.level === 'national' ? '00' : region.level === 'province' ? region.code : region.provinceCode ?? '00';
  const regencies = regions.filter((r) => r.level === 'regency' && r.provinceCode === province);
  const subjectLabel: Record<Subject, string> = {
    all: tx(lang, 'subjectAll'), violence: tx(lang, 'subjectViolence'), lksa: tx(lang, 'subjectLksa'), kla: tx(lang, 'subjectKla'),
  };
  return (
    <form className="report-controls" aria-label={tx(lang, 'controls')} onSubmit={(e) => e.preventDefault()}>
      <label>
        <span>{tx(lang, 'subject')}</span>
        <select value={subject} onChange={(e) => onChange({ subject: e.target.value as Subject })}>
          {SUBJECTS.map((s) => <option key={s} value={s}>{subjectLabel[s]}</option>)}
        </select>
      </label>
      <label>
        <span>{tx(lang, 'province')}</span>
        <select value={province} onChange={(e) => onChange({ region: e.target.value })}>
          <option value="00">Indonesia</option>
          {provinces.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
        </select>
      </label>
      <label>
        <span>{tx(lang, 'regency')}</span>
        <select
          value={region?.level === 'regency' ? region.code : ''}
          disabled={province === '00'}
          onChange={(e) => onChange({ region: e.target.value || province })}
        >
          <option value="">{tx(lang, 'wholeProvince')}</option>
          {regencies.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
        </select>
      </label>
      <p className="meta report-print-hint">{tx(lang, 'printHint')}</p>
    </form>
  );
}

// ---- Readiness: every part registers and says when it is done ----

type Register = (key: string, done: boolean | null) => void;
const ReadyContext = createContext<Register>(() => undefined);

/** Registers a part of the report as pending until `done`; unregisters on unmount. */
function useReady(key: string, done: boolean): void {
  const register = useContext(ReadyContext);
  useEffect(() => { register(key, done); }, [register, key, done]);
  useEffect(() => () => register(key, null), [register, key]);
}

// ---- Indicator rows: one request per catalogue indicator of the subject, through the one indicator path ----

interface Loaded { status: 'loading' | 'ready' | 'error'; cause: unknown; rows: readonly IndicatorRow[] }

interface DocContext {
  lang: Lang;
  subject: Subject;
  region: RegionInfo;
  regions: readonly RegionInfo[];
  byCode: ReadonlyMap<string, RegionInfo>;
  manifest: Manifest;
  /** An indicator's rows once loaded (undefined while loading or failed). */
  rowsOf: (id: string) => readonly IndicatorRow[] | undefined;
  loaded: Readonly<Record<string, Loaded>>;
}

function ReportDocument({ lang, subject, region, regions, byCode, manifest }: {
  lang: Lang; subject: Subject; region: RegionInfo; regions: readonly RegionInfo[];
  byCode: ReadonlyMap<string, RegionInfo>; manifest: Manifest;
}) {
  const [parts, setParts] = useState<ReadonlyMap<string, boolean>>(new Map());
  const register = useCallback<Register>((key, done) => setParts((prev) => {
    if (done === null) {
      if (!prev.has(key)) return prev;
      const next = new Map(prev);
      next.delete(key);
      return next;
    }
    return prev.get(key) === done ? prev : new Map(prev).set(key, done);
  }), []);
  const ids = useMemo(() => indicatorIdsOf(subject), [subject]);
  const states = useIndicators(useMemo(() => ids.map((id) => indicatorOf(id)), [ids]));
  const loaded = useMemo(() => Object.fromEntries(ids.map((id, i) => {
    const q = states[i]!;
    return [id, { status: q.status, cause: q.cause, rows: q.status === 'ready' ? q.result!.rows : [] } satisfies Loaded];
  })), [ids, states]);
  const rowsOf = useCallback((id: string) => (loaded[id]?.status === 'ready' ? loaded[id].rows : undefined), [loaded]);
  const indicatorsDone = ids.every((id) => loaded[id] && loaded[id].status !== 'loading');
  const ready = indicatorsDone && allDone(parts);
  // The print date in the reader's own time zone (formatDate reads a calendar date; toISOString would be UTC).
  const printed = useMemo(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, []);
  const ctx: DocContext = { lang, subject, region, regions, byCode, manifest, rowsOf, loaded };
  const subjects = subjectsOf(subject);
  const title = reportTitle(lang, subject, region.name);
  const kind = kindOf(lang, region);
  const province = region.provinceName && region.level === 'regency' ? tx(lang, 'inProvince', { kind, province: region.provinceName }) : kind;

  return (
    <ReadyContext.Provider value={register}>
      <div className="report-actions">
        {/* Printing before every chart is drawn would print empty frames: the button waits for the report. */}
        <button type="button" className="report-print" disabled={!ready} onClick={() => window.print()}>{tx(lang, 'print')}</button>
        <p role="status" className="meta report-status">{ready ? tx(lang, 'readyStatus') : tx(lang, 'preparing')}</p>
      </div>
      {manifest.synthetic && (
        <div className="report-watermark" aria-hidden="true"><span>{TEXT.watermark.id}</span> <span>{TEXT.watermark.en}</span></div>
      )}
      <article
        className="report" lang={lang} aria-labelledby="report-title"
        data-ready={ready ? 'true' : 'false'} data-region={region.code} data-subject={subject} aria-busy={!ready}
      >
        <header className="report-head">
          <p className="report-brand">Pantau Anak</p>
          <h2 id="report-title" className="report-title">{title}</h2>
          <p className="report-kind">{province} · {region.code}</p>
          <dl className="report-facts">
            <div><dt>{tx(lang, 'snapshot')}</dt><dd data-snapshot>{manifest.snapshot_id}</dd></div>
            <div><dt>{tx(lang, 'referenceDate')}</dt><dd>{formatDate(lang, manifest.reference_date)}</dd></div>
            <div><dt>{tx(lang, 'printedOn')}</dt><dd>{formatDate(lang, printed)}</dd></div>
            <div><dt>{tx(lang, 'population')}</dt><dd>{formatNumber(lang, region.population)}</dd></div>
            <div><dt>{tx(lang, 'childPopulation')}</dt><dd>{formatNumber(lang, region.childPopulation)}</dd></div>
          </dl>
          {manifest.synthetic && manifest.synthetic_notice && <p className="report-synthetic" role="note">{manifest.synthetic_notice[lang]}</p>}
        </header>

        <KeyFigures ctx={ctx} />
        <MapSection ctx={ctx} />
        {subjects.includes('violence') && <ViolenceSection ctx={ctx} />}
        {subjects.includes('lksa') && <LksaSection ctx={ctx} />}
        {subjects.includes('kla') && <KlaSection ctx={ctx} />}
        <SubRegions ctx={ctx} />
        <Methodology ctx={ctx} />
        <Sources ctx={ctx} title={subjectTitle(lang, subject)} printed={printed} />
        <p className="report-end meta">{tx(lang, 'end')}</p>
      </article>
    </ReadyContext.Provider>
  );
}

function Section({ id, title, children, className }: { id: string; title: string; children: ReactNode; className?: string }) {
  return (
    <section className={`report-section${className ? ` ${className}` : ''}`} aria-labelledby={id} data-section={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/** A chart that registers itself as pending until ECharts has drawn it. */
function ReportChart({ id, option, label, height }: { id: string; option: Parameters<typeof Chart>[0]['option']; label: string; height: number }) {
  const [drawn, setDrawn] = useState(false);
  useReady(`chart:${id}`, drawn);
  const onReady = useCallback(() => setDrawn(true), []);
  return (
    <figure className="report-figure report-chart" data-chart-id={id} data-drawn={drawn ? 'true' : 'false'}>
      <figcaption>{label}</figcaption>
      <Chart option={option} label={label} height={height} onReady={onReady} />
    </figure>
  );
}

function Failed({ lang, error }: { lang: Lang; error: unknown }) {
  return <LoadFailure lang={lang} error={error} />;
}

// ---- Key figures ----

function KeyFigures({ ctx }: { ctx: DocContext }) {
  const { lang, region, regions } = ctx;
  const figures = subjectsOf(ctx.subject).flatMap((s) => keyFigureIds(s, region.level).map((id) => {
    const rows = ctx.rowsOf(id);
    return { id, figure: rows ? keyFigure(lang, indicatorOf(id), rows, region, regions) : null, state: ctx.loaded[id] };
  }));
  return (
    <Section id="report-key" title={tx(lang, 'keyFigures')}>
      <p className="meta">{tx(lang, 'keyFiguresNote')}</p>
      <div className="report-figures">
        {figures.map(({ id, figure, state }) => {
          if (state?.status === 'error') return <Failed key={id} lang={lang} error={state.cause} />;
          if (!state || state.status === 'loading') return <div key={id} className="report-kf" aria-busy="true">{tx(lang, 'loading')}</div>;
          if (!figure) return null;
          return (
            <div key={id} className="report-kf" data-figure={id}>
              <div className="report-kf-value" data-value>{figure.value}</div>
              <div className="report-kf-label">
                {figure.title}{' '}
                <span className="report-kf-year">({figure.year ?? tx(lang, 'registry', { date: shortDate(lang, ctx.manifest.reference_date) })})</span>
              </div>
              {figure.national !== null && <div className="report-kf-national" data-national>{tx(lang, 'nationalValue', { value: figure.national })}</div>}
            </div>
          );
        })}
      </div>
    </Section>
  );
}

// ---- Map ----

function MapSection({ ctx }: { ctx: DocContext }) {
  const [done, setDone] = useState(false);
  useReady('map', done);
  const onDone = useCallback(() => setDone(true), []);
  return (
    <Section id="report-map" title={tx(ctx.lang, 'mapHeading')}>
      <ReportMap lang={ctx.lang} subject={ctx.subject} region={ctx.region} byCode={ctx.byCode} rowsOf={ctx.rowsOf} onDone={onDone}
        queryError={(id) => (ctx.loaded[id]?.status === 'error' ? ctx.loaded[id].cause : null)} />
    </Section>
  );
}

// ---- Indicator tables ----

function IndicatorTable({ ctx, subject }: { ctx: DocContext; subject: ReportSubject }) {
  const { lang, region } = ctx;
  const items = subjectSummaries(subject, ctx.rowsOf, region, ctx.regions);
  const groups = items[0]?.summary.standings.map((s) => s.group) ?? [];
  const nameOf = (code: string) => ctx.byCode.get(code)?.name ?? code;
  const caption = tx(lang, 'indicatorsOf', { subject: tx(lang, SUBJECT_NAME[subject]), region: region.name });
  return (
    <table className="data-table report-table report-indicators" data-subject={subject}>
      <caption>{caption}</caption>
      <IndicatorTableHead lang={lang} level={region.level} groups={groups} spread={tx(lang, 'colSpread')} />
      <tbody>
        {items.map(({ indicator, summary }) => (
          <tr key={indicator.id} data-indicator={indicator.id}>
            <th scope="row">{indicator.title[lang]} <span className="report-unit">({indicator.unit[lang]})</span></th>
            <td>{summary.year ?? shortDate(lang, ctx.manifest.reference_date)}</td>
            <td className="num report-value">{cellText(lang, indicator, summary.own)}</td>
            {region.level === 'national'
              ? <td>{spreadText(lang, indicator, summary.spread, nameOf)}</td>
              : summary.standings.map((s) => <td key={s.group.kind}>{standingText(lang, s.standing)}</td>)}
            {region.level !== 'national' && <td className="num">{summary.national ? cellText(lang, indicator, summary.national) : '–'}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// ---- Violence ----

function ViolenceSection({ ctx }: { ctx: DocContext }) {
  const { lang, region } = ctx;
  const victims = ctx.rowsOf('violence-victims');
  const rate = ctx.rowsOf('violence-victim-rate');
  const national = ctx.byCode.get('00');
  const lines = (rows: readonly IndicatorRow[] | undefined): [TrendLine, TrendLine | null] | null => {
    if (!rows) return null;
    const years = yearsOf(rows);
    const own: TrendLine = { name: region.name, points: trendSeries(rows, region.code, years) };
    const nat = region.level === 'national' || !national ? null : { name: national.name, points: trendSeries(rows, national.code, years) };
    return [own, nat];
  };
  const victimsLines = useMemo(() => lines(victims), [victims]); // eslint-disable-line react-hooks/exhaustive-deps
  const rateLines = useMemo(() => lines(rate), [rate]); // eslint-disable-line react-hooks/exhaustive-deps
  const victimsOption = useMemo(() => (victimsLines ? trendOption(lang, indicatorOf('violence-victims'), victimsLines[0], victimsLines[1], true) : null), [lang, victimsLines]);
  const rateOption = useMemo(() => (rateLines ? trendOption(lang, indicatorOf('violence-victim-rate'), rateLines[0], rateLines[1], false) : null), [lang, rateLines]);
  const years = victims ? yearsOf(victims) : [];
  const latest = years[years.length - 1] ?? null;
  const from = years[0] ?? '';
  const to = latest ?? '';
  const trendLabel = tx(lang, region.level === 'national' ? 'trendLabelNational' : 'trendLabel', { region: region.name, from, to });
  const failed = ctx.loaded['violence-victims']?.status === 'error' ? ctx.loaded['violence-victims'] : null;
  return (
    <Section id="report-violence" title={tx(lang, 'subjectViolence')} className="report-subject">
      <IndicatorTable ctx={ctx} subject="violence" />
      {failed && <Failed lang={lang} error={failed.cause} />}
      {victimsOption && <ReportChart id="violence-trend" option={victimsOption} label={trendLabel} height={230} />}
      {rateOption && <ReportChart id="violence-rate-trend" option={rateOption} label={`${tx(lang, 'rateTrendHeading')}, ${region.name}, ${from}-${to}`} height={210} />}
      {latest !== null && <ByType ctx={ctx} year={latest} />}
    </Section>
  );
}

function ByType({ ctx, year }: { ctx: DocContext; year: number }) {
  const { lang, region } = ctx;
  const scope = region.level === 'regency' ? ctx.byCode.get(region.provinceCode ?? '') ?? null : region;
  const q = useQuery(scope ? 'violence/by_type' : null, { year, region: scope?.code ?? '00' });
  useReady('by-type', !scope || q.status !== 'loading');
  if (!scope) return null;
  return (
    <div className="report-block">
      <h4>{tx(lang, 'byTypeHeading', { region: scope.name, year })}</h4>
      {region.level === 'regency' && <p className="meta">{tx(lang, 'byTypeRegencyNote', { province: scope.name })}</p>}
      {q.status === 'error' ? <Failed lang={lang} error={q.cause} /> : (
        <table className="data-table report-table report-bytype">
          <caption className="sr-only">{tx(lang, 'byTypeHeading', { region: scope.name, year })}</caption>
          <thead>
            <tr>
              <th scope="col">{tx(lang, 'colType')}</th>
              <th scope="col" className="num">{tx(lang, 'colVictims')}</th>
              <th scope="col" className="num">{tx(lang, 'colCases')}</th>
              <th scope="col" className="num">{tx(lang, 'colShare')}</th>
            </tr>
          </thead>
          <tbody>
            {q.rows.map((r) => {
              const withheld = r.suppressed === true;
              const n = (v: unknown, d = 0) => (typeof v === 'number' ? formatNumber(lang, v, d) : withheld ? t(lang, 'suppressed') : '–');
              return (
                <tr key={String(r.code)} data-code={String(r.code)}>
                  <th scope="row">{String(lang === 'id' ? r.label_id : r.label_en)}</th>
                  <td className="num">{n(r.victims)}</td>
                  <td className="num">{n(r.cases)}</td>
                  <td className="num">{n(r.share_pct, 1)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="meta">{tx(lang, 'byTypeNote')}</p>
    </div>
  );
}

// ---- LKSA ----

function LksaSection({ ctx }: { ctx: DocContext }) {
  const { lang, region } = ctx;
  const q = useQuery('profile/lksa_summary', { region: region.code });
  const summary = useMemo(() => lksaSummary(q.rows), [q.rows]);
  const option = useMemo(
    () => (q.status === 'ready' && summary.total > 0 ? countBarsOption(lang, summary.accreditation.map((c) => ({ label: c.label[lang], value: c.institutions }))) : null),
    [lang, q.status, summary],
  );
  useReady('lksa-summary', q.status !== 'loading');
  const date = formatDate(lang, ctx.manifest.reference_date);
  const table = (caption: string, counts: typeof summary.accreditation, key: string) => (
    <table className="data-table report-table" data-lksa={key}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col" className="num">{tx(lang, 'institutions')}</th>
          <th scope="col" className="num">{tx(lang, 'share')}</th>
        </tr>
      </thead>
      <tbody>
        {counts.map((c) => (
          <tr key={c.code} data-code={c.code}>
            <th scope="row">{c.label[lang]}</th>
            <td className="num">{formatNumber(lang, c.institutions)}</td>
            <td className="num">{summary.total > 0 ? formatNumber(lang, (100 * c.institutions) / summary.total, 1) : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <Section id="report-lksa" title={tx(lang, 'subjectLksa')} className="report-subject">
      <IndicatorTable ctx={ctx} subject="lksa" />
      {q.status === 'error' ? <Failed lang={lang} error={q.cause} /> : q.status === 'ready' && (
        <div className="report-block">
          <h4>{tx(lang, 'lksaCounts', { region: region.name })}</h4>
          <p className="report-lksa-total" data-lksa-total={summary.total}>{tx(lang, 'lksaTotal', { n: formatNumber(lang, summary.total), date })}</p>
          <div className="report-two">
            {table(tx(lang, 'accreditation'), summary.accreditation, 'accreditation')}
            {table(tx(lang, 'licence'), summary.licence, 'licence')}
          </div>
          {option && <ReportChart id="lksa-accreditation" option={option} label={tx(lang, 'lksaChart', { region: region.name })} height={190} />}
        </div>
      )}
    </Section>
  );
}

// ---- KLA ----

function KlaSection({ ctx }: { ctx: DocContext }) {
  const { lang, region } = ctx;
  return (
    <Section id="report-kla" title={tx(lang, 'subjectKla')} className="report-subject">
      <IndicatorTable ctx={ctx} subject="kla" />
      {region.level === 'regency' ? <KlaHistory ctx={ctx} /> : <KlaCounts ctx={ctx} />}
    </Section>
  );
}

function KlaHistory({ ctx }: { ctx: DocContext }) {
  const { lang, region } = ctx;
  const q = useQuery('profile/kla_history', { region: region.code });
  const history = useMemo(() => klaHistory(q.rows), [q.rows]);
  const latest = history[history.length - 1];
  const option = useMemo(() => (q.status === 'ready' && latest ? klaClusterOption(lang, latest.clusters) : null), [lang, q.status, latest]);
  useReady('kla', q.status !== 'loading');
  if (q.status === 'error') return <Failed lang={lang} error={q.cause} />;
  if (q.status === 'loading') return null;
  const caption = tx(lang, 'klaHistory', { region: region.name });
  return (
    <div className="report-block">
      <h4>{caption}</h4>
      {history.length === 0 ? <p className="meta">{tx(lang, 'klaNever')}</p> : (
        <KlaHistoryTable lang={lang} history={history} caption={caption} className="report-table report-kla-history" captionClassName="sr-only" />
      )}
      {latest && option && <ReportChart id="kla-clusters" option={option} label={tx(lang, 'klaClusters', { year: latest.year, region: region.name })} height={240} />}
    </div>
  );
}

function KlaCounts({ ctx }: { ctx: DocContext }) {
  const { lang, region } = ctx;
  const q = useQuery('profile/kla_categories', { region: region.code });
  const table = useMemo(() => klaCategoryTable(q.rows), [q.rows]);
  const option = useMemo(() => (q.status === 'ready' && table.years.length > 0 ? klaCategoryOption(lang, table.years, table.categories) : null), [lang, q.status, table]);
  useReady('kla', q.status !== 'loading');
  if (q.status === 'error') return <Failed lang={lang} error={q.cause} />;
  if (q.status === 'loading') return null;
  const caption = tx(lang, 'klaCounts', { region: region.name });
  return (
    <div className="report-block">
      <h4>{caption}</h4>
      <KlaCountsTable lang={lang} table={table} caption={caption} className="report-table report-kla-counts" captionClassName="sr-only" />
      {option && <ReportChart id="kla-categories" option={option} label={caption} height={230} />}
    </div>
  );
}

// ---- Sub-regions ----

function SubRegions({ ctx }: { ctx: DocContext }) {
  const { lang, region } = ctx;
  const children = subRegionsOf(region, ctx.regions);
  const childLevel: IndicatorLevel = region.level === 'national' ? 'province' : 'regency';
  const table = subRegionTable(lang, region, children, subRegionColumns(ctx.subject, childLevel), ctx.rowsOf);
  if (children.length === 0) return null;
  const province = region.level === 'national' ? null : region.level === 'province' ? region : ctx.byCode.get(region.provinceCode ?? '');
  const title = province ? tx(lang, 'subRegionsRegencies', { province: province.name }) : tx(lang, 'subRegionsProvinces');
  return (
    <Section id="report-subregions" title={title}>
      {region.level === 'regency' && <p className="meta">{tx(lang, 'subRegionsMarked', { region: region.name })}</p>}
      <table className="data-table report-table report-subtable">
        <caption className="sr-only">{tx(lang, 'subRegionsCaption', { title })}</caption>
        <thead>
          <tr>
            <th scope="col">{tx(lang, 'colRegion')}</th>
            {table.headers.map((h) => <th scope="col" key={h} className="num">{h}</th>)}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.code} data-code={r.code} className={r.marked ? 'report-marked' : undefined}>
              <th scope="row">{r.name}</th>
              {r.cells.map((c, i) => <td key={table.headers[i]} className="num">{c}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

// ---- Methodology, sources, citation ----

function Methodology({ ctx }: { ctx: DocContext }) {
  const { lang, manifest } = ctx;
  const subjects = subjectsOf(ctx.subject);
  return (
    <Section id="report-method" title={tx(lang, 'methodology')} className="report-method">
      {subjects.includes('violence') && (
        <>
          <h4>{tx(lang, 'methodViolence')}</h4>
          <ul>{caveatsOf('violence', ['violence-victims', 'violence-victim-rate']).map((c) => <li key={c.en}>{c[lang]}</li>)}</ul>
        </>
      )}
      {subjects.includes('lksa') && (
        <>
          <h4>{tx(lang, 'methodLksa')}</h4>
          <ul>{caveatsOf('lksa', ['lksa-institutions', 'lksa-children-per-caregiver', 'lksa-risk-finding-share']).map((c) => <li key={c.en}>{c[lang]}</li>)}</ul>
        </>
      )}
      {subjects.includes('kla') && (
        <>
          <h4>{tx(lang, 'methodKla')}</h4>
          <ul>
            {caveatsOf('kla', ['kla-category']).map((c) => <li key={c.en}>{c[lang]}</li>)}
            <li>{klaThresholdLines(lang).join('; ')}.</li>
          </ul>
        </>
      )}
      <h4>{tx(lang, 'methodDisclosure', { k: manifest.disclosure.k })}</h4>
      <p>{manifest.disclosure.rule[lang]}</p>
      <h4>{tx(lang, 'methodRanks')}</h4>
      <p>{t(lang, 'rankRule')}</p>
    </Section>
  );
}

function Sources({ ctx, title, printed }: { ctx: DocContext; title: string; printed: string }) {
  const { lang, manifest, region } = ctx;
  const cite = citation(lang, {
    title, region: region.name, snapshot: manifest.snapshot_id,
    reference: formatDate(lang, manifest.reference_date), printed: formatDate(lang, printed), synthetic: manifest.synthetic,
  });
  return (
    <>
      <Section id="report-sources" title={tx(lang, 'sources')} className="report-sources">
        <ul>
          {manifest.sources.map((s) => (
            <li key={s.name}>
              {s.name} ({s.licence}){s.note ? `; ${s.note}` : ''}. <span className="report-url">{s.url}</span>
            </li>
          ))}
          {!manifest.sources.some((s) => /boundar/i.test(`${s.name} ${s.url}`)) && <li>{tx(lang, 'boundaries')}</li>}
        </ul>
        <p>{manifest.licence[lang]}</p>
        <p className="meta">{tx(lang, 'builtAt')}: {formatDate(lang, manifest.built_at)}</p>
      </Section>
      <Section id="report-citation" title={tx(lang, 'citation')} className="report-citation">
        <p data-citation>{cite}</p>
      </Section>
    </>
  );
}
